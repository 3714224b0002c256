import type { FinishReason, UsageOverride } from './fake-openai.replies';

/** The parts of a chat completions request body the fake reads (the rest is recorded as is). */
export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  response_format?: { type: string; json_schema?: { name: string; schema?: unknown; strict?: boolean } };
  [key: string]: unknown;
}

export interface ChatCompletionBody {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: 'assistant'; content: string | null; refusal: string | null; annotations: unknown[] };
    logprobs: null;
    finish_reason: FinishReason;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  system_fingerprint: string;
}

/** Rough token estimate (OpenAI's rule of thumb: ~4 characters per token). */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function promptText(body: ChatRequestBody | undefined): string {
  const texts = (body?.messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
  return texts.join('\n');
}

export function completionBody(
  id: string,
  model: string,
  request: ChatRequestBody | undefined,
  message: { content: string | null; refusal: string | null },
  finishReason: FinishReason,
  usage: UsageOverride = {},
): ChatCompletionBody {
  const prompt = usage.prompt_tokens ?? estimateTokens(promptText(request));
  const completion = usage.completion_tokens ?? estimateTokens(message.content ?? message.refusal ?? '');
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', ...message, annotations: [] }, logprobs: null, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    system_fingerprint: 'fp_fake',
  };
}

const DEFAULT_ERROR_TYPE: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'requests',
};

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export function errorBody(status: number, message?: string, type?: string, code?: string | null) {
  return {
    error: {
      message: message ?? `Fake error with status ${status}`,
      type: type ?? DEFAULT_ERROR_TYPE[status] ?? 'server_error',
      param: null,
      code: code ?? null,
    },
  };
}
