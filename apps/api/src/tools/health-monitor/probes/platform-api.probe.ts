import { baseResult, HttpOutcome, ProbeRequestOptions, sendProbeRequest } from './http-request';
import type { MonitorPlatform, PlatformProbe, ProbeErrorClass, ProbeResult, ProbeTarget, RateLimitReading } from './platform-probe.port';
import { linkedIn429Reading, parseMetaUsage, parseXRateLimit } from './rate-limit-headers';

/** Graph API codes for an expired, revoked or missing token (190 OAuthException, 102 session, 2500 no token). */
const META_CREDENTIAL_CODES = new Set([102, 190, 2500]);
/** Graph API throttling: app (4), user (17), page (32), API-specific (613) and business use case (80000–80014). */
const META_THROTTLE_CODES = new Set([4, 17, 32, 613, ...Array.from({ length: 15 }, (_, i) => 80000 + i)]);

const names: Record<MonitorPlatform, string> = {
  twitter: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  custom: 'The API',
};

interface Verdict {
  errorClass: ProbeErrorClass;
  message: string;
}

/**
 * Calls a platform endpoint with the monitor's token: classifies credential and throttling answers
 * the way each platform words them, and reads the platform's quota headers.
 */
export class PlatformApiProbe implements PlatformProbe {
  readonly kind = 'platform-api' as const;

  constructor(private readonly options: ProbeRequestOptions) {}

  async probe(target: ProbeTarget): Promise<ProbeResult> {
    const checkedAt = new Date();
    const outcome = await sendProbeRequest(target, this.options);
    const result = baseResult(checkedAt, outcome);
    if (outcome.status === null) return result;

    result.rateLimit = readRateLimit(target.platform, outcome, checkedAt);
    const verdict = judge(target.platform, outcome);
    if (verdict) {
      result.errorClass = verdict.errorClass;
      result.errorMessage = verdict.message;
    } else if (result.errorClass === null && (outcome.status < 200 || outcome.status > 299)) {
      result.errorClass = 'http-status';
      result.errorMessage = `HTTP ${outcome.status}`;
    }
    return result;
  }
}

function readRateLimit(platform: MonitorPlatform, outcome: HttpOutcome, now: Date): RateLimitReading | null {
  switch (platform) {
    case 'twitter':
      return parseXRateLimit(outcome.headers);
    case 'facebook':
    case 'instagram':
      return parseMetaUsage(outcome.headers, now);
    case 'linkedin':
      return outcome.status === 429 ? linkedIn429Reading() : null;
    case 'custom':
      return null;
  }
}

/** Credential and throttling answers, by platform; null when the answer is neither. */
function judge(platform: MonitorPlatform, outcome: HttpOutcome): Verdict | null {
  const name = names[platform];
  const status = outcome.status ?? 0;
  // Parsed only for the answers that need it, and once.
  const isMeta = platform === 'facebook' || platform === 'instagram';
  const body = isMeta || status === 401 ? parseJson(outcome.body) : undefined;
  if (isMeta) {
    // Meta puts the reason in the body's error.code, whatever the HTTP status (usually 400 or 403).
    const error = metaError(body);
    if (error && META_CREDENTIAL_CODES.has(error.code)) {
      return { errorClass: 'credentials', message: `${name} rejected the access token (code ${error.code}): ${error.message}` };
    }
    if (error && META_THROTTLE_CODES.has(error.code)) {
      return { errorClass: 'rate-limited', message: `${name} is throttling requests (code ${error.code}): ${error.message}` };
    }
  }
  if (status === 401) {
    const detail = bodyMessage(body);
    return { errorClass: 'credentials', message: `${name} rejected the access token (HTTP 401)${detail ? `: ${detail}` : ''}` };
  }
  if (status === 429) return { errorClass: 'rate-limited', message: `${name} answered 429 Too Many Requests` };
  return null;
}

function metaError(parsed: unknown): { code: number; message: string } | null {
  const error = isRecord(parsed) ? parsed['error'] : undefined;
  if (!isRecord(error) || typeof error['code'] !== 'number') return null;
  return { code: error['code'], message: typeof error['message'] === 'string' ? error['message'].slice(0, 200) : '' };
}

/** X's "detail" or LinkedIn's "message", to say what the platform said. */
function bodyMessage(parsed: unknown): string | null {
  if (!isRecord(parsed)) return null;
  const text = parsed['message'] ?? parsed['detail'];
  return typeof text === 'string' ? text.slice(0, 200) : null;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
