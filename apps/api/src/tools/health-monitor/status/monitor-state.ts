import type { HealthState } from '@postprober/shared/health-events';
import type { MonitorSnapshot } from '../deciding/overall-status';
import type { MonitorHealthDto } from '../dto/health-status-response.dto';
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
  status: HealthState;
  latencyMs: number | null;
  httpStatus: number | null;
  errorClass: string | null;
  /** 0–1 over the last ERROR_RATE_CHECKS checks; null with fewer than 5. */
  errorRate: number | null;
  rateLimit: { used: number | null; total: number | null; usedPercent: number } | null;
  lastCheck: Date | null;
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
  };
}

/** One monitor's row of GET /api/health-status; the health_status socket event carries the same fields. */
export function monitorHealth(s: MonitorState): MonitorHealthDto {
  return {
    monitor_id: s.monitorId,
    name: s.name,
    platform: s.platform,
    status: s.status,
    response_time: s.latencyMs,
    http_status: s.httpStatus,
    error_class: s.errorClass,
    rate_limit_used: s.rateLimit?.used ?? null,
    rate_limit_total: s.rateLimit?.total ?? null,
    last_check: s.lastCheck ? s.lastCheck.toISOString() : null,
  };
}

export function toSnapshot(s: MonitorState): MonitorSnapshot {
  return {
    platform: s.platform,
    probeKind: s.probeKind,
    status: s.status,
    latencyMs: s.latencyMs,
    errorRate: s.errorRate,
    rateLimit: s.rateLimit,
    lastCheck: s.lastCheck,
  };
}
