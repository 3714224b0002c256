/**
 * Answers of the platforms' own APIs, with their real header formats and error bodies:
 * X API v2 (problem+json, x-rate-limit-*), Meta Graph API (error.code, x-app-usage,
 * x-business-use-case-usage) and LinkedIn (serviceErrorCode bodies, no quota headers).
 */
import { randomBytes } from 'node:crypto';
import type { MetaThrottleCode, PlatformState, SimPlatform } from './sim-state';

export interface SimReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** X's per-user limit for GET /2/users/me: 75 requests per 15-minute window. */
const X_USERS_ME_LIMIT = 75;
const X_WINDOW_SECONDS = 15 * 60;
/** Meta's estimated_time_to_regain_access (minutes) once a quota is used up. */
const META_REGAIN_MINUTES = 15;
const META_BUSINESS_ID = '112130216863063';

const metaThrottleMessages: Record<MetaThrottleCode, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
};

/** The answer of a platform's API for a request that got past latency, outages and 5xx. */
export function apiReply(platform: SimPlatform, state: PlatformState, hasToken: boolean, now: Date): SimReply {
  switch (platform) {
    case 'twitter':
      return xReply(state, hasToken, now);
    case 'facebook':
    case 'instagram':
      return metaReply(platform, state, hasToken);
    case 'linkedin':
      return linkedInReply(state, hasToken);
  }
}

/** The platform's own 5xx body (error_rate, down: '503'). */
export function serverErrorReply(platform: SimPlatform, status: 500 | 503): SimReply {
  const title = status === 503 ? 'Service Unavailable' : 'Internal Server Error';
  switch (platform) {
    case 'twitter':
      return problem(status, title, title);
    case 'facebook':
    case 'instagram':
      // Meta's transient errors: code 1 (unknown) and 2 (service temporarily unavailable).
      return metaError(status, status === 503 ? 2 : 1, status === 503 ? 'Service temporarily unavailable' : 'An unknown error has occurred.', {
        is_transient: true,
      });
    case 'linkedin':
      return { status, headers: linkedInHeaders(), body: { message: title, status } };
  }
}

function xReply(state: PlatformState, hasToken: boolean, now: Date): SimReply {
  if (!hasToken || state.token_expired) return problem(401, 'Unauthorized', 'Unauthorized');
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const reset = (Math.floor(nowSeconds / X_WINDOW_SECONDS) + 1) * X_WINDOW_SECONDS;
  const used = Math.min(X_USERS_ME_LIMIT, Math.round((X_USERS_ME_LIMIT * state.rate_limit_used_percent) / 100));
  const headers = {
    'x-rate-limit-limit': String(X_USERS_ME_LIMIT),
    'x-rate-limit-remaining': String(X_USERS_ME_LIMIT - used),
    'x-rate-limit-reset': String(reset),
  };
  if (used >= X_USERS_ME_LIMIT) {
    const limited = problem(429, 'Too Many Requests', 'Too Many Requests');
    return { ...limited, headers: { ...limited.headers, ...headers } };
  }
  return { status: 200, headers, body: { data: { id: '2244994945', name: 'Sim Developers', username: 'SimDevs' } } };
}

function metaReply(platform: 'facebook' | 'instagram', state: PlatformState, hasToken: boolean): SimReply {
  if (!hasToken) {
    return metaError(400, 2500, 'An active access token must be used to query information about the current user.');
  }
  if (state.token_expired) {
    const message =
      'Error validating access token: Session has expired on Tuesday, 24-Nov-26 10:00:00 PST. ' +
      'The current time is Wednesday, 25-Nov-26 02:00:00 PST.';
    const reply = metaError(400, 190, message, { error_subcode: 463 });
    reply.headers['www-authenticate'] = `OAuth "Facebook Platform" "invalid_token" "${message}"`;
    return reply;
  }
  const usage = metaUsageHeaders(platform, state.rate_limit_used_percent);
  if (state.rate_limit_used_percent >= 100) {
    // Meta answers throttling with a 4xx (403 for app/user/page limits, 400 for #613); the code is what counts.
    const code = state.throttle_code;
    const reply = metaError(code === 613 ? 400 : 403, code, metaThrottleMessages[code], { is_transient: true });
    return { ...reply, headers: { ...reply.headers, ...usage } };
  }
  const body = platform === 'facebook' ? { name: 'Sim Page', id: '100012345678901' } : { id: '17841400000000001', username: 'sim.insta' };
  return { status: 200, headers: { ...metaHeaders(), ...usage }, body };
}

/** Both of Meta's usage headers; every figure is a percentage and the largest one counts. */
function metaUsageHeaders(platform: 'facebook' | 'instagram', percent: number): Record<string, string> {
  const callCount = Math.round(percent);
  const cpu = Math.round(percent * 0.6);
  const time = Math.round(percent * 0.8);
  const regain = percent >= 100 ? META_REGAIN_MINUTES : 0;
  const useCase = { type: platform === 'facebook' ? 'pages' : 'instagram', call_count: callCount, total_cputime: cpu, total_time: time, estimated_time_to_regain_access: regain };
  return {
    'x-app-usage': JSON.stringify({ call_count: callCount, total_cputime: cpu, total_time: time }),
    'x-business-use-case-usage': JSON.stringify({ [META_BUSINESS_ID]: [useCase] }),
  };
}

function linkedInReply(state: PlatformState, hasToken: boolean): SimReply {
  if (!hasToken) {
    return { status: 401, headers: linkedInHeaders(), body: { status: 401, serviceErrorCode: 65604, code: 'EMPTY_ACCESS_TOKEN', message: 'Empty oauth2 access token' } };
  }
  if (state.token_expired) {
    return { status: 401, headers: linkedInHeaders(), body: { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' } };
  }
  if (state.rate_limit_used_percent >= 100) {
    // LinkedIn publishes no quota headers: the 429 is the only signal.
    const message = 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.';
    return { status: 429, headers: linkedInHeaders(), body: { status: 429, message } };
  }
  const body = {
    sub: 'sim-782bbtaQ',
    name: 'Sim Member',
    given_name: 'Sim',
    family_name: 'Member',
    email: 'sim.member@example.com',
    email_verified: true,
    locale: { country: 'US', language: 'en' },
  };
  return { status: 200, headers: linkedInHeaders(), body };
}

/** X API v2 errors are RFC 7807 problem documents. */
function problem(status: number, title: string, detail: string): SimReply {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { title, type: 'about:blank', status, detail } };
}

function metaError(status: number, code: number, message: string, extra: Record<string, unknown> = {}): SimReply {
  const fbtraceId = randomBytes(8).toString('base64url');
  return {
    status,
    headers: { ...metaHeaders(), 'x-fb-trace-id': fbtraceId },
    body: { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: fbtraceId } },
  };
}

function metaHeaders(): Record<string, string> {
  return { 'x-fb-rev': '1018000000', 'facebook-api-version': 'v21.0' };
}

function linkedInHeaders(): Record<string, string> {
  return { 'x-restli-protocol-version': '2.0.0', 'x-li-uuid': randomBytes(12).toString('base64') };
}
