import { Inject, Injectable, Logger } from '@nestjs/common';
import { RESPONSE_CACHE, type ResponseCache } from '../core/cache/response-cache.port';
import { LLM_PORT, type LlmEngine, type LlmPort, type StructuredTask } from './llm.port';

/** Fields every AI tool's result ends with, in this order. */
export interface AiResultMeta {
  engine: LlmEngine;
  fallback: boolean;
  cached: boolean;
}

/** What a tool declares once: its model task for a prepared input, its cache key, and how an answer becomes its result. */
export interface AiToolTask<I, A, R extends object> {
  /** Usage records, cache namespace and logs. */
  operation: string;
  cacheTtlSeconds: number;
  /** Everything that changes the answer except the engine (the kit adds it). */
  cacheKey(input: I): string;
  prompt(input: I): Omit<StructuredTask<A>, 'organizationId' | 'operation'>;
  /** The tool's result without the meta fields. */
  result(answer: A, input: I): R;
}

/**
 * Runs an AI tool's task: cache lookup, the model (usage and fallback are the LLM port's), cache store of
 * non-fallback answers, and the engine/fallback/cached fields. The cache only saves work: a lookup or store
 * that fails is logged and the request is answered anyway.
 */
@Injectable()
export class AiToolKit {
  private readonly logger = new Logger(AiToolKit.name);

  constructor(
    @Inject(LLM_PORT) private readonly llm: LlmPort,
    @Inject(RESPONSE_CACHE) private readonly cache: ResponseCache,
  ) {}

  async run<I, A, R extends object>(task: AiToolTask<I, A, R>, organizationId: string, input: I): Promise<R & AiResultMeta> {
    // The engine is part of the key: switching the model on must not serve builtin answers.
    const key = `${this.llm.engine}|${task.cacheKey(input)}`;
    const hit = await this.lookup<R & AiResultMeta>(organizationId, task.operation, key);
    if (hit) return { ...hit, cached: true };
    const answer = await this.llm.structured<A>({ organizationId, operation: task.operation, ...task.prompt(input) });
    if (answer.fallback) this.logger.warn(`${task.operation}: model answer replaced by the builtin engine: ${answer.fallbackReason ?? 'unknown'}`);
    const result: R & AiResultMeta = { ...task.result(answer.data, input), engine: answer.engine, fallback: answer.fallback, cached: false };
    // A fallback is degraded: the next identical request should try the model again. Not awaited.
    if (!answer.fallback) void this.store(organizationId, task.operation, key, result, task.cacheTtlSeconds);
    return result;
  }

  private async lookup<T>(organizationId: string, namespace: string, key: string): Promise<T | null> {
    try {
      return await this.cache.get<T>(organizationId, namespace, key);
    } catch (err) {
      this.logger.warn(`${namespace}: response cache lookup failed, asking the model: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  private async store(organizationId: string, namespace: string, key: string, value: unknown, ttlSeconds: number): Promise<void> {
    try {
      await this.cache.set(organizationId, namespace, key, value, ttlSeconds);
    } catch (err) {
      this.logger.warn(`${namespace}: response cache store failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** The response envelope of every AI tool endpoint: `{ success, result, processing_time }` (seconds, 2 decimals). */
export async function aiEnvelope<R>(work: () => Promise<R>): Promise<{ success: true; result: R; processing_time: number }> {
  const started = performance.now();
  const result = await work();
  return { success: true, result, processing_time: Math.round((performance.now() - started) / 10) / 100 };
}
