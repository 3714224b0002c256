import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ContentFilterFinishReasonError,
  InternalServerError,
  LengthFinishReasonError,
  RateLimitError,
} from 'openai/error';
import { z } from 'zod';
import { LlmInvalidOutputError, LlmProviderError, LlmRateLimitError, LlmTimeoutError } from './llm-errors';
import { backoffDelayMs, BACKOFF_MAX_MS, classifyError, MIN_ATTEMPT_MS, parseRetryAfterMs, retryDelayMs } from './retry-policy';

const headers = (h: Record<string, string>) => new Headers(h);

describe('backoffDelayMs', () => {
  it('doubles per retry with half of each step jittered', () => {
    expect([0, 1, 2].map((r) => backoffDelayMs(r, () => 0))).toEqual([100, 200, 400]);
    expect([0, 1, 2].map((r) => backoffDelayMs(r, () => 1))).toEqual([200, 400, 800]);
    expect(backoffDelayMs(1, () => 0.5)).toBe(300);
  });

  it('is capped', () => {
    expect(backoffDelayMs(20, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(20, () => 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});

describe('retryDelayMs', () => {
  const fiveHundred = new LlmProviderError('boom', 'provider_error', true, 500);

  it('uses the backoff when the provider gave no Retry-After', () => {
    expect(retryDelayMs(fiveHundred, 1, 10_000, () => 0)).toBe(200);
    expect(retryDelayMs(new LlmRateLimitError('slow down'), 0, 10_000, () => 1)).toBe(200);
  });

  it("honours the provider's Retry-After over the backoff", () => {
    expect(retryDelayMs(new LlmRateLimitError('slow down', 1_000), 0, 10_000, () => 0)).toBe(1_000);
  });

  it('gives up instead of sleeping past the deadline (room for one more attempt included)', () => {
    expect(retryDelayMs(new LlmRateLimitError('slow down', 65_000), 0, 1_500)).toBeNull();
    expect(retryDelayMs(new LlmRateLimitError('slow down', 1_000), 0, 1_000 + MIN_ATTEMPT_MS)).toBe(1_000);
    expect(retryDelayMs(new LlmRateLimitError('slow down', 1_000), 0, 1_000 + MIN_ATTEMPT_MS - 1)).toBeNull();
    expect(retryDelayMs(fiveHundred, 2, 450, () => 1)).toBeNull(); // 800 ms backoff, 450 ms left
  });
});

describe('parseRetryAfterMs', () => {
  it('reads retry-after-ms first, then retry-after seconds, then an HTTP date', () => {
    expect(parseRetryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(parseRetryAfterMs(headers({ 'retry-after': '2' }))).toBe(2_000);
    expect(parseRetryAfterMs(headers({ 'retry-after': '0.5' }))).toBe(500);
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:03 GMT' }), now)).toBe(3_000);
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Wed, 25 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
    expect(parseRetryAfterMs(headers({}))).toBeUndefined();
    expect(parseRetryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfterMs(headers({ 'retry-after': '-3' }))).toBeUndefined();
  });
});

describe('classifyError', () => {
  const body = { message: 'x' };

  it('maps 429 to a retryable rate limit carrying Retry-After', () => {
    const err = classifyError(new RateLimitError(429, body, 'x', headers({ 'retry-after': '3' })));
    expect(err).toBeInstanceOf(LlmRateLimitError);
    expect(err).toMatchObject({ reason: 'rate_limited', retryable: true, retryAfterMs: 3_000 });
  });

  it('retries 5xx and connection problems', () => {
    const unavailable = classifyError(new InternalServerError(503, body, 'x', headers({})));
    expect(unavailable).toMatchObject({ reason: 'provider_error', retryable: true, status: 503 });
    const refused = classifyError(new APIConnectionError({ message: 'ECONNREFUSED' }));
    expect(refused).toMatchObject({ reason: 'connection_error', retryable: true });
  });

  it('tells an attempt timeout (retryable) from the overall deadline (final)', () => {
    const attempt = classifyError(new APIConnectionTimeoutError());
    expect(attempt).toBeInstanceOf(LlmTimeoutError);
    expect(attempt).toMatchObject({ reason: 'timeout', retryable: true });
    expect(classifyError(new APIUserAbortError())).toMatchObject({ reason: 'timeout', retryable: false });
  });

  it('does not retry 400/401 and marks them severe', () => {
    for (const err of [new BadRequestError(400, body, 'bad', headers({})), new AuthenticationError(401, body, 'key', headers({}))]) {
      const mapped = classifyError(err);
      expect(mapped).toBeInstanceOf(LlmProviderError);
      expect(mapped).toMatchObject({ reason: 'provider_error', retryable: false, severe: true });
    }
  });

  it('maps structured-output failures to invalid output with a violation the model can act on', () => {
    let zodError: unknown;
    try {
      z.object({ tags: z.array(z.string()) }).parse({ tags: 'x' });
    } catch (e) {
      zodError = e;
    }
    const schema = classifyError(zodError, '{"tags":"x"}');
    expect(schema).toBeInstanceOf(LlmInvalidOutputError);
    expect(schema).toMatchObject({ reason: 'invalid_output', retryable: false, previousContent: '{"tags":"x"}' });
    expect((schema as LlmInvalidOutputError).violation).toMatch(/^the JSON does not match the schema \(tags: .*expected array/);

    let syntaxError: unknown;
    try {
      JSON.parse('{"a": ');
    } catch (e) {
      syntaxError = e;
    }
    expect(classifyError(syntaxError)).toMatchObject({ reason: 'invalid_output', violation: 'the answer was not valid JSON' });
    expect(classifyError(new TypeError("Cannot read properties of undefined (reading 'map')"))).toMatchObject({ reason: 'invalid_output' });
    expect(classifyError(new LengthFinishReasonError())).toMatchObject({ reason: 'truncated', retryable: false });
    expect(classifyError(new ContentFilterFinishReasonError())).toMatchObject({ reason: 'refused' });
  });

  it('passes typed errors through and treats anything else as an unexpected, severe error', () => {
    const typed = new LlmRateLimitError('x', 10);
    expect(classifyError(typed)).toBe(typed);
    expect(classifyError('weird')).toMatchObject({ reason: 'unexpected_error', retryable: false, severe: true });
  });
});
