/** What the fake server does with one request. Build them with the `reply` helpers below. */
export type FakeReply =
  | JsonReply
  | ContentReply
  | RefusalReply
  | ErrorReply
  | RawReply
  | HangReply;

export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls';

export interface UsageOverride {
  prompt_tokens?: number;
  completion_tokens?: number;
}

interface Common {
  /** Wait this long before answering (the response is dropped if the client gives up first). */
  delayMs?: number;
  /** Token counts to report; estimated from text length (chars / 4) when omitted. */
  usage?: UsageOverride;
}

/** A 200 answer whose message content is `JSON.stringify(data)`. */
export interface JsonReply extends Common {
  type: 'json';
  data: unknown;
}

/** A 200 answer with this exact content string (malformed JSON, truncated text...). */
export interface ContentReply extends Common {
  type: 'content';
  content: string;
  finishReason?: FinishReason;
}

/** A 200 answer where the model declined: `content: null`, `refusal` set. */
export interface RefusalReply extends Common {
  type: 'refusal';
  refusal: string;
}

/** An error status with OpenAI's error body `{ error: { message, type, param, code } }`. */
export interface ErrorReply extends Common {
  type: 'error';
  status: number;
  message?: string;
  errorType?: string;
  code?: string | null;
  headers?: Record<string, string>;
}

/** Anything else: a body that is not the chat completion protocol (e.g. an HTML proxy page). */
export interface RawReply extends Common {
  type: 'raw';
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Never answers; the socket stays open until the client gives up or the server closes. */
export interface HangReply {
  type: 'hang';
}

type Opts = Common;

/** Builders for scripted replies: `fake.script(reply.rateLimited(1), reply.json({ ok: true }))`. */
export const reply = {
  json: (data: unknown, opts: Opts = {}): JsonReply => ({ type: 'json', data, ...opts }),
  content: (content: string, opts: Opts & { finishReason?: FinishReason } = {}): ContentReply => ({
    type: 'content',
    content,
    ...opts,
  }),
  /** Content that is not valid JSON. */
  malformed: (opts: Opts = {}): ContentReply => ({ type: 'content', content: '{"answer": "unterminated', ...opts }),
  /** finish_reason "length": the model ran out of tokens mid-answer. */
  truncated: (opts: Opts = {}): ContentReply => ({
    type: 'content',
    content: '{"answer": "cut off',
    finishReason: 'length',
    ...opts,
  }),
  refusal: (refusal = "I'm sorry, I can't help with that.", opts: Opts = {}): RefusalReply => ({
    type: 'refusal',
    refusal,
    ...opts,
  }),
  /** 429 with `retry-after` (seconds, as OpenAI sends it). */
  rateLimited: (retryAfterSeconds?: number, opts: Opts = {}): ErrorReply => ({
    type: 'error',
    status: 429,
    message: 'Rate limit reached for requests. Please try again later.',
    errorType: 'requests',
    code: 'rate_limit_exceeded',
    headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    ...opts,
  }),
  serverError: (status = 500, opts: Opts = {}): ErrorReply => ({
    type: 'error',
    status,
    message:
      status === 503
        ? 'The engine is currently overloaded, please try again later.'
        : 'The server had an error while processing your request.',
    errorType: 'server_error',
    code: null,
    ...opts,
  }),
  error: (status: number, fields: Omit<ErrorReply, 'type' | 'status'> = {}): ErrorReply => ({
    type: 'error',
    status,
    ...fields,
  }),
  raw: (status: number, body: string, headers: Record<string, string> = {}, opts: Opts = {}): RawReply => ({
    type: 'raw',
    status,
    body,
    headers,
    ...opts,
  }),
  hang: (): HangReply => ({ type: 'hang' }),
};
