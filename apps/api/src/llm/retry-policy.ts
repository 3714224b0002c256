import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
  RateLimitError,
} from 'openai/error';
import { z } from 'zod';
import { LlmError, LlmInvalidOutputError, LlmProviderError, LlmRateLimitError, LlmTimeoutError } from './llm-errors';

export const BACKOFF_BASE_MS = 200;
export const BACKOFF_MAX_MS = 5_000;
/** Not worth starting an attempt with less time than this left before the deadline. */
export const MIN_ATTEMPT_MS = 100;

/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random, so retries
 * from many callers spread out but never fire back to back. retry 0 → 100–200 ms, 1 → 200–400 ms, ...
 */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** retry);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * How long to wait before the next attempt, or null to give up now. A provider's Retry-After wins over our
 * backoff, but only when it ends before the deadline: sleeping past the deadline would only delay the
 * fallback the caller gets anyway.
 */
export function retryDelayMs(
  error: LlmError,
  retry: number,
  remainingMs: number,
  random: () => number = Math.random,
): number | null {
  const asked = error instanceof LlmRateLimitError ? error.retryAfterMs : undefined;
  const delay = asked ?? backoffDelayMs(retry, random);
  return delay + MIN_ATTEMPT_MS <= remainingMs ? delay : null;
}

/** `retry-after-ms` (OpenAI's own), else `retry-after` in seconds or as an HTTP date. */
export function parseRetryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Maps anything the SDK (or our parsing) throws to a typed error; order matters (subclasses first). */
export function classifyError(err: unknown, content: string | null = null): LlmError {
  if (err instanceof LlmError) return err;
  // Only our own deadline aborts requests, so a user abort means the whole call is out of time.
  if (err instanceof APIUserAbortError) return new LlmTimeoutError('Deadline reached', false, { cause: err });
  if (err instanceof APIConnectionTimeoutError) return new LlmTimeoutError('Attempt timed out', true, { cause: err });
  if (err instanceof APIConnectionError) {
    return new LlmProviderError(err.message, 'connection_error', true, undefined, { cause: err });
  }
  if (err instanceof RateLimitError) {
    return new LlmRateLimitError(err.message, parseRetryAfterMs(err.headers), { cause: err });
  }
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    const retryable = status >= 500 || status === 408 || status === 409;
    return new LlmProviderError(err.message, 'provider_error', retryable, status, { cause: err });
  }
  if (err instanceof LengthFinishReasonError) {
    const violation = 'the answer was cut off at the length limit; answer more briefly';
    return new LlmInvalidOutputError('truncated', violation, content, { cause: err });
  }
  if (err instanceof ContentFilterFinishReasonError) {
    return new LlmInvalidOutputError('refused', 'the answer was stopped by the content filter', content, { cause: err });
  }
  if (err instanceof z.core.$ZodError) {
    const violation = `the JSON does not match the schema (${describeIssues(err)})`;
    return new LlmInvalidOutputError('invalid_output', violation, content, { cause: err });
  }
  // JSON.parse of the content (SyntaxError) or a 200 body that is not a chat completion at all (TypeError).
  if (err instanceof SyntaxError || err instanceof TypeError) {
    return new LlmInvalidOutputError('invalid_output', 'the answer was not valid JSON', content, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new LlmProviderError(message, 'unexpected_error', false, undefined, { cause: err });
}

function describeIssues(err: z.core.$ZodError): string {
  const issues = err.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  return issues.join('; ') + (err.issues.length > 5 ? `; and ${err.issues.length - 5} more` : '');
}
