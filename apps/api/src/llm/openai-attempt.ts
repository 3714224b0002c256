import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { parseChatCompletion } from 'openai/lib/parser';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { LlmInvalidOutputError } from './llm-errors';
import type { StructuredTask } from './llm.port';
import { classifyError } from './retry-policy';

/** Tokens and requests of one structured() call, summed over its attempts. */
export class TokenCount {
  promptTokens = 0;
  completionTokens = 0;
  requests = 0;

  add(usage: ChatCompletion['usage'] | undefined): void {
    this.promptTokens += usage?.prompt_tokens ?? 0;
    this.completionTokens += usage?.completion_tokens ?? 0;
  }
}

export interface AttemptOptions {
  model: string;
  messages: ChatCompletionMessageParam[];
  signal: AbortSignal;
  timeoutMs: number;
}

/**
 * One request. Same wire request and same parsing as `client.chat.completions.parse()` (which is
 * `create()` + `parseChatCompletion()`), split in two so the tokens of an answer that fails parsing are
 * still counted: parse() throws before the caller sees `usage`, yet those tokens are billed.
 * Throws a typed LlmError for anything but a usable, checked answer.
 */
// Converting a zod schema to JSON schema costs ~0.3 ms; a task's schema never changes, so convert once.
const responseFormats = new WeakMap<object, Map<string, unknown>>();

function responseFormatFor<T>(task: StructuredTask<T>) {
  let byName = responseFormats.get(task.schema);
  if (!byName) responseFormats.set(task.schema, (byName = new Map()));
  let format = byName.get(task.schemaName) as ReturnType<typeof zodResponseFormat<typeof task.schema>> | undefined;
  if (!format) byName.set(task.schemaName, (format = zodResponseFormat(task.schema, task.schemaName)));
  return format;
}

export async function attemptStructured<T>(
  client: OpenAI,
  task: StructuredTask<T>,
  opts: AttemptOptions,
  tokens: TokenCount,
): Promise<T> {
  const body = {
    model: opts.model,
    messages: opts.messages,
    response_format: responseFormatFor(task),
  };
  tokens.requests++;
  const completion = await client.chat.completions.create(body, {
    signal: opts.signal,
    timeout: opts.timeoutMs,
    headers: { 'X-Stainless-Helper-Method': 'chat.completions.parse' },
  });
  // A 200 that is not JSON arrives as a string: no usage, and parsing below fails with a TypeError.
  tokens.add(typeof completion === 'object' ? completion?.usage : undefined);
  const content = typeof completion === 'object' ? (completion?.choices?.[0]?.message?.content ?? null) : null;

  let message;
  try {
    message = parseChatCompletion(completion, body).choices[0]?.message;
  } catch (err) {
    throw classifyError(err, content);
  }
  if (!message) throw new LlmInvalidOutputError('invalid_output', 'the answer had no choices');
  if (message.refusal) throw new LlmInvalidOutputError('refused', `you declined to answer ("${message.refusal}")`);
  if (message.parsed === null || message.parsed === undefined) {
    throw new LlmInvalidOutputError('invalid_output', 'the answer was empty', content);
  }
  const violation = task.check?.(message.parsed);
  if (violation) throw new LlmInvalidOutputError(`check_failed: ${violation}`, violation, content);
  return message.parsed;
}
