import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { summarizeHealth } from '../deciding/overall-status';
import { NOT_PLATFORM_FAILURES } from '../deciding/baseline';
import type { HealthStatusResponseDto } from '../dto/health-status-response.dto';
import type { Monitor } from '../entities/monitor.entity';
import { ERROR_RATE_CHECKS, failedShare, monitorHealth, type MonitorState, toSnapshot } from './monitor-state';

/** After this long an organization's snapshot is reloaded (in the background) so other processes' sweeps show. */
export const SNAPSHOT_TTL_MS = 2_000;

interface OrgSnapshot {
  states: Map<string, MonitorState>;
  loadedAt: number;
  /** Rendered answer; null after a change until the next read. */
  body: HealthStatusResponseDto | null;
  reloading: Promise<void> | null;
}

interface StateRow {
  id: string;
  name: string;
  platform: MonitorState['platform'];
  kind: MonitorState['probeKind'];
  checked_at: Date | null;
  status: MonitorState['status'] | null;
  latency_ms: number | null;
  http_status: number | null;
  error_class: string | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  rate_limit_percent: number | null;
  checks: number;
  failed: number;
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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(organizationId: string, now = Date.now()): Promise<HealthStatusResponseDto> {
    let snap = this.orgs.get(organizationId);
    if (!snap) {
      snap = { states: new Map(), loadedAt: 0, body: null, reloading: null };
      this.orgs.set(organizationId, snap);
      try {
        await this.reload(organizationId, snap);
      } catch (err) {
        this.orgs.delete(organizationId);
        throw err;
      }
    } else if (now - snap.loadedAt > SNAPSHOT_TTL_MS) {
      void this.reload(organizationId, snap);
    }
    return (snap.body ??= render(snap.states, now));
  }

  /** A check this process recorded (after its transaction committed), as stateAfter() made it. */
  apply(organizationId: string, monitor: Monitor, state: MonitorState): void {
    const snap = this.orgs.get(organizationId);
    if (!snap) return; // nobody asked yet: the first read loads from the database
    if (!monitor.enabled && !snap.states.has(monitor.id)) return;
    snap.states.set(monitor.id, state);
    snap.body = null;
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
        snap.body = null;
      })
      .catch((err: Error) => {
        this.logger.error(`Could not load health status: ${err.message}`);
        if (snap.loadedAt === 0) throw err;
      })
      .finally(() => {
        snap.reloading = null;
      });
    return snap.reloading;
  }

  private async load(organizationId: string): Promise<Map<string, MonitorState>> {
    const rows: StateRow[] = await this.db.query(
      `SELECT m."id", m."name", m."platform", m."kind",
              c."checked_at", c."status", c."latency_ms", c."http_status", c."error_class",
              c."rate_limit_used", c."rate_limit_total", c."rate_limit_percent",
              r."checks", r."failed"
         FROM "monitors" m
         LEFT JOIN LATERAL (
           SELECT * FROM "health_checks" h WHERE h."monitor_id" = m."id" ORDER BY h."checked_at" DESC LIMIT 1
         ) c ON true
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS "checks", count(*) FILTER (WHERE x."error_class" <> ALL($2))::int AS "failed"
             FROM (SELECT "error_class" FROM "health_checks" h WHERE h."monitor_id" = m."id"
                    ORDER BY h."checked_at" DESC LIMIT ${ERROR_RATE_CHECKS}) x
         ) r ON true
        WHERE m."organization_id" = $1 AND m."enabled"
        ORDER BY m."created_at", m."id"`,
      [organizationId, NOT_PLATFORM_FAILURES],
    );
    return new Map(rows.map((r) => [r.id, toState(r)]));
  }
}

function toState(r: StateRow): MonitorState {
  return {
    monitorId: r.id,
    name: r.name,
    platform: r.platform,
    probeKind: r.kind,
    status: r.status ?? 'unknown',
    latencyMs: r.latency_ms,
    httpStatus: r.http_status,
    errorClass: r.error_class,
    errorRate: failedShare(r.failed, r.checks),
    rateLimit: r.rate_limit_percent === null ? null : { used: r.rate_limit_used, total: r.rate_limit_total, usedPercent: Number(r.rate_limit_percent) },
    lastCheck: r.checked_at ? new Date(r.checked_at) : null,
  };
}

function render(states: ReadonlyMap<string, MonitorState>, now: number): HealthStatusResponseDto {
  const list = [...states.values()];
  const summary = summarizeHealth(list.map(toSnapshot));
  const newest = list.reduce<number | null>((max, s) => (s.lastCheck && (max === null || s.lastCheck.getTime() > max) ? s.lastCheck.getTime() : max), null);
  return {
    platforms: summary.platforms,
    overall_status: summary.overall_status,
    last_updated: new Date(newest ?? now).toISOString(),
    monitors: list.map(monitorHealth),
  };
}
