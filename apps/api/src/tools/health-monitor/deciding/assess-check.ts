import type { HealthSeverity, HealthState, IncidentKind } from '@postprober/shared/health-events';
import type { ProbeErrorClass, ProbeKind, ProbeResult, StatusPageReading } from '../probes/platform-probe.port';
import { ERROR_RATE_WINDOW, countsAsFailure } from './baseline';
import type { Baseline, CheckAssessment } from './decision.types';
import { formatMs, formatPercent, formatUtcTime } from './format';
import { compareSeverity } from './severity';

/** Latency this far above the baseline, added to the median, always counts as slow (protects fast, steady targets). */
export const SLOW_MARGIN_MS = 250;
/** Quota use above this percent is reported (info). */
export const RATE_LIMIT_INFO_PERCENT = 80;
/** Error rate above this over a full window is a warning: a target failing every other check (50%) stays below it. */
export const ERROR_RATE_WARNING = 0.5;

interface Signal {
  kind: IncidentKind;
  severity: HealthSeverity;
  reason: string;
}

/** Failures that mean the platform did not answer at all. */
const UNREACHABLE: Partial<Record<ProbeErrorClass, (r: ProbeResult) => string>> = {
  timeout: (r) => (r.latencyMs === null ? 'timed out' : `timed out after ${formatMs(r.latencyMs)}`),
  dns: () => 'DNS lookup failed',
  connection: () => 'connection failed',
  tls: () => 'TLS handshake failed',
  'http-status': (r) => (r.httpStatus === null ? 'unexpected HTTP status' : `HTTP ${r.httpStatus}`),
};

const COMPONENT_SEVERITY: Record<string, HealthSeverity> = {
  major_outage: 'critical',
  partial_outage: 'warning',
  degraded_performance: 'warning',
};
const COMPONENT_WORDS: Record<string, string> = {
  major_outage: 'a major outage',
  partial_outage: 'a partial outage',
  degraded_performance: 'degraded performance',
};

/**
 * Judges one probe result against the monitor's baseline. Severity is decided here, in code; the language model
 * only words the incident afterwards. Rules, per incident kind:
 * - availability critical (status down): timeout, DNS/connection/TLS failure, an unexpected HTTP status (5xx,
 *   404...), a status page indicator major/critical or a watched component in major_outage.
 * - availability warning (status degraded): latency above max(3 × median, 2 × p95, median + 250 ms); more than 50%
 *   of a full 20-check window failed (judged only on checks that reached the platform); an unparseable platform answer; status page indicator minor or a watched
 *   component degraded_performance / partial_outage.
 * - credentials critical (status degraded, availability untouched): the token is expired or revoked. The platform
 *   is up; the account needs reconnecting.
 * - rate-limit info: quota above 80% used, or the platform refused us with a rate limit (status degraded then:
 *   nothing can be posted until the reset). Being rate-limited never counts against availability.
 * - monitoring warning (status unknown): a status page we cannot reach or read, or a target on a blocked address.
 *   Neither says anything about the platform itself.
 * - maintenance (status page indicator maintenance or a watched component under_maintenance): status degraded, no
 *   signal. Planned work is announced by the platform; alerts are for what nobody announced.
 * Status page probes are never judged on latency or error rate: the page's speed is not the API's.
 */
export function assessCheck(result: ProbeResult, baseline: Baseline, probeKind: ProbeKind): CheckAssessment {
  const signals: Signal[] = [];
  let status: HealthState = 'healthy';
  let note: string | null = null;
  const raise = (signal: Signal, next: HealthState) => {
    signals.push(signal);
    status = worseState(status, next);
  };

  // A status page's own 429 or headers are about the page, not the platform's API quota.
  const apiProbe = probeKind !== 'statuspage';
  const rateLimited = apiProbe && result.errorClass === 'rate-limited';
  const usedPercent = apiProbe ? (result.rateLimit?.usedPercent ?? null) : null;
  if (rateLimited || (usedPercent !== null && usedPercent > RATE_LIMIT_INFO_PERCENT)) {
    raise({ kind: 'rate-limit', severity: 'info', reason: rateLimitReason(result, rateLimited) }, rateLimited ? 'degraded' : 'healthy');
  }

  const error = result.errorClass;
  if (error === 'blocked-address') {
    raise({ kind: 'monitoring', severity: 'warning', reason: 'target address is not allowed (private or loopback)' }, 'unknown');
  } else if (!apiProbe) {
    if (error !== null) {
      raise({ kind: 'monitoring', severity: 'warning', reason: statusPageFailure(result) }, 'unknown');
    } else if (result.statusPage) {
      const page = assessStatusPage(result.statusPage);
      if (page.signal) raise({ kind: 'availability', ...page.signal }, page.signal.severity === 'critical' ? 'down' : 'degraded');
      else if (page.maintenance) {
        status = worseState(status, 'degraded');
        note = page.maintenance;
      }
    }
  } else if (error === 'credentials') {
    raise({ kind: 'credentials', severity: 'critical', reason: 'access token expired or revoked' }, 'degraded');
  } else if (error !== null && UNREACHABLE[error]) {
    raise({ kind: 'availability', severity: 'critical', reason: UNREACHABLE[error](result) }, 'down');
  } else if (error === 'bad-response') {
    raise({ kind: 'availability', severity: 'warning', reason: 'unreadable response body' }, 'degraded');
  } else if (error === null) {
    const slow = slowReason(result.latencyMs, baseline);
    if (slow) raise({ kind: 'availability', severity: 'warning', reason: slow }, 'degraded');
  }

  // Only a check that reached the platform speaks for its availability (not a blocked, refused or unauthorized one).
  const judgesAvailability = error === null || countsAsFailure(error);
  if (apiProbe && judgesAvailability && baseline.errorWindow >= ERROR_RATE_WINDOW && baseline.errorRate > ERROR_RATE_WARNING) {
    const reason = `${formatPercent(baseline.errorRate * 100)} of the last ${baseline.errorWindow} checks failed`;
    raise({ kind: 'availability', severity: 'warning', reason }, 'degraded');
  }

  return { status, signals: signalsByKind(signals), reason: worstSignal(signals)?.reason ?? note };
}

/** The latency rule; null when the answer was not slow. */
export function slowReason(latencyMs: number | null, baseline: Baseline): string | null {
  if (latencyMs === null) return null;
  const limit = Math.max(3 * baseline.medianMs, 2 * baseline.p95Ms, baseline.medianMs + SLOW_MARGIN_MS);
  if (latencyMs <= limit) return null;
  const usual = baseline.coldStart ? 'expected' : 'usual';
  return `latency ${formatMs(latencyMs)} vs ${usual} ${formatMs(baseline.medianMs)} (p95 ${formatMs(baseline.p95Ms)})`;
}

function rateLimitReason(result: ProbeResult, refused: boolean): string {
  const reading = result.rateLimit;
  const reset = reading?.resetAt ? ` (resets ${formatUtcTime(reading.resetAt)})` : '';
  if (refused) return `rate limit reached${reset}`;
  return `quota ${formatPercent(reading?.usedPercent ?? 0)} used${reset}`;
}

function statusPageFailure(result: ProbeResult): string {
  if (result.errorClass === 'bad-response') return 'status page unreadable';
  const detail = result.errorClass ? UNREACHABLE[result.errorClass]?.(result) : undefined;
  return detail ? `status page unreachable: ${detail}` : 'status page unreachable';
}

/** Statuspage indicator and watched components → the worst signal, or a maintenance note. */
export function assessStatusPage(page: StatusPageReading): {
  signal: { severity: HealthSeverity; reason: string } | null;
  maintenance: string | null;
} {
  let worst: { severity: HealthSeverity; words: string; names: string[] } | null = null;
  for (const c of page.components) {
    const severity = COMPONENT_SEVERITY[c.status];
    if (!severity) continue;
    if (!worst || compareSeverity(severity, worst.severity) > 0) worst = { severity, words: COMPONENT_WORDS[c.status], names: [c.name] };
    else if (severity === worst.severity && !worst.names.includes(c.name)) worst.names.push(c.name);
  }
  const fromIndicator: HealthSeverity | null =
    page.indicator === 'major' || page.indicator === 'critical' ? 'critical' : page.indicator === 'minor' ? 'warning' : null;
  if (fromIndicator && (!worst || compareSeverity(fromIndicator, worst.severity) > 0)) {
    const words = page.indicator === 'critical' ? 'a critical outage' : page.indicator === 'major' ? 'a major outage' : 'a minor incident';
    worst = { severity: fromIndicator, words, names: [] };
  }
  if (worst) {
    const detail = worst.names.length ? worst.names.join(', ') : page.description || 'no details';
    return { signal: { severity: worst.severity, reason: `status page reports ${worst.words}: ${detail}` }, maintenance: null };
  }
  const inMaintenance = page.components.filter((c) => c.status === 'under_maintenance').map((c) => c.name);
  if (page.indicator === 'maintenance' || inMaintenance.length) {
    const detail = inMaintenance.length ? inMaintenance.join(', ') : page.description || 'no details';
    return { signal: null, maintenance: `scheduled maintenance: ${detail}` };
  }
  return { signal: null, maintenance: null };
}

const STATE_RANK: Record<HealthState, number> = { healthy: 0, unknown: 1, degraded: 2, down: 3 };

function worseState(a: HealthState, b: HealthState): HealthState {
  return STATE_RANK[b] > STATE_RANK[a] ? b : a;
}

function signalsByKind(signals: Signal[]): Record<IncidentKind, HealthSeverity | null> {
  const out: Record<IncidentKind, HealthSeverity | null> = { availability: null, credentials: null, 'rate-limit': null, monitoring: null };
  for (const s of signals) {
    const current = out[s.kind];
    if (current === null || compareSeverity(s.severity, current) > 0) out[s.kind] = s.severity;
  }
  return out;
}

/** The first raised among the most severe: per-check failures are raised before the error-rate summary. */
function worstSignal(signals: Signal[]): Signal | null {
  return signals.reduce<Signal | null>((w, s) => (w === null || compareSeverity(s.severity, w.severity) > 0 ? s : w), null);
}
