import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { MONITORING_PAUSED, newestCheck, staleAt, summarizeHealth, type PausedReason } from '@postprober/shared/health-events';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { databaseDriverKind } from '../../../core/database/data-source-options';
import { SerializedJson } from '../../../core/http/serialized-json';
import { QueueHealth } from '../../../core/jobs/queue-health';
import type { HealthStatusResponseDto } from '../dto/health-status-response.dto';
import type { Monitor } from '../entities/monitor.entity';
import { DefaultMonitors } from '../monitors/default-monitors';
import { HealthChecksRepository, type MonitorStatusRow } from '../recording/health-checks.repository';
import { ERROR_RATE_CHECKS, failedShare, monitorHealth, type MonitorState } from './monitor-state';

/** On a shared database, after this long an organization's snapshot is reloaded (in the background) so other processes' checks show. */
export const SNAPSHOT_TTL_MS = 2_000;
/** While some data is stale the answer is re-rendered this often, so the reason follows the queue's state. */
const STALE_RENDER_MS = 1_000;
/** How often, at most, the queue is pinged to explain stale data. */
const QUEUE_PROBE_MS = 2_000;
/** bodyUntil of an answer that must be rendered again before it is served. */
const EXPIRED = -Infinity;

/**
 * The answer as sent: serialized once per change, not per request (and compressed once per encoding), with
 * a weak ETag of exactly those bytes: a hash of the JSON, so equal bodies have equal tags in every process.
 */
export class HealthStatusBody extends SerializedJson {
  constructor(
    readonly dto: HealthStatusResponseDto,
    json: string,
  ) {
    super(json, weakEtagOf(json));
  }
}

interface OrgSnapshot {
  states: Map<string, MonitorState>;
  loadedAt: number;
  /** The last rendered answer; kept after a change (then expired) so an identical re-render keeps its instance. */
  body: HealthStatusBody | null;
  /**
   * The rendered answer holds until then (epoch ms): when the next monitor's data turns stale, soon while some
   * already is (the reason follows the queue), and EXPIRED after any change to the states or the load state.
   */
  bodyUntil: number;
  /** The last reload failed (the database is unreachable): stale data is explained by that. */
  loadFailing: boolean;
  reloading: Promise<void> | null;
  /** Each monitor's row and its JSON, from the state object it was made of: only changed monitors are rendered again. */
  rows: Map<string, RenderedRow>;
}

interface RenderedRow {
  state: MonitorState;
  row: ReturnType<typeof monitorHealth>;
  json: string;
}

/**
 * GET /api/health-status from memory: a per-organization snapshot of each enabled monitor's latest state.
 * The recorder applies every check after it commits; a stale snapshot is answered at once and reloaded
 * behind the request, so a warm read never waits on the database and never probes.
 */
@Injectable()
export class HealthStatusCache {
  private readonly logger = new Logger('HealthStatusCache');
  private readonly orgs = new Map<string, OrgSnapshot>();
  private queue: { ok: boolean; at: number; probing: boolean } = { ok: true, at: 0, probing: false };

  /**
   * Whether other processes may record checks in this database. The embedded one is opened by one process
   * only (its folder is locked), so every check reaches this snapshot through apply() and periodic reloads
   * would only block the event loop (PGlite runs on it): measured, they held status reads at p99 ~90 ms.
   */
  private readonly sharedDatabase: boolean;

  constructor(
    private readonly checks: HealthChecksRepository,
    private readonly defaults: DefaultMonitors,
    private readonly queueHealth: QueueHealth,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.sharedDatabase = config ? databaseDriverKind(config) === 'postgres' : true;
  }

  async get(organizationId: string, now = Date.now()): Promise<HealthStatusResponseDto> {
    return (await this.body(organizationId, now)).dto;
  }

  /** The answer serialized, as GET /api/health-status sends it: re-rendered only when it changes or would. */
  async body(organizationId: string, now = Date.now()): Promise<HealthStatusBody> {
    let snap = this.orgs.get(organizationId);
    if (!snap) {
      snap = { states: new Map(), loadedAt: 0, body: null, bodyUntil: EXPIRED, loadFailing: false, reloading: null, rows: new Map() };
      this.orgs.set(organizationId, snap);
      try {
        await this.reload(organizationId, snap);
      } catch (err) {
        this.orgs.delete(organizationId);
        throw err;
      }
    } else if (snap.loadFailing || (this.sharedDatabase && now - snap.loadedAt > SNAPSHOT_TTL_MS)) {
      void this.reload(organizationId, snap);
    }
    if (snap.body && now <= snap.bodyUntil) return snap.body;
    const { dto, json } = render(snap.states, snap.rows, now, this.pausedReason(snap));
    // A re-render that says the same (the periodic one while data is stale, a check that changed nothing shown)
    // keeps the held body: same string, same ETag, so a polling portal keeps getting 304s.
    const body = snap.body?.json === json ? snap.body : new HealthStatusBody(dto, json);
    snap.body = body;
    snap.bodyUntil = dto.status_reason !== null ? now + STALE_RENDER_MS : nextStaleAt(dto, now);
    if (dto.status_reason !== null) this.probeQueue();
    return body;
  }

  /** Why checks stopped, when this process can tell: the queue or the database is unreachable. */
  private pausedReason(snap: OrgSnapshot): PausedReason | null {
    if (!this.queue.ok) return MONITORING_PAUSED.queue;
    if (snap.loadFailing) return MONITORING_PAUSED.database;
    return null;
  }

  /** Pings the queue in the background (never on the read's path), at most every QUEUE_PROBE_MS. */
  private probeQueue(): void {
    if (this.queue.probing || Date.now() - this.queue.at < QUEUE_PROBE_MS) return;
    this.queue.probing = true;
    void this.queueHealth
      .check()
      .then((r) => r.ok, () => false)
      .then((ok) => {
        // The paused reason of every stale answer follows the queue at once, not at the next periodic re-render.
        if (ok !== this.queue.ok) for (const snap of this.orgs.values()) snap.bodyUntil = EXPIRED;
        this.queue = { ok, at: Date.now(), probing: false };
      });
  }

  /** A check this process recorded (after its transaction committed), as stateAfter() made it. */
  apply(organizationId: string, monitor: Monitor, state: MonitorState): void {
    const snap = this.orgs.get(organizationId);
    if (!snap) return; // nobody asked yet: the first read loads from the database
    if (!monitor.enabled && !snap.states.has(monitor.id)) return;
    snap.states.set(monitor.id, state);
    snap.bodyUntil = EXPIRED;
  }

  /**
   * Monitors were added, changed or deleted: the next read loads from the database before answering, so
   * the admin who made the change sees it at once (not the old snapshot while a reload runs).
   */
  invalidate(organizationId: string): void {
    this.orgs.delete(organizationId);
  }

  /** One reload at a time per organization; a failure keeps the old snapshot (logged) and retries on the next read. */
  private reload(organizationId: string, snap: OrgSnapshot): Promise<void> {
    snap.reloading ??= this.load(organizationId)
      .then((states) => {
        snap.states = states;
        snap.loadedAt = Date.now();
        snap.loadFailing = false;
        snap.bodyUntil = EXPIRED;
      })
      .catch((err: Error) => {
        this.logger.error(`Could not load health status: ${err.message}`);
        snap.loadFailing = true;
        snap.bodyUntil = EXPIRED;
        if (snap.loadedAt === 0) throw err;
      })
      .finally(() => {
        snap.reloading = null;
      });
    return snap.reloading;
  }

  private async load(organizationId: string): Promise<Map<string, MonitorState>> {
    // A new organization's default monitors exist before its first sweep, so they show as pending at once.
    await this.defaults.ensureFor(organizationId);
    const rows = await this.checks.statusSnapshot(organizationId, ERROR_RATE_CHECKS);
    return new Map(rows.map((r) => [r.id, toState(r)]));
  }
}

function toState(r: MonitorStatusRow): MonitorState {
  return {
    monitorId: r.id,
    name: r.name,
    platform: r.platform,
    probeKind: r.kind,
    status: r.status,
    latencyMs: r.latency_ms,
    httpStatus: r.http_status,
    errorClass: r.error_class,
    errorRate: failedShare(r.failed, r.checks),
    rateLimit: r.rate_limit_percent === null ? null : { used: r.rate_limit_used, total: r.rate_limit_total, usedPercent: Number(r.rate_limit_percent) },
    lastCheck: r.checked_at ? new Date(r.checked_at) : null,
    intervalSeconds: r.interval_seconds,
  };
}

/**
 * The answer: monitor rows, and platform rows and overall status derived from them by the shared rule. The
 * JSON is JSON.stringify of the answer, put together from each monitor's row serialized once per state (at
 * 1,000 monitors a full render and stringify on every read was most of a read's time while checks stream in).
 */
function render(
  states: ReadonlyMap<string, MonitorState>,
  rows: Map<string, RenderedRow>,
  now: number,
  pausedReason: PausedReason | null,
): { dto: HealthStatusResponseDto; json: string } {
  const rendered: RenderedRow[] = [];
  for (const [id, state] of states) {
    let r = rows.get(id);
    if (r?.state !== state) {
      const row = monitorHealth(state);
      r = { state, row, json: JSON.stringify(row) };
      rows.set(id, r);
    }
    rendered.push(r);
  }
  if (rows.size > states.size) for (const id of rows.keys()) if (!states.has(id)) rows.delete(id);
  const monitors = rendered.map((r) => r.row);
  const summary = summarizeHealth(monitors, now, pausedReason);
  const head = {
    platforms: summary.platforms,
    overall_status: summary.overall_status,
    status_reason: summary.status_reason,
    last_updated: newestCheck(monitors) ?? new Date(now).toISOString(),
  };
  const headJson = JSON.stringify(head);
  return {
    dto: { ...head, monitors },
    json: `${headJson.slice(0, -1)},"monitors":[${rendered.map((r) => r.json).join(',')}]}`,
  };
}

/** A weak validator: the same JSON gives the same tag in any process (a counter would not). */
function weakEtagOf(json: string): string {
  return `W/"${createHash('sha1').update(json).digest('base64url')}"`;
}

/** The earliest time after `now` at which one of the answer's monitors turns stale (Infinity: none will). */
function nextStaleAt(body: HealthStatusResponseDto, now: number): number {
  let next = Infinity;
  for (const m of body.monitors) {
    const at = staleAt(m);
    if (at !== null && at > now && at < next) next = at;
  }
  return next;
}
