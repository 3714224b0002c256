/**
 * Reads the platforms' quota headers into one RateLimitReading. Pure: no I/O, `now` passed in.
 * X counts requests (x-rate-limit-*); Meta reports percentages (x-app-usage, x-business-use-case-usage);
 * LinkedIn publishes nothing until it answers 429.
 */
import type { RateLimitReading } from './platform-probe.port';

/** Response headers as node:http gives them: lower-case names. */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** X: x-rate-limit-limit / -remaining / -reset (epoch seconds). Null unless all three are numbers. */
export function parseXRateLimit(headers: HeaderBag): RateLimitReading | null {
  const limit = intHeader(headers, 'x-rate-limit-limit');
  const remaining = intHeader(headers, 'x-rate-limit-remaining');
  const reset = intHeader(headers, 'x-rate-limit-reset');
  if (limit === null || remaining === null || reset === null || limit <= 0) return null;
  const used = Math.max(0, limit - remaining);
  return { usedPercent: percent((used / limit) * 100), used, total: limit, resetAt: new Date(reset * 1000), source: 'x-rate-limit' };
}

/** Meta app-level usage: {"call_count":28,"total_cputime":25,"total_time":25}, each a percentage. */
export function parseMetaAppUsage(headers: HeaderBag): RateLimitReading | null {
  const usage = usageFigures(jsonHeader(headers, 'x-app-usage'));
  if (usage === null) return null;
  return { usedPercent: percent(usage), used: null, total: null, resetAt: null, source: 'x-app-usage' };
}

/**
 * Meta business use case usage: {"<business id>":[{"type":"pages","call_count":..,"total_cputime":..,
 * "total_time":..,"estimated_time_to_regain_access":<minutes>}], ...}. The most used entry counts.
 */
export function parseMetaBusinessUseCaseUsage(headers: HeaderBag, now: Date): RateLimitReading | null {
  const value = jsonHeader(headers, 'x-business-use-case-usage');
  if (!isRecord(value)) return null;
  let usedPercent: number | null = null;
  let regainMinutes = 0;
  for (const entries of Object.values(value)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const used = usageFigures(entry);
      if (used === null) continue;
      usedPercent = Math.max(usedPercent ?? 0, used);
      const regain = isRecord(entry) ? entry['estimated_time_to_regain_access'] : undefined;
      if (typeof regain === 'number' && regain > regainMinutes) regainMinutes = regain;
    }
  }
  if (usedPercent === null) return null;
  const resetAt = regainMinutes > 0 ? new Date(now.getTime() + regainMinutes * 60_000) : null;
  return { usedPercent: percent(usedPercent), used: null, total: null, resetAt, source: 'x-business-use-case-usage' };
}

/** Both Meta headers may come; the closer one to its limit is the one that will throttle first. */
export function parseMetaUsage(headers: HeaderBag, now: Date): RateLimitReading | null {
  const app = parseMetaAppUsage(headers);
  const buc = parseMetaBusinessUseCaseUsage(headers, now);
  if (!app || !buc) return app ?? buc;
  return buc.usedPercent >= app.usedPercent ? buc : app;
}

/** LinkedIn's only signal: a 429 means the quota is used up; it does not say until when. */
export function linkedIn429Reading(): RateLimitReading {
  return { usedPercent: 100, used: null, total: null, resetAt: null, source: 'linkedin-429' };
}

/** The largest of call_count, total_cputime and total_time; null when none is a number. */
function usageFigures(value: unknown): number | null {
  if (!isRecord(value)) return null;
  const figures = ['call_count', 'total_cputime', 'total_time']
    .map((k) => value[k])
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return figures.length === 0 ? null : Math.max(...figures);
}

function headerValue(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function intHeader(headers: HeaderBag, name: string): number | null {
  const text = headerValue(headers, name)?.trim();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

function jsonHeader(headers: HeaderBag, name: string): unknown {
  const text = headerValue(headers, name);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Clamped to 0–100 with one decimal, so readings compare and display cleanly. */
function percent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
}
