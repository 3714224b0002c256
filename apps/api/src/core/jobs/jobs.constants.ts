/** Queue names (one queue carries every job; handlers are looked up by job name). */
export enum JobsQueue {
  Default = 'jobs',
}

export type JobsBackend = 'bull' | 'in-process';

export const DAY_MS = 86_400_000;
export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;
export const DEFAULT_CONCURRENCY = 4;
/** Failed jobs stay a week in Redis so they can be inspected. */
export const FAILED_KEEP_MS = 7 * DAY_MS;

/**
 * Retry delay after failed attempt n (1-based): backoffMs, 2x, 4x ... as the port documents. Bull's built-in
 * 'exponential' is (2^n - 1) * delay (1x, 3x, 7x), so Bull gets this as a custom strategy instead.
 */
export function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  return backoffMs * 2 ** (failedAttempt - 1);
}

export const BULL_BACKOFF_STRATEGY = 'doubling';

/** `${name}:${slot}`: every process computes the same id for the same time slot. */
export function slotJobId(name: string, intervalMs: number, now: Date): string {
  if (!Number.isInteger(intervalMs) || intervalMs <= 0) {
    throw new Error(`Job "${name}": intervalMs must be a positive integer, got ${intervalMs}`);
  }
  return `${name}:${Math.floor(now.getTime() / intervalMs)}`;
}

/**
 * How long a finished slot job's id must be remembered: a day, or the whole slot for longer intervals,
 * so a late trigger in the same slot is still recognised as a duplicate.
 */
export function slotKeepMs(intervalMs: number): number {
  return Math.max(DAY_MS, intervalMs);
}
