import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { isPausedReason, newestCheck, summarizeHealth, type HealthAlert, type HealthStatusUpdate } from '@postprober/shared/health-events';
import { AuthStore } from '../auth.store';
import { isUnread, maxAlertId, mergeAlerts } from './alert-list';
import { BrowserNotifications } from './browser-notifications';
import { AlertsPage, HealthApi, HealthStatusResponse, MonitorHealth } from './health-api';
import { HEALTH_SOCKET_CONNECTOR, HealthSocketConnection } from './health-socket';

/** localStorage key of the newest alert id this browser has received (sent on reconnect for replay). */
export const LAST_ALERT_ID_KEY = 'postprober.health.lastAlertId';

/** How often to ask the REST API while the socket is down. */
export const HEALTH_POLL_INTERVAL_MS = 10_000;

/** Alert ids remembered for de-duplication. */
const SEEN_IDS_KEPT = 1000;

const POLL_PAGE_SIZE = 50;
const MAX_POLL_PAGES = 5;

/** Alerts asked for when the portal opens. */
const INITIAL_ALERTS = 20;

export type HealthChannelMode = 'idle' | 'connecting' | 'live' | 'polling';

/**
 * Live platform health for the signed-in organization: the alerts (newest first, one per id), the unread
 * count kept by the server (so it survives a reload), and the latest status of every monitor. It listens
 * on the Socket.IO alerts channel while signed in and polls the REST API while the socket is down.
 */
@Injectable({ providedIn: 'root' })
export class HealthAlertsStore {
  private readonly api = inject(HealthApi);
  private readonly auth = inject(AuthStore);
  private readonly connector = inject(HEALTH_SOCKET_CONNECTOR);
  private readonly notifications = inject(BrowserNotifications);

  private readonly alertsState = signal<HealthAlert[]>([]);
  private readonly lastReadId = signal<string | null>(null);
  /** Unread alerts older than the ones held in memory (counted by the server). */
  private readonly olderUnread = signal(0);
  private readonly modeState = signal<HealthChannelMode>('idle');
  private readonly statusState = signal<HealthStatusResponse | null>(null);
  private readonly alertsReceivedState = signal(0);
  /** Ticks while signed in, so rows turn stale on screen when no check arrives (the same rule as the API). */
  private readonly clock = signal(Date.now());
  private clockTimer: ReturnType<typeof setTimeout> | null = null;

  private connection: HealthSocketConnection | null = null;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private everConnected = false;
  /** Ids already received, including ones pushed out of `alerts`: a replayed or repeated push is ignored. */
  private readonly seen = new Set<string>();
  /** Bumped on every start/stop so answers for an earlier session are ignored. */
  private session = 0;

  /** Newest first. */
  readonly alerts = this.alertsState.asReadonly();
  readonly unreadCount = computed(
    () => this.olderUnread() + this.alertsState().filter((a) => isUnread(a.id, this.lastReadId())).length,
  );
  readonly mode = this.modeState.asReadonly();
  readonly connected = computed(() => this.modeState() === 'live');
  /** The health snapshot with staleness judged now: no pushes for two intervals turn the overall status unknown. */
  readonly status = computed(() => {
    const s = this.statusState();
    return s ? withStaleness(s, this.clock()) : null;
  });
  /** Latest status per monitor id. */
  readonly latestStatus = computed(
    () => new Map((this.statusState()?.monitors ?? []).map((m) => [m.monitor_id, m] as const)),
  );
  /** Increases whenever new alerts arrive: pages showing incidents reload on it. */
  readonly alertsReceived = this.alertsReceivedState.asReadonly();

  constructor() {
    // Follow the session: a sign-in in another tab (maybe another organization) starts over.
    let activeToken: string | null = null;
    effect(() => {
      const token = this.auth.accessToken();
      untracked(() => {
        if (token === activeToken) return;
        if (activeToken !== null) this.stop(true);
        activeToken = token;
        if (token !== null) this.start();
      });
    });
    inject(DestroyRef).onDestroy(() => this.stop(false));
  }

  isUnread(alertId: string): boolean {
    return isUnread(alertId, this.lastReadId());
  }

  /** Marks everything up to the newest alert read, on the server so other tabs and reloads agree. */
  async markAllRead(): Promise<void> {
    const newest = this.alertsState()[0]?.id;
    if (!newest) return;
    const state = await this.api.markAlertsRead({ last_read_id: newest });
    this.applyReadState(state);
  }

  /** Reloads the status of every monitor (GET /api/health-status). */
  async refreshStatus(): Promise<void> {
    const session = this.session;
    const status = await this.api.getHealthStatus();
    if (session === this.session) this.statusState.set(status);
  }

  private start(): void {
    if (this.modeState() !== 'idle') return;
    const session = ++this.session;
    this.tickClock();
    this.modeState.set('connecting');
    // Load what the server holds first, so the socket's replay starts after it.
    void Promise.allSettled([this.loadAlerts(), this.refreshStatus()]).then(() => {
      if (session !== this.session) return;
      this.connection = this.connector(
        () => ({ token: this.auth.accessToken() ?? undefined, lastAlertId: this.readLastSeen() ?? undefined }),
        {
          connected: () => this.onConnected(session),
          disconnected: () => this.onDisconnected(session),
          alert: (alert) => session === this.session && this.receive([alert]),
          status: (update) => session === this.session && this.applyStatus(update),
        },
      );
    });
  }

  /** A timeout chain (not an interval): one tick at a time, gone on stop(). */
  private tickClock(): void {
    if (this.clockTimer !== null) return;
    this.clockTimer = setTimeout(() => {
      this.clockTimer = null;
      this.clock.set(Date.now());
      this.tickClock();
    }, STALE_CHECK_MS);
  }

  private stop(signedOut: boolean): void {
    this.session++;
    this.connection?.close();
    this.connection = null;
    this.stopPolling();
    if (this.clockTimer !== null) clearTimeout(this.clockTimer);
    this.clockTimer = null;
    this.everConnected = false;
    this.seen.clear();
    this.modeState.set('idle');
    this.alertsState.set([]);
    this.lastReadId.set(null);
    this.olderUnread.set(0);
    this.statusState.set(null);
    if (signedOut) this.writeLastSeen(null);
  }

  private onConnected(session: number): void {
    if (session !== this.session) return;
    this.stopPolling();
    this.modeState.set('live');
    // Status pushed while we were away is not replayed: take a fresh snapshot after a reconnect.
    if (this.everConnected) void this.refreshStatus().catch(() => undefined);
    this.everConnected = true;
  }

  private onDisconnected(session: number): void {
    if (session !== this.session || this.modeState() === 'polling') return;
    this.modeState.set('polling');
    this.pollTimer = setInterval(() => void this.poll(session), HEALTH_POLL_INTERVAL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private async poll(session: number): Promise<void> {
    await Promise.allSettled([this.pollAlerts(session), this.refreshStatus()]);
  }

  /** Everything after the last alert seen, a page at a time (a long outage of the socket can leave many). */
  private async pollAlerts(session: number): Promise<void> {
    for (let page = 0; page < MAX_POLL_PAGES; page++) {
      const after = this.readLastSeen() ?? undefined;
      const result = await this.api.listAlerts({ after, limit: POLL_PAGE_SIZE });
      if (session !== this.session) return;
      this.receive(result.alerts);
      this.applyReadState(result);
      // Without `after` the answer is the latest page already; with it, page on while there is more.
      if (!result.has_more || after === undefined) return;
    }
  }

  private async loadAlerts(): Promise<void> {
    const session = this.session;
    const page = await this.api.listAlerts({ limit: INITIAL_ALERTS });
    if (session !== this.session) return;
    this.remember(page.alerts);
    this.alertsState.update((current) => mergeAlerts(current, page.alerts));
    this.writeLastSeen(maxAlertId(this.readLastSeen(), this.alertsState()[0]?.id ?? null));
    this.applyReadState(page);
  }

  /** Server's read marker and count; the count beyond the alerts held here is kept apart. */
  private applyReadState(state: Pick<AlertsPage, 'last_read_id' | 'unread_count'>): void {
    this.lastReadId.set(state.last_read_id);
    const unreadHere = this.alertsState().filter((a) => isUnread(a.id, state.last_read_id)).length;
    this.olderUnread.set(Math.max(0, (state.unread_count ?? 0) - unreadHere));
  }

  /** Alerts pushed, replayed or polled: each id is shown once and notified once, in whatever order it comes. */
  private receive(incoming: readonly HealthAlert[]): void {
    const fresh = incoming.filter((a) => !this.seen.has(a.id));
    if (fresh.length === 0) return;
    this.remember(fresh);
    const lastSeen = this.readLastSeen();
    const before = this.alertsState();
    const after = mergeAlerts(before, fresh);
    // Unread alerts pushed out of the in-memory window still count.
    const kept = new Set(after.map((a) => a.id));
    const droppedUnread = before.filter((a) => !kept.has(a.id) && this.isUnread(a.id)).length;
    this.alertsState.set(after);
    this.olderUnread.update((n) => n + droppedUnread);
    this.writeLastSeen(maxAlertId(lastSeen, after[0].id));
    this.alertsReceivedState.update((n) => n + 1);
    for (const alert of fresh.slice(-3)) this.notifications.show(alert);
  }

  private applyStatus(update: HealthStatusUpdate): void {
    const current = this.statusState();
    if (!current || !current.monitors.some((m) => m.monitor_id === update.monitor_id)) {
      // A monitor we have not seen (just created): take the whole snapshot.
      void this.refreshStatus().catch(() => undefined);
      return;
    }
    const monitors = current.monitors.map((m): MonitorHealth =>
      m.monitor_id === update.monitor_id ? { ...m, ...update } : m,
    );
    // The API's own rule (libs/shared/health-events): the live rows are the rows GET /api/health-status gives.
    const summary = summarizeHealth(monitors, Date.now());
    this.statusState.set({
      ...current,
      monitors,
      platforms: summary.platforms,
      overall_status: summary.overall_status,
      status_reason: summary.status_reason,
      last_updated: newestCheck(monitors) ?? current.last_updated,
    });
  }

  private remember(alerts: readonly HealthAlert[]): void {
    for (const alert of alerts) this.seen.add(alert.id);
    // Sets iterate in insertion order: drop the oldest ids once far more than the list holds.
    for (const id of this.seen) {
      if (this.seen.size <= SEEN_IDS_KEPT) break;
      this.seen.delete(id);
    }
  }

  private readLastSeen(): string | null {
    try {
      return globalThis.localStorage?.getItem(LAST_ALERT_ID_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private writeLastSeen(id: string | null): void {
    try {
      if (id === null) globalThis.localStorage?.removeItem(LAST_ALERT_ID_KEY);
      else globalThis.localStorage?.setItem(LAST_ALERT_ID_KEY, id);
    } catch {
      // Storage disabled: replay then starts from the alerts loaded on open.
    }
  }
}

/** How often the portal re-judges staleness when nothing is pushed. */
const STALE_CHECK_MS = 5_000;

/**
 * The snapshot re-derived at `now` by the shared rule. The server's reason for a pause (queue or database
 * unreachable) is kept: only it can tell why checks stopped.
 */
function withStaleness(s: HealthStatusResponse, now: number): HealthStatusResponse {
  const summary = summarizeHealth(s.monitors, now, isPausedReason(s.status_reason) ? s.status_reason : null);
  return { ...s, platforms: summary.platforms, overall_status: summary.overall_status, status_reason: summary.status_reason };
}
