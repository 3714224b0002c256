import type { MonitorPlatform, ProbeErrorClass, ProbeResult } from '../probes/platform-probe.port';
import type { Baseline, CheckAssessment } from './decision.types';

/** One earlier check of a monitor, as the baseline needs it. */
export interface CheckSample {
  latencyMs: number | null;
  /** The platform answered (see countsAsFailure): what the error rate counts. */
  ok: boolean;
  /** The check was assessed healthy (assessCheck status 'healthy'): answered, and not slow. */
  healthy: boolean;
}

/**
 * Failures that count in the error rate: the platform did not answer properly. An expired token, a rate limit or a
 * blocked target address is not the platform failing, so it never inflates the error rate (nor raises availability).
 */
export function countsAsFailure(errorClass: ProbeErrorClass | string | null): boolean {
  return errorClass !== null && !(NOT_PLATFORM_FAILURES as readonly string[]).includes(errorClass);
}

/** Error classes that are not the platform failing (the same list SQL uses: `error_class <> ALL($n)`). */
export const NOT_PLATFORM_FAILURES = ['credentials', 'rate-limited', 'blocked-address'] as const satisfies readonly ProbeErrorClass[];

/** A stored check as the baseline reads it: the same failure rule as a fresh result. */
export function storedCheckSample(row: { latencyMs: number | null; errorClass: string | null; status: string }): CheckSample {
  return { latencyMs: row.latencyMs, ok: !countsAsFailure(row.errorClass), healthy: row.status === 'healthy' };
}

/** The sample a check leaves for later baselines. */
export function toCheckSample(result: ProbeResult, assessment: CheckAssessment): CheckSample {
  return { latencyMs: result.latencyMs, ok: !countsAsFailure(result.errorClass), healthy: assessment.status === 'healthy' };
}

/** Healthy checks the latency baseline is learned from. */
export const LATENCY_WINDOW = 50;
/** Checks the error rate is measured over; the elevated-error-rate rule needs a full window. */
export const ERROR_RATE_WINDOW = 20;
/** Below this many samples the platform's default is used instead of a measurement. */
export const MIN_SAMPLES = 5;

/** The design sketch's normal ranges: typical response time and error rate (0–1) per platform. */
export const DEFAULT_BASELINES: Record<MonitorPlatform, { medianMs: number; errorRate: number }> = {
  twitter: { medianMs: 250, errorRate: 0.005 },
  linkedin: { medianMs: 300, errorRate: 0.008 },
  instagram: { medianMs: 400, errorRate: 0.01 },
  facebook: { medianMs: 350, errorRate: 0.01 },
  custom: { medianMs: 500, errorRate: 0.01 },
};

/**
 * Learns a monitor's normal behaviour from its recent checks (newest first), excluding the check being assessed.
 * - Latency median and p95 come from the latest ≤50 HEALTHY checks only: slow or failed checks are left out, so an
 *   outage (or a long slow spell) never raises the bar it is judged against.
 * - Fewer than 5 healthy samples: cold start, the sketch's default median and p95 = 2 × median.
 * - Error rate = failed / all over the latest ≤20 checks, once there are 5 of them (the platform's default before).
 *   It is measured whatever the latency state: a monitor failing most checks has no healthy samples, and its
 *   error rate must still show.
 */
export function learnBaseline(platform: MonitorPlatform, samples: readonly CheckSample[]): Baseline {
  const defaults = DEFAULT_BASELINES[platform] ?? DEFAULT_BASELINES.custom;
  const latencies = samples
    .filter((s) => s.healthy && s.latencyMs !== null)
    .slice(0, LATENCY_WINDOW)
    .map((s) => s.latencyMs as number)
    .sort((a, b) => a - b);
  const window = samples.slice(0, ERROR_RATE_WINDOW);
  const measuredErrors = window.length >= MIN_SAMPLES;
  const errorRate = measuredErrors ? window.filter((s) => !s.ok).length / window.length : defaults.errorRate;
  const errorWindow = measuredErrors ? window.length : 0;

  if (latencies.length < MIN_SAMPLES) {
    return { medianMs: defaults.medianMs, p95Ms: 2 * defaults.medianMs, errorRate, errorWindow, samples: latencies.length, coldStart: true };
  }
  return { medianMs: median(latencies), p95Ms: nearestRank(latencies, 0.95), errorRate, errorWindow, samples: latencies.length, coldStart: false };
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile: a value that was actually observed. */
function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.ceil(p * sorted.length)) - 1];
}
