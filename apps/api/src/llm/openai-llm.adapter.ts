import { Logger } from '@nestjs/common';
import OpenAI from 'openai';
import type { AppConfig } from '../config/app-config';
import { Deadline } from './deadline';
import { LlmError, LlmInvalidOutputError, LlmProviderError, LlmTimeoutError } from './llm-errors';
import { buildMessages, correctionMessages } from './llm-prompt';
import type { UsageRecorder } from './llm-usage.service';
import type { LlmAnswer, LlmPort, StructuredTask } from './llm.port';
import { attemptStructured, TokenCount } from './openai-attempt';
import { classifyError, retryDelayMs } from './retry-policy';

export type LlmSettings = AppConfig['llm'] & { apiKey: string };

export function createOpenAiClient(cfg: LlmSettings): OpenAI {
  return new OpenAI({
    apiKey: cfg.apiKey,
    // Explicit values: the SDK would otherwise read OPENAI_BASE_URL/ORG_ID/PROJECT_ID itself (config/ owns env).
    baseURL: cfg.baseUrl ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    // Retries are ours (below): the SDK's obey Retry-After without bound and ignore our deadline.
    maxRetries: 0,
    timeout: cfg.attemptTimeoutMs,
  });
}

/**
 * Answers with an OpenAI-compatible model, and never fails because of it: transport problems are retried
 * within one deadline, an unusable answer is corrected once, and whatever is left falls back to the
 * task's builtin answer with the reason. Every call records one usage row.
 */
export class OpenAiLlmAdapter implements LlmPort {
  readonly engine = 'openai' as const;
  private readonly logger = new Logger('LlmOpenAi');

  constructor(
    private readonly cfg: LlmSettings,
    private readonly usage: UsageRecorder,
    private readonly client: OpenAI = createOpenAiClient(cfg),
    private readonly random: () => number = Math.random,
    /** Cuts every call in flight (the process is stopping): they fall back to the builtin answer. */
    private readonly cancel?: AbortSignal,
  ) {}

  async structured<T>(task: StructuredTask<T>): Promise<LlmAnswer<T>> {
    const started = Date.now();
    const tokens = new TokenCount();
    const deadline = new Deadline(this.cfg.deadlineMs, Date.now, this.cancel);
    let answer: LlmAnswer<T>;
    try {
      const data = await this.answer(task, deadline, tokens);
      answer = { data, engine: 'openai', model: this.cfg.model, fallback: false };
    } catch (err) {
      const error = classifyError(err);
      this.logFallback(task, error, tokens);
      answer = { data: await task.builtin(), engine: 'builtin', model: 'builtin', fallback: true, fallbackReason: error.reason };
    } finally {
      deadline.dispose();
    }
    answer.usage = { promptTokens: tokens.promptTokens, completionTokens: tokens.completionTokens };
    await this.usage.record({
      organizationId: task.organizationId,
      operation: task.operation,
      engine: answer.engine,
      model: this.cfg.model,
      promptTokens: tokens.promptTokens,
      completionTokens: tokens.completionTokens,
      fallback: answer.fallback,
      latencyMs: Date.now() - started,
    });
    return answer;
  }

  /** The retry loop: returns a checked answer or throws the error that ended it. */
  private async answer<T>(task: StructuredTask<T>, deadline: Deadline, tokens: TokenCount): Promise<T> {
    let messages = buildMessages(task);
    let retries = 0;
    let corrected = false;
    for (;;) {
      if (deadline.expired) throw new LlmTimeoutError('Deadline reached', false);
      try {
        const timeoutMs = Math.min(this.cfg.attemptTimeoutMs, deadline.remainingMs());
        return await attemptStructured(this.client, task, { model: this.cfg.model, messages, signal: deadline.signal, timeoutMs }, tokens);
      } catch (err) {
        const error = classifyError(err);
        if (error instanceof LlmInvalidOutputError && !corrected) {
          // Models usually fix a named mistake; a second bad answer is not worth a third request.
          corrected = true;
          this.logger.warn(`${task.operation}: answer rejected (${error.reason}), asking once more`);
          messages = [...messages, ...correctionMessages(error.violation, error.previousContent)];
          continue;
        }
        if (!error.retryable || retries >= this.cfg.maxRetries) throw error;
        const wait = retryDelayMs(error, retries, deadline.remainingMs(), this.random);
        if (wait === null) throw error; // the provider asks for more time than we have left
        retries++;
        if (!(await deadline.sleep(wait))) throw new LlmTimeoutError('Deadline reached during backoff', false);
      }
    }
  }

  private logFallback(task: Pick<StructuredTask<unknown>, 'operation' | 'organizationId'>, error: LlmError, tokens: TokenCount): void {
    const text =
      `${task.operation} (organization ${task.organizationId}): model ${this.cfg.model} failed after ` +
      `${tokens.requests} request(s): ${error.reason} (${error.message}); answered with the builtin engine`;
    // Bad key, rejected request, unexpected bug: retrying cannot help, someone has to act.
    if (error instanceof LlmProviderError && error.severe) this.logger.error(text);
    else this.logger.warn(text);
  }
}
