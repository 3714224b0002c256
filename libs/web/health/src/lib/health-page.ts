import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyState, PageHeader } from '@postprober/web/ui';

/** Placeholder until the Health feature is built: says what will appear here. */
@Component({
  selector: 'pp-health-page',
  imports: [EmptyState, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pp-page-header heading="Health" description="Live status of the social platforms your team publishes to." />
    <pp-empty-state heading="Platform monitoring is not set up yet" icon="♥" data-testid="health-empty">
      <p>
        The live status of X, LinkedIn, Instagram and Facebook will appear here: whether each platform is answering, how quickly, and any disruption in progress, updated as it happens.
      </p>
    </pp-empty-state>
  `,
})
export class HealthPage {}
