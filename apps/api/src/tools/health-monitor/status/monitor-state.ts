import type { HealthState, MonitorHealthRow } from '@postprober/shared/health-events';
import type { HealthCheck } from '../entities/health-check.entity';
import type { Monitor } from '../entities/monitor.entity';
import type { MonitorPlatform, ProbeKind } from '../probes/platform-probe.port';

/** Checks the shown error rate is measured over, and the fewest that make it meaningful. */
export const ERROR_RATE_CHECKS = 20;
const MIN_ERROR_RATE_CHECKS = 5;

/** The latest known state of one monitor, as kept in the health-status cache. */
export interface MonitorState {
  monitorId: string;
  name: string;
  platform: MonitorPlatform;
  probeKind: ProbeKind;
  /** null while the monitor has never been checked (shown as pending). */
  status: HealthState | null;
  latencyMs: number | null;
  httpStatus: number | null;
  errorClass: string | null;
  /** 0–1 over the last ERROR_RATE_CHECKS checks; null with fewer than 5. */
  errorRate: number | null;
  rateLimit: { used: number | null; total: number | null; usedPercent: number } | null;
  lastCheck: Date | null;
  intervalSeconds: number;
}

/** Failed share of the newest checks (`ok` newest first); null while there are too few to say. */
export function errorRateOf(okNewestFirst: readonly boolean[]): number | null {
  const window = okNewestFirst.slice(0, ERROR_RATE_CHECKS);
  return failedShare(window.filter((ok) => !ok).length, window.length);
}

/** `failed` of the newest `checks` (at most ERROR_RATE_CHECKS) as 0–1; null while there are too few to say. */
export function failedShare(failed: number, checks: number): number | null {
  return checks < MIN_ERROR_RATE_CHECKS ? null : failed / checks;
}

/** The state a just-recorded check leaves its monitor in. */
export function stateAfter(monitor: Monitor, check: HealthCheck, errorRate: number | null): MonitorState {
  return {
    monitorId: monitor.id,
    name: monitor.name,
    platform: monitor.platform,
    probeKind: monitor.kind,
    status: check.status,
    latencyMs: check.latencyMs,
    httpStatus: check.httpStatus,
    errorClass: check.errorClass,
    errorRate,
    rateLimit: check.rateLimitPercent === null ? null : { used: check.rateLimitUsed, total: check.rateLimitTotal, usedPercent: check.rateLimitPercent },
    lastCheck: check.checkedAt,
    intervalSeconds: monitor.intervalSeconds,
  };
}

/** One monitor's row of GET /api/health-status; the health_status socket event carries the same row. */
export function monitorHealth(s: MonitorState): MonitorHealthRow {
  return {
    monitor_id: s.monitorId,
    name: s.name,
    platform: s.platform,
    probe_kind: s.probeKind,
    status: s.status ?? 'pending',
    response_time: s.latencyMs,
    http_status: s.httpStatus,
    error_class: s.errorClass,
    error_rate: s.errorRate === null ? null : Math.round(s.errorRate * 1000) / 10,
    rate_limit_used: s.rateLimit?.used ?? null,
    rate_limit_total: s.rateLimit?.total ?? null,
    rate_limit_percent: s.rateLimit ? Math.round(s.rateLimit.usedPercent * 10) / 10 : null,
    last_check: s.lastCheck ? s.lastCheck.toISOString() : null,
    interval_seconds: s.intervalSeconds,
  };
}
