import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import {
  HealthAlertsStore,
  HealthApi,
  IncidentPage,
  IncidentStatus,
  IncidentTimelines,
  MONITOR_PLATFORMS,
  MonitorPlatform,
  platformLabel,
  severityLabel,
} from '@postprober/web/data-access';
import { PageHeader, StatusBadge } from '@postprober/web/ui';
import { describeApiError } from '@postprober/web/util';

const PAGE_SIZE = 20;

type IncidentQuery = { status?: IncidentStatus; platform?: MonitorPlatform; page: number };

/** Admins: every incident, newest first, filtered by status and platform; a row expands to its events. */
@Component({
  selector: 'pp-incidents-page',
  imports: [DatePipe, PageHeader, StatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incidents-page.html',
  styleUrl: './incidents-page.css',
})
export class IncidentsPage {
  private readonly api = inject(HealthApi);
  private readonly store = inject(HealthAlertsStore);

  protected readonly platforms = MONITOR_PLATFORMS;
  protected readonly status = signal<IncidentStatus | ''>('');
  protected readonly platform = signal<MonitorPlatform | ''>('');
  protected readonly page = signal(1);
  /** The request the filters and page ask for; a new object only when one of them changes. */
  private readonly query = computed<IncidentQuery>(() => ({
    status: this.status() || undefined,
    platform: this.platform() || undefined,
    page: this.page(),
  }));

  protected readonly result = signal<IncidentPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly timelines = new IncidentTimelines(this.api);
  protected readonly pageCount = computed(() => {
    const r = this.result();
    return r ? Math.max(1, Math.ceil(r.total / r.page_size)) : 1;
  });

  protected readonly platformLabel = platformLabel;
  protected readonly severityLabel = severityLabel;

  constructor() {
    effect(() => {
      const query = this.query();
      // New alerts change incidents: reload the page being shown.
      this.store.alertsReceived();
      untracked(() => void this.load(query));
    });
  }

  protected filterStatus(value: string): void {
    this.status.set(value as IncidentStatus | '');
    this.page.set(1);
  }

  protected filterPlatform(value: string): void {
    this.platform.set(MONITOR_PLATFORMS.find((p) => p === value) ?? '');
    this.page.set(1);
  }

  protected goTo(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pageCount()));
  }

  protected retry(): void {
    void this.load(this.query());
  }

  private async load(query: IncidentQuery): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const result = await this.api.listIncidents({ ...query, page_size: PAGE_SIZE });
      // Ignore an answer for filters the user has already changed.
      if (query === this.query()) this.result.set(result);
    } catch (error) {
      this.loadError.set(describeApiError(error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
