/**
 * The I/O edge of the health monitor: one adapter per probe kind measures a target and reports facts.
 * Adapters never decide severity (deciding/ does); they classify errors and parse platform headers.
 */
import type { ProbeKind } from '@postprober/shared/health-events';
import type { MonitorPlatform } from '@postprober/shared/platforms';

export type { MonitorPlatform, ProbeKind };

export interface ProbeTarget {
  kind: ProbeKind;
  platform: MonitorPlatform;
  url: string;
  method: 'GET' | 'HEAD' | 'POST';
  /** Request headers, including a decrypted access token when the monitor has one. */
  headers: Record<string, string>;
  timeoutMs: number;
  /** http probes: the status that counts as up (default 200). */
  expectedStatus: number;
  /** statuspage probes: component names to watch (empty: only the page's overall indicator). */
  components: string[];
  /** Aborted when the probe must end early (the process is stopping): the request is torn down at once. */
  signal?: AbortSignal;
}

/** Why a probe did not get a usable answer. */
export type ProbeErrorClass =
  | 'timeout' // no complete answer within timeoutMs
  | 'dns' // name did not resolve
  | 'connection' // refused, reset, unreachable
  | 'tls'
  | 'blocked-address' // resolved to a private/loopback/link-local address and that is not allowed
  | 'http-status' // answered, but not the expected status (5xx, 404...)
  | 'credentials' // token expired or revoked (X 401, Meta error code 190, LinkedIn 401)
  | 'rate-limited' // 429, or Meta's throttling error codes
  | 'bad-response'; // a statuspage/platform body that does not parse

export interface RateLimitReading {
  /** Percent of the quota used, 0–100 (Meta reports percentages; X counts are converted). */
  usedPercent: number;
  /** Absolute numbers when the platform gives them (X); null for Meta's percentage headers. */
  used: number | null;
  total: number | null;
  /** When the window resets or access is regained, if the platform says. */
  resetAt: Date | null;
  /** Which header it came from: x-rate-limit, x-app-usage, x-business-use-case-usage, linkedin-429. */
  source: 'x-rate-limit' | 'x-app-usage' | 'x-business-use-case-usage' | 'linkedin-429';
}

export type StatusIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export interface StatusPageReading {
  indicator: StatusIndicator;
  description: string;
  /** The watched components (all when none were named), with Statuspage's status strings. */
  components: { name: string; status: string }[];
}

export interface ProbeResult {
  checkedAt: Date;
  /** Time to a complete answer (or to the failure); null when no request was sent (blocked address). */
  latencyMs: number | null;
  httpStatus: number | null;
  bodyBytes: number | null;
  /** null when the target answered as expected. */
  errorClass: ProbeErrorClass | null;
  /** Short human-readable detail, e.g. "getaddrinfo ENOTFOUND api.x.com" or "HTTP 503". */
  errorMessage: string | null;
  rateLimit: RateLimitReading | null;
  statusPage: StatusPageReading | null;
}

export interface PlatformProbe {
  readonly kind: ProbeKind;
  /** Never throws: every failure is a ProbeResult with an errorClass. Resolves within target.timeoutMs (+ a little). */
  probe(target: ProbeTarget): Promise<ProbeResult>;
}

/** Multi-provider token: one PlatformProbe per kind. */
export const PLATFORM_PROBES = Symbol('PLATFORM_PROBES');
