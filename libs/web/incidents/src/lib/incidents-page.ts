import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EmptyState, PageHeader } from '@postprober/web/ui';

/** Placeholder until the Incidents feature is built: says what will appear here. */
@Component({
  selector: 'pp-incidents-page',
  imports: [EmptyState, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pp-page-header heading="Incidents" description="History of platform disruptions detected by monitoring." />
    <pp-empty-state heading="No incidents recorded" icon="⚑" data-testid="incidents-empty">
      <p>
        Outages and slowdowns detected by platform monitoring will be listed here with when each started, how long it lasted and which platforms it affected.
      </p>
    </pp-empty-state>
  `,
})
export class IncidentsPage {}
