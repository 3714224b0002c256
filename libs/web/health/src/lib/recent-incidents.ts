import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import {
  HealthApi,
  Incident,
  IncidentEvent,
  platformLabel,
  severityLabel,
  severityTone,
} from '@postprober/web/data-access';
import { StatusBadge } from '@postprober/web/ui';
import { describeApiError } from '@postprober/web/util';

type Events = { state: 'loading' } | { state: 'loaded'; events: IncidentEvent[] } | { state: 'error'; message: string };

/** Latest incidents, ongoing and resolved; each expands to its timeline of events. */
@Component({
  selector: 'pp-recent-incidents',
  imports: [DatePipe, StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './recent-incidents.html',
  styleUrl: './recent-incidents.css',
})
export class RecentIncidents {
  private readonly api = inject(HealthApi);

  readonly incidents = input.required<readonly Incident[]>();

  protected readonly expanded = signal<ReadonlyMap<string, Events>>(new Map());
  protected readonly platformLabel = platformLabel;
  protected readonly severityLabel = severityLabel;
  protected readonly severityTone = severityTone;

  protected async toggle(incident: Incident): Promise<void> {
    if (this.expanded().has(incident.id)) {
      this.setEvents(incident.id, null);
      return;
    }
    this.setEvents(incident.id, { state: 'loading' });
    try {
      const detail = await this.api.getIncident(incident.id);
      if (this.expanded().has(incident.id)) this.setEvents(incident.id, { state: 'loaded', events: detail.events });
    } catch (error) {
      if (this.expanded().has(incident.id)) {
        this.setEvents(incident.id, { state: 'error', message: describeApiError(error).message ?? 'Failed to load events.' });
      }
    }
  }

  private setEvents(id: string, events: Events | null): void {
    this.expanded.update((current) => {
      const next = new Map(current);
      if (events) next.set(id, events);
      else next.delete(id);
      return next;
    });
  }
}
