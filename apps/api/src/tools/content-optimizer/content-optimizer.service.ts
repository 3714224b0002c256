import { Injectable } from '@nestjs/common';
import { normalizeContent, type Platform } from '@postprober/shared/platforms';
import { AiToolKit, type AiResultMeta, type AiToolTask } from '../../llm/ai-tool-kit';
import { builtinOptimize, type OptimizedDraft } from './builtin-optimizer';
import { OptimizedDraftSchema, buildSystemPrompt, checkOptimized } from './content-optimizer.prompt';
import type { OptimizeContentResultDto } from './dto/optimize-content-response.dto';
import { describeImprovements, scorePost } from './rubric';

export const OPERATION = 'optimize-content';
export const CACHE_TTL_SECONDS = 24 * 3600;

/** The optimizer's model task, declared once; the kit runs it (cache, fallback, meta fields). */
export const OPTIMIZE_TASK: AiToolTask<OptimizeInput, OptimizedDraft, Omit<OptimizeContentResultDto, keyof AiResultMeta>> = {
  operation: OPERATION,
  cacheTtlSeconds: CACHE_TTL_SECONDS,
  cacheKey: ({ original, platform }) => `${platform}|${normalizeContent(original)}`,
  prompt: ({ original, platform }) => ({
    system: buildSystemPrompt(platform),
    input: original,
    schema: OptimizedDraftSchema,
    schemaName: 'optimized_post',
    check: (draft) => checkOptimized(original, draft.optimized_content, platform),
    builtin: () => builtinOptimize(original, platform),
  }),
  result: (draft, { original, platform }) => {
    const optimized = draft.optimized_content.trim();
    const before = scorePost(original, platform);
    const after = scorePost(optimized, platform);
    return {
      optimized_content: optimized,
      score: after.score,
      original_score: before.score,
      improvements: describeImprovements(before, after, platform),
      original_length: before.length,
      optimized_length: after.length,
      platform,
    };
  },
};

interface OptimizeInput {
  original: string;
  platform: Platform;
}

/** Rewrites a post for a platform (model, or builtin engine) and scores both versions with our rubric. */
@Injectable()
export class ContentOptimizerService {
  constructor(private readonly kit: AiToolKit) {}

  optimize(organizationId: string, content: string, platform: Platform): Promise<OptimizeContentResultDto> {
    return this.kit.run(OPTIMIZE_TASK, organizationId, { original: content.trim(), platform });
  }
}
