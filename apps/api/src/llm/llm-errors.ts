/**
 * Typed provider failures, internal to the LLM layer: the OpenAI adapter maps every SDK error to one of
 * these, decides on retries from them, and turns the last one into `fallbackReason`. They never leave the
 * adapter (the port answers with the builtin engine instead).
 */
export abstract class LlmError extends Error {
  /** Short, stable reason reported as `fallbackReason` and in usage logs. */
  abstract readonly reason: string;
  /** Worth another attempt after a pause (rate limits, 5xx, connection problems, attempt timeouts). */
  abstract readonly retryable: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class LlmRateLimitError extends LlmError {
  readonly reason = 'rate_limited';
  readonly retryable = true;
  constructor(
    message: string,
    /** From `retry-after-ms` / `retry-after`; undefined when the provider did not say. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One attempt ran out of time (retryable), or the whole call hit its deadline (not retryable). */
export class LlmTimeoutError extends LlmError {
  readonly reason = 'timeout';
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * 5xx, connection failures (retryable) and 4xx such as a bad key or a rejected request (not retryable:
 * another attempt cannot succeed, and these point at our configuration, so they are logged as errors).
 */
export class LlmProviderError extends LlmError {
  constructor(
    message: string,
    readonly reason: string,
    readonly retryable: boolean,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  /** A configuration or programming problem rather than a passing provider outage. */
  get severe(): boolean {
    return !this.retryable;
  }
}

/**
 * The model answered, but not usably: malformed JSON, a schema or `check()` violation, a refusal, or a
 * truncated answer. Sent back to the model once as a correction; not retried on the transport budget.
 */
export class LlmInvalidOutputError extends LlmError {
  readonly retryable = false;
  constructor(
    readonly reason: string,
    /** What was wrong, in words the model can act on. */
    readonly violation: string,
    /** The rejected answer text, replayed as the assistant turn before the correction. */
    readonly previousContent: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(`${reason}: ${violation}`, options);
  }
}
