import { signal } from '@angular/core';
import { describeApiError } from '@postprober/web/util';
import type { HealthApi, IncidentEvent } from './health-api';

export type IncidentTimeline =
  | { state: 'loading' }
  | { state: 'loaded'; events: IncidentEvent[] }
  | { state: 'error'; message: string };

/**
 * The incidents of a list that are expanded to their events (Health's recent incidents, the Incidents page).
 * Events are fetched on opening; an answer for a row closed in the meantime is dropped.
 */
export class IncidentTimelines {
  private readonly state = signal<ReadonlyMap<string, IncidentTimeline>>(new Map());
  /** By incident id; absent: collapsed. */
  readonly expanded = this.state.asReadonly();

  constructor(private readonly api: HealthApi) {}

  async toggle(id: string): Promise<void> {
    if (this.state().has(id)) {
      this.set(id, null);
      return;
    }
    this.set(id, { state: 'loading' });
    try {
      const detail = await this.api.getIncident(id);
      if (this.state().has(id)) this.set(id, { state: 'loaded', events: detail.events });
    } catch (error) {
      if (this.state().has(id)) this.set(id, { state: 'error', message: describeApiError(error).message ?? 'Failed to load events.' });
    }
  }

  private set(id: string, timeline: IncidentTimeline | null): void {
    this.state.update((current) => {
      const next = new Map(current);
      if (timeline) next.set(id, timeline);
      else next.delete(id);
      return next;
    });
  }
}
