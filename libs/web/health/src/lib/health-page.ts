import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  AuthStore,
  HEALTH_POLL_INTERVAL_MS,
  HealthAlertsStore,
  HealthApi,
  HealthHistoryPoint,
  Incident,
  MonitorHealth,
  stateLabel,
  stateTone,
} from '@postprober/web/data-access';
import { PageHeader, StatusBadge } from '@postprober/web/ui';
import { describeApiError } from '@postprober/web/util';
import { LatencyChart } from './latency-chart';
import { MonitorCard } from './monitor-card';
import { RecentIncidents } from './recent-incidents';

const HISTORY_HOURS = 24;
const RECENT_INCIDENTS = 10;

/** Live platform health: a card per monitor, the selected monitor's 24 h latency, and recent incidents. */
@Component({
  selector: 'pp-health-page',
  imports: [DatePipe, RouterLink, PageHeader, StatusBadge, MonitorCard, LatencyChart, RecentIncidents],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './health-page.html',
  styleUrl: './health-page.css',
})
export class HealthPage {
  private readonly store = inject(HealthAlertsStore);
  private readonly api = inject(HealthApi);

  protected readonly isAdmin = inject(AuthStore).isAdmin;
  protected readonly status = this.store.status;
  protected readonly mode = this.store.mode;
  protected readonly pollSeconds = HEALTH_POLL_INTERVAL_MS / 1000;
  protected readonly now = signal(Date.now());

  private readonly chosenMonitor = signal<string | null>(null);
  protected readonly selectedMonitor = computed<MonitorHealth | null>(() => {
    const monitors = this.status()?.monitors ?? [];
    return monitors.find((m) => m.monitor_id === this.chosenMonitor()) ?? monitors.at(0) ?? null;
  });
  protected readonly history = signal<HealthHistoryPoint[] | null>(null);
  protected readonly historyError = signal<string | null>(null);

  protected readonly incidents = signal<Incident[] | null>(null);
  protected readonly incidentsError = signal<string | null>(null);
  protected readonly refreshing = signal(false);
  protected readonly refreshError = signal<string | null>(null);

  protected readonly stateLabel = stateLabel;
  protected readonly stateTone = stateTone;

  constructor() {
    // History of the selected monitor, reloaded when the selection changes.
    const selectedId = computed(() => this.selectedMonitor()?.monitor_id ?? null);
    effect(() => {
      const id = selectedId();
      untracked(() => void this.loadHistory(id));
    });
    // Each pushed result of the selected monitor extends its chart without a reload.
    effect(() => {
      const latest = this.selectedMonitor();
      untracked(() => {
        const series = this.history();
        if (!latest?.last_check || !series || latest.status === 'pending') return;
        const last = series.at(-1);
        if (last && Date.parse(last.checked_at) >= Date.parse(latest.last_check)) return;
        this.history.set([
          ...series,
          { checked_at: latest.last_check, status: latest.status, latency_ms: latest.response_time, http_status: latest.http_status },
        ]);
      });
    });
    // New alerts mean incidents opened, changed or resolved.
    effect(() => {
      this.store.alertsReceived();
      untracked(() => void this.loadIncidents());
    });
    const clock = setInterval(() => this.now.set(Date.now()), 30_000);
    inject(DestroyRef).onDestroy(() => clearInterval(clock));
  }

  protected select(monitorId: string): void {
    this.chosenMonitor.set(monitorId);
  }

  protected async refresh(): Promise<void> {
    this.refreshing.set(true);
    this.refreshError.set(null);
    try {
      await Promise.all([
        this.store.refreshStatus(),
        this.loadIncidents(),
        this.loadHistory(this.selectedMonitor()?.monitor_id ?? null),
      ]);
    } catch (error) {
      this.refreshError.set(describeApiError(error).message);
    } finally {
      this.refreshing.set(false);
    }
  }

  private async loadHistory(monitorId: string | null): Promise<void> {
    this.historyError.set(null);
    this.history.set(null);
    if (!monitorId) return;
    try {
      const history = await this.api.getHealthHistory({ monitor: monitorId, hours: HISTORY_HOURS });
      if (this.selectedMonitor()?.monitor_id === monitorId) this.history.set(history.series);
    } catch (error) {
      this.historyError.set(describeApiError(error).message);
    }
  }

  private async loadIncidents(): Promise<void> {
    try {
      const page = await this.api.listIncidents({ page: 1, page_size: RECENT_INCIDENTS });
      this.incidents.set(page.items);
      this.incidentsError.set(null);
    } catch (error) {
      this.incidentsError.set(describeApiError(error).message);
    }
  }
}
