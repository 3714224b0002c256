import { Inject, Injectable, Logger } from '@nestjs/common';
import { normalizeContent, type Platform } from '@postprober/shared/platforms';
import { RESPONSE_CACHE, type ResponseCache } from '../../core/cache/response-cache.port';
import { LLM_PORT, type LlmPort } from '../../llm/llm.port';
import { builtinOptimize, type OptimizedDraft } from './builtin-optimizer';
import { OptimizedDraftSchema, buildSystemPrompt, checkOptimized } from './content-optimizer.prompt';
import type { OptimizeContentResultDto } from './dto/optimize-content-response.dto';
import { describeImprovements, scorePost } from './rubric';

export const OPERATION = 'optimize-content';
export const CACHE_TTL_SECONDS = 24 * 3600;

/** Rewrites a post for a platform (model, or builtin engine) and scores both versions with our rubric. */
@Injectable()
export class ContentOptimizerService {
  private readonly logger = new Logger(ContentOptimizerService.name);

  constructor(
    @Inject(LLM_PORT) private readonly llm: LlmPort,
    @Inject(RESPONSE_CACHE) private readonly cache: ResponseCache,
  ) {}

  async optimize(organizationId: string, content: string, platform: Platform): Promise<OptimizeContentResultDto> {
    const original = content.trim();
    // The engine is part of the key: switching the model on must not serve builtin answers.
    const key = `${platform}|${this.llm.engine}|${normalizeContent(original)}`;
    const hit = await this.cacheGet(organizationId, key);
    if (hit) return { ...hit, cached: true };

    const answer = await this.llm.structured<OptimizedDraft>({
      organizationId,
      operation: OPERATION,
      system: buildSystemPrompt(platform),
      input: original,
      schema: OptimizedDraftSchema,
      schemaName: 'optimized_post',
      check: (draft) => checkOptimized(original, draft.optimized_content, platform),
      builtin: () => builtinOptimize(original, platform),
    });
    if (answer.fallback) this.logger.warn(`Model answer replaced by the builtin engine: ${answer.fallbackReason ?? 'unknown'}`);

    const optimized = answer.data.optimized_content.trim();
    const before = scorePost(original, platform);
    const after = scorePost(optimized, platform);
    const result: OptimizeContentResultDto = {
      optimized_content: optimized,
      score: after.score,
      original_score: before.score,
      improvements: describeImprovements(before, after, platform),
      original_length: before.length,
      optimized_length: after.length,
      platform,
      engine: answer.engine,
      fallback: answer.fallback,
      cached: false,
    };
    // A fallback is a degraded answer: the next identical request should try the model again. Not awaited:
    // the cache serves this process at once, and the shared row need not delay the answer.
    if (!answer.fallback) void this.cacheSet(organizationId, key, result);
    return result;
  }

  // The cache is an optimization: its failures are logged, never the user's problem.
  private async cacheGet(organizationId: string, key: string): Promise<OptimizeContentResultDto | null> {
    try {
      return await this.cache.get<OptimizeContentResultDto>(organizationId, OPERATION, key);
    } catch (err) {
      this.logger.warn(`Response cache read failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  private async cacheSet(organizationId: string, key: string, value: OptimizeContentResultDto): Promise<void> {
    try {
      await this.cache.set(organizationId, OPERATION, key, value, CACHE_TTL_SECONDS);
    } catch (err) {
      this.logger.warn(`Response cache write failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
