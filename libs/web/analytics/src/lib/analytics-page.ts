import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyState, PageHeader } from '@postprober/web/ui';

/** Placeholder until the Analytics feature is built: says what will appear here. */
@Component({
  selector: 'pp-analytics-page',
  imports: [EmptyState, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pp-page-header heading="Analytics" description="How your published posts perform." />
    <pp-empty-state heading="No analytics yet" icon="▤" data-testid="analytics-empty">
      <p>
        Engagement for your published posts, such as reach, interactions and trends by platform, will appear here together with AI-written insights on what worked and why.
      </p>
    </pp-empty-state>
  `,
})
export class AnalyticsPage {}
