import { overallHealth, type HealthState, type OverallHealth } from '@postprober/shared/health-events';
import type { ProbeKind } from '../probes/platform-probe.port';

/** Latest state of one monitor, as GET /api/health-status needs it. */
export interface MonitorSnapshot {
  platform: string;
  probeKind: ProbeKind;
  status: HealthState;
  latencyMs: number | null;
  /** 0–1, from the monitor's baseline; null when unknown. */
  errorRate: number | null;
  rateLimit: { used: number | null; total: number | null; usedPercent: number } | null;
  /** null while the monitor has never been checked. */
  lastCheck: Date | null;
}

/** One platform's row (snake_case: it is the response body's shape). */
export interface PlatformHealthRow {
  platform: string;
  status: HealthState;
  response_time: number | null;
  /** Percent, one decimal. */
  error_rate: number | null;
  rate_limit_used: number | null;
  rate_limit_total: number | null;
  rate_limit_percent: number | null;
  last_check: string | null;
  monitors: number;
}

export type OverallStatus = OverallHealth;

export interface HealthSummary {
  platforms: PlatformHealthRow[];
  overall_status: OverallStatus;
}

const PLATFORM_ORDER = ['twitter', 'linkedin', 'instagram', 'facebook', 'custom'];
/** unknown ranks below healthy: it is the absence of news, not bad news. */
const KNOWN_RANK: Record<HealthState, number> = { unknown: 0, healthy: 1, degraded: 2, down: 3 };

/**
 * Aggregates the latest monitor states per platform, then overall.
 * Per platform:
 * - status: the worst KNOWN status of its monitors (down > degraded > healthy); unknown (never checked, status page
 *   unreachable, blocked target) only when all of its monitors are unknown — one unreadable status page does not
 *   hide a working API monitor.
 * - response_time: from API/HTTP probes when the platform has any (a status page's speed is not the API's): the
 *   slowest of those at the platform's status, else the slowest of them; error_rate likewise from API/HTTP probes
 *   when there are any, the highest, in percent.
 * - rate limit: the reading with the highest percent used; last_check: the most recent check.
 * Overall: healthy when every platform with a known status is healthy; down when every one of them is down (nothing
 * can be published); degraded otherwise. Platforms all unknown count as degraded (we cannot vouch for them); no
 * monitors at all is healthy (nothing is failing).
 */
export function summarizeHealth(snapshots: readonly MonitorSnapshot[]): HealthSummary {
  const byPlatform = new Map<string, MonitorSnapshot[]>();
  for (const s of snapshots) byPlatform.set(s.platform, [...(byPlatform.get(s.platform) ?? []), s]);
  const platforms = [...byPlatform.entries()].sort(([a], [b]) => platformOrder(a, b)).map(([platform, list]) => platformRow(platform, list));
  return { platforms, overall_status: overallStatus(platforms.map((p) => p.status)) };
}

/** The shared rule (libs/shared/health-events), so the portal's live re-derivation agrees with the API. */
export const overallStatus = (statuses: readonly HealthState[]): OverallStatus => overallHealth(statuses);

function platformRow(platform: string, monitors: MonitorSnapshot[]): PlatformHealthRow {
  const status = monitors.reduce<HealthState>((w, m) => (KNOWN_RANK[m.status] > KNOWN_RANK[w] ? m.status : w), 'unknown');
  const candidates = preferApi(monitors);
  const atStatus = candidates.filter((m) => m.status === status && m.latencyMs !== null);
  const latencies = (atStatus.length ? atStatus : candidates).map((m) => m.latencyMs).filter((v): v is number => v !== null);
  const responseTime = latencies.length ? Math.max(...latencies) : null;
  const rates = preferApi(monitors).map((m) => m.errorRate).filter((v): v is number => v !== null);
  const rateLimit = monitors
    .map((m) => m.rateLimit)
    .filter((r): r is NonNullable<MonitorSnapshot['rateLimit']> => r !== null)
    .reduce<MonitorSnapshot['rateLimit']>((w, r) => (w === null || r.usedPercent > w.usedPercent ? r : w), null);
  const checks = monitors.map((m) => m.lastCheck?.getTime()).filter((t): t is number => t !== undefined);
  return {
    platform,
    status,
    response_time: responseTime === null ? null : Math.round(responseTime),
    error_rate: rates.length ? Math.round(Math.max(...rates) * 1000) / 10 : null,
    rate_limit_used: rateLimit?.used ?? null,
    rate_limit_total: rateLimit?.total ?? null,
    rate_limit_percent: rateLimit ? Math.round(rateLimit.usedPercent * 10) / 10 : null,
    last_check: checks.length ? new Date(Math.max(...checks)).toISOString() : null,
    monitors: monitors.length,
  };
}

/** API/HTTP probes when there are any, else the status pages. */
function preferApi(monitors: MonitorSnapshot[]): MonitorSnapshot[] {
  const api = monitors.filter((m) => m.probeKind !== 'statuspage');
  return api.length ? api : monitors;
}

function platformOrder(a: string, b: string): number {
  const ia = PLATFORM_ORDER.indexOf(a);
  const ib = PLATFORM_ORDER.indexOf(b);
  if (ia !== ib) return (ia === -1 ? PLATFORM_ORDER.length : ia) - (ib === -1 ? PLATFORM_ORDER.length : ib);
  return a.localeCompare(b);
}
