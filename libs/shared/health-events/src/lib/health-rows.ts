import { isPlatform, MONITOR_PLATFORMS, PLATFORM_RULES, type MonitorPlatform } from '@postprober/shared/platforms';
import type { HealthState } from './health-events';

/**
 * The rows of GET /api/health-status, derived from the per-monitor rows by one function that the API (REST
 * snapshot) and the portal (re-deriving after each pushed health_status event) both call, so a live row is
 * exactly the row the REST snapshot gives for the same checks.
 */

/** A monitor's status: what its latest check said, or `pending` while it has never been checked. */
export type MonitorStatus = HealthState | 'pending';
export const MONITOR_STATUSES: readonly MonitorStatus[] = ['healthy', 'degraded', 'down', 'unknown', 'pending'];

/** Overall status: `unknown` whenever the data cannot vouch for health (nothing checked yet, nothing monitored). */
export type OverallHealth = 'healthy' | 'degraded' | 'down' | 'unknown';
export const OVERALL_HEALTH_STATES: readonly OverallHealth[] = ['healthy', 'degraded', 'down', 'unknown'];

/** How a monitor checks its target: any HTTP endpoint, a platform's own API (with its token), or a status page. */
export type ProbeKind = 'http' | 'platform-api' | 'statuspage';
export const PROBE_KINDS: readonly ProbeKind[] = ['http', 'platform-api', 'statuspage'];

/** One enabled monitor's latest state: a row of `monitors` in GET /api/health-status and the health_status event. */
export interface MonitorHealthRow {
  monitor_id: string;
  name: string;
  platform: MonitorPlatform;
  probe_kind: ProbeKind;
  status: MonitorStatus;
  /** ms of the latest answer; null when there was none. */
  response_time: number | null;
  http_status: number | null;
  error_class: string | null;
  /** Percent of the recent checks that failed (one decimal); null with too few checks. */
  error_rate: number | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  /** Percent of the quota used (one decimal); null when the platform reported none. */
  rate_limit_percent: number | null;
  /** null while the monitor has never been checked. */
  last_check: string | null;
  /** Seconds between its checks: its data is stale once the newest check is older than STALE_AFTER_INTERVALS of them. */
  interval_seconds: number;
}

/** One platform, aggregated over its enabled monitors. */
export interface PlatformHealthRow {
  platform: MonitorPlatform;
  status: MonitorStatus;
  response_time: number | null;
  error_rate: number | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  rate_limit_percent: number | null;
  last_check: string | null;
  monitors: number;
  /** True when any of its monitors was checked but not for over two of its intervals: the status is old news. */
  stale: boolean;
}

export interface HealthSummary {
  platforms: PlatformHealthRow[];
  overall_status: OverallHealth;
  /** Why the overall status is what it is when that is not plain from the rows (stale data); else null. */
  status_reason: string | null;
}

/** Why checks stopped, when the API can tell: `status_reason` on stale data. The portal keeps these (only the server knows). */
export const MONITORING_PAUSED = {
  queue: 'monitoring paused: queue unreachable',
  database: 'monitoring paused: database unreachable',
} as const;
export type PausedReason = (typeof MONITORING_PAUSED)[keyof typeof MONITORING_PAUSED];
const PAUSED_REASONS: readonly string[] = Object.values(MONITORING_PAUSED);
export const isPausedReason = (reason: string | null | undefined): reason is PausedReason => reason != null && PAUSED_REASONS.includes(reason);

/** Data is stale past this many intervals without a check (one late check is not yet a gap)... */
export const STALE_AFTER_INTERVALS = 2;
/** ...plus this much slack for a probe's own duration and the scheduler's lateness. */
export const STALE_GRACE_MS = 5_000;

/** When a checked monitor's row turns stale (epoch ms); null while it was never checked. */
export function staleAt(m: Pick<MonitorHealthRow, 'last_check' | 'interval_seconds'>): number | null {
  if (!m.last_check) return null;
  return Date.parse(m.last_check) + m.interval_seconds * 1000 * STALE_AFTER_INTERVALS + STALE_GRACE_MS;
}

export function isStale(m: Pick<MonitorHealthRow, 'last_check' | 'interval_seconds'>, now: number): boolean {
  const at = staleAt(m);
  return at !== null && now > at;
}

/** Display order of platform rows: the publishing platforms, then custom endpoints, then anything else by name. */
const PLATFORM_ORDER: readonly string[] = MONITOR_PLATFORMS;
/** How bad a state is when several monitors share a platform; pending and unknown carry no news. */
const RANK: Record<MonitorStatus, number> = { pending: 0, unknown: 1, healthy: 2, degraded: 3, down: 4 };

/**
 * Platform rows and overall status from the monitor rows.
 * Per platform:
 * - status: the worst known status of its monitors (down > degraded > healthy); when none is known, `unknown`
 *   if any monitor was checked without a verdict (status page unreadable, blocked target), else `pending`.
 *   One unreadable status page does not hide a working API monitor.
 * - response_time and error_rate come from API/HTTP probes when the platform has any (a status page's speed is
 *   not the API's): the slowest response of those at the platform's status, the highest error rate.
 * - rate limit: the reading with the highest percent used; last_check: the most recent check.
 * - stale: any monitor's newest check is older than STALE_AFTER_INTERVALS intervals (+ grace) at `now`.
 * Overall: `unknown` with `status_reason` while any platform is stale (`pausedReason` when the caller knows
 * why checks stopped, such as "monitoring paused: queue unreachable"), else overallHealth() of the platforms.
 */
export function summarizeHealth(monitors: readonly MonitorHealthRow[], now: number, pausedReason: PausedReason | null = null): HealthSummary {
  const byPlatform = new Map<MonitorPlatform, MonitorHealthRow[]>();
  for (const m of monitors) byPlatform.set(m.platform, [...(byPlatform.get(m.platform) ?? []), m]);
  const platforms = [...byPlatform.entries()].sort(([a], [b]) => platformOrder(a, b)).map(([platform, list]) => platformRow(platform, list, now));
  const stale = platforms.filter((p) => p.stale);
  // Never healthy on old news: with any platform's data stale the overall status is unknown, and says why.
  if (stale.length > 0) {
    const reason = pausedReason ?? `checks overdue for ${stale.map((p) => platformName(p.platform)).join(', ')}`;
    return { platforms, overall_status: 'unknown', status_reason: reason };
  }
  return { platforms, overall_status: overallHealth(platforms.map((p) => p.status)), status_reason: null };
}

/**
 * Overall from the platform statuses, never healthy without evidence: healthy only when every platform is
 * healthy; down when every platform with a verdict is down (nothing can be published); degraded when any
 * platform with a verdict is degraded or down; unknown when there is nothing to judge (no platforms, or
 * platforms not checked yet or without a verdict beside healthy ones).
 */
export function overallHealth(statuses: readonly MonitorStatus[]): OverallHealth {
  const known = statuses.filter((s) => s === 'healthy' || s === 'degraded' || s === 'down');
  if (known.length === 0) return 'unknown';
  if (known.every((s) => s === 'down')) return 'down';
  if (known.some((s) => s !== 'healthy')) return 'degraded';
  return known.length === statuses.length ? 'healthy' : 'unknown';
}

/** The newest last_check of the rows, or null when none was checked. */
export function newestCheck(monitors: readonly Pick<MonitorHealthRow, 'last_check'>[]): string | null {
  const times = monitors.map((m) => (m.last_check ? Date.parse(m.last_check) : NaN)).filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.max(...times)).toISOString() : null;
}

function platformRow(platform: MonitorPlatform, monitors: MonitorHealthRow[], now: number): PlatformHealthRow {
  const status = monitors.reduce<MonitorStatus>((w, m) => (RANK[m.status] > RANK[w] ? m.status : w), 'pending');
  const candidates = preferApi(monitors);
  const atStatus = candidates.filter((m) => m.status === status && m.response_time !== null);
  const latencies = (atStatus.length ? atStatus : candidates).map((m) => m.response_time).filter((v): v is number => v !== null);
  const rates = candidates.map((m) => m.error_rate).filter((v): v is number => v !== null);
  const quota = monitors
    .filter((m) => m.rate_limit_percent !== null)
    .reduce<MonitorHealthRow | null>((w, m) => (w === null || (m.rate_limit_percent ?? 0) > (w.rate_limit_percent ?? 0) ? m : w), null);
  return {
    platform,
    status,
    response_time: latencies.length ? Math.round(Math.max(...latencies)) : null,
    error_rate: rates.length ? Math.max(...rates) : null,
    rate_limit_used: quota?.rate_limit_used ?? null,
    rate_limit_total: quota?.rate_limit_total ?? null,
    rate_limit_percent: quota?.rate_limit_percent ?? null,
    last_check: newestCheck(monitors),
    monitors: monitors.length,
    stale: monitors.some((m) => isStale(m, now)),
  };
}

/** API/HTTP probes when there are any, else the status pages. */
function preferApi(monitors: MonitorHealthRow[]): MonitorHealthRow[] {
  const api = monitors.filter((m) => m.probe_kind !== 'statuspage');
  return api.length ? api : monitors;
}

/** How a reason names a platform: its label ("X (Twitter)"), custom endpoints as such. */
function platformName(platform: MonitorPlatform): string {
  if (isPlatform(platform)) return PLATFORM_RULES[platform].label;
  return platform === 'custom' ? 'custom endpoints' : platform;
}

function platformOrder(a: string, b: string): number {
  const rank = (p: string) => (PLATFORM_ORDER.includes(p) ? PLATFORM_ORDER.indexOf(p) : PLATFORM_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
