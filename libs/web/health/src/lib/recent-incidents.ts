import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import {
  HealthApi,
  Incident,
  IncidentTimelines,
  platformLabel,
  severityLabel,
  severityTone,
} from '@postprober/web/data-access';
import { StatusBadge } from '@postprober/web/ui';

/** Latest incidents, ongoing and resolved; each expands to its timeline of events. */
@Component({
  selector: 'pp-recent-incidents',
  imports: [DatePipe, StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './recent-incidents.html',
  styleUrl: './recent-incidents.css',
})
export class RecentIncidents {
  readonly incidents = input.required<readonly Incident[]>();

  protected readonly timelines = new IncidentTimelines(inject(HealthApi));
  protected readonly platformLabel = platformLabel;
  protected readonly severityLabel = severityLabel;
  protected readonly severityTone = severityTone;
}
