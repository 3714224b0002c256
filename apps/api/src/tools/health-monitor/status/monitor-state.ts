import type { HealthState } from '@postprober/shared/health-events';
import type { MonitorSnapshot } from '../deciding/overall-status';
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
  if (window.length < MIN_ERROR_RATE_CHECKS) return null;
  return window.filter((ok) => !ok).length / window.length;
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
