/** What each simulated platform is doing right now, and how admin patches change it. */
import { isPlatform, PLATFORMS, type Platform } from '@postprober/shared/platforms';

/** Every supported platform is simulated. */
export const SIM_PLATFORMS = PLATFORMS;
export type SimPlatform = Platform;

export const STATUS_INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type SimStatusIndicator = (typeof STATUS_INDICATORS)[number];

export const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
export type SimComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Meta's throttling error codes: app (4), user (17), page (32), API-specific (613). */
export const META_THROTTLE_CODES = [4, 17, 32, 613] as const;
export type MetaThrottleCode = (typeof META_THROTTLE_CODES)[number];

/** 'reset': the socket is destroyed without an answer (ECONNRESET); '503': the edge answers 503. */
export type DownMode = false | 'reset' | '503';

export interface PlatformState {
  /** Added before every API and health answer. */
  latency_ms: number;
  /** Share of API and health requests answered with the platform's 5xx (deterministic: every 1/rate-th). */
  error_rate: number;
  down: DownMode;
  /** API and health requests are never answered (until close() or the control is lifted). */
  hang: boolean;
  /** API and health requests get a 200 and the start of a body that never ends (a probe's deadline must cover the body). */
  stall_body: boolean;
  /** API requests get the platform's expired-token error. */
  token_expired: boolean;
  /** 0–100, shown in the platform's quota headers; at 100 API requests are throttled. */
  rate_limit_used_percent: number;
  /** Meta only: which throttling code a throttled request gets. */
  throttle_code: MetaThrottleCode;
  /** The status page's overall indicator; components follow it unless overridden. */
  status_indicator: SimStatusIndicator;
  /** Explicit component statuses by name (e.g. {"Posting": "partial_outage"}). */
  components: Record<string, SimComponentStatus>;
}

export interface BenchState {
  latency_ms: number;
  /** Every n-th id hangs (id % n === 0); 0 or null: none. */
  hang_every: number | null;
  /** These ids hang too. */
  hang_ids: number[];
}

export const defaultPlatformState = (): PlatformState => ({
  latency_ms: 0,
  error_rate: 0,
  down: false,
  hang: false,
  stall_body: false,
  token_expired: false,
  rate_limit_used_percent: 0,
  throttle_code: 4,
  status_indicator: 'none',
  components: {},
});

export const defaultBenchState = (): BenchState => ({ latency_ms: 0, hang_every: null, hang_ids: [] });

export class InvalidPatchError extends Error {}

/** "x" is X's own name for twitter; both work in paths and in the admin API. */
export function platformFromSlug(slug: string): SimPlatform | null {
  if (slug === 'x') return 'twitter';
  return isPlatform(slug) ? slug : null;
}

/** Validates a JSON patch field by field; an unknown field or bad value names itself. */
export function applyPlatformPatch(base: PlatformState, patch: unknown): PlatformState {
  const input = asObject(patch);
  const next: PlatformState = { ...base, components: { ...base.components } };
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'latency_ms':
        next.latency_ms = nonNegative(key, value);
        break;
      case 'error_rate':
        next.error_rate = inRange(key, value, 0, 1);
        break;
      case 'down':
        if (value !== false && value !== 'reset' && value !== '503' && value !== true) {
          throw new InvalidPatchError('down must be false, "reset" or "503" (true means "503")');
        }
        next.down = value === true ? '503' : value;
        break;
      case 'hang':
      case 'stall_body':
      case 'token_expired':
        if (typeof value !== 'boolean') throw new InvalidPatchError(`${key} must be a boolean`);
        next[key] = value;
        break;
      case 'rate_limit_used_percent':
        next.rate_limit_used_percent = inRange(key, value, 0, 100);
        break;
      case 'throttle_code':
        if (!(META_THROTTLE_CODES as readonly unknown[]).includes(value)) {
          throw new InvalidPatchError(`throttle_code must be one of ${META_THROTTLE_CODES.join(', ')}`);
        }
        next.throttle_code = value as MetaThrottleCode;
        break;
      case 'status_indicator':
        next.status_indicator = oneOf(key, value, STATUS_INDICATORS);
        break;
      case 'components':
        next.components = {};
        for (const [name, status] of Object.entries(asObject(value, key))) {
          next.components[name] = oneOf(`components.${name}`, status, COMPONENT_STATUSES);
        }
        break;
      default:
        throw new InvalidPatchError(`unknown field ${key}`);
    }
  }
  return next;
}

export function applyBenchPatch(base: BenchState, patch: unknown): BenchState {
  const next: BenchState = { ...base, hang_ids: [...base.hang_ids] };
  for (const [key, value] of Object.entries(asObject(patch))) {
    switch (key) {
      case 'latency_ms':
        next.latency_ms = nonNegative(key, value);
        break;
      case 'hang_every':
        next.hang_every = value === null || value === 0 ? null : positiveInt(key, value);
        break;
      case 'hang_ids':
        if (!Array.isArray(value)) throw new InvalidPatchError('hang_ids must be an array of integers');
        next.hang_ids = value.map((id) => nonNegativeInt('hang_ids[]', id));
        break;
      default:
        throw new InvalidPatchError(`unknown field ${key}`);
    }
  }
  return next;
}

export function benchIdHangs(bench: BenchState, id: number): boolean {
  return (bench.hang_every !== null && id % bench.hang_every === 0) || bench.hang_ids.includes(id);
}

function asObject(value: unknown, name = 'body'): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidPatchError(`${name} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

function inRange(key: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidPatchError(`${key} must be a number from ${min} to ${max}`);
  }
  return value;
}

function nonNegative(key: string, value: unknown): number {
  return inRange(key, value, 0, Number.MAX_SAFE_INTEGER);
}

function nonNegativeInt(key: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 0) throw new InvalidPatchError(`${key} must be an integer >= 0`);
  return value as number;
}

function positiveInt(key: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1) throw new InvalidPatchError(`${key} must be an integer >= 1`);
  return value as number;
}

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) throw new InvalidPatchError(`${key} must be one of ${allowed.join(', ')}`);
  return value as T;
}
