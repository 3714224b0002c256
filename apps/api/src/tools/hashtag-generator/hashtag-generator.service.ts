import { Inject, Injectable, Logger } from '@nestjs/common';
import { normalizeContent, PLATFORM_RULES, Platform } from '@postprober/shared/platforms';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RESPONSE_CACHE, ResponseCache } from '../../core/cache/response-cache.port';
import { TRENDING_TAGS, TrendingTagsPort } from '../../core/ports/trending-tags.port';
import { LLM_PORT, LlmPort } from '../../llm/llm.port';
import { OrganizationSettingsService } from '../../organizations/organization-settings.service';
import { builtinHashtags } from './builtin-hashtags';
import type { HashtagResultDto } from './dto/hashtags-response.dto';
import {
  checkModelAnswer,
  finalizeAnswer,
  HASHTAG_CATEGORIES,
  HASHTAG_REACHES,
  HashtagAnswer,
  HashtagPlan,
  modelRange,
  planHashtags,
  STRATEGY_MAX,
} from './hashtag-plan';

export const HASHTAG_CACHE_NAMESPACE = 'generate-hashtags';
const CACHE_TTL_SECONDS = 24 * 60 * 60;
const TRENDING_LOOKUP = 20;

const HashtagAnswerSchema = z.object({
  hashtags: z.array(z.object({ tag: z.string(), category: z.enum(HASHTAG_CATEGORIES), reach: z.enum(HASHTAG_REACHES) })),
  strategy: z.string(),
});

function systemPrompt(plan: HashtagPlan): string {
  const { label } = PLATFORM_RULES[plan.platform];
  const range = modelRange(plan);
  const lines = [
    `You are a social media hashtag strategist. Suggest hashtags for a ${label} post.`,
    `Give between ${range.min} and ${range.max} hashtags (aim for ${Math.max(range.min, plan.target - plan.branded.length)}), each relevant to the post.`,
    'Mix broad popular tags (category "trending", reach "high") with topic-specific community tags (category "niche", reach "medium" or "targeted").',
    'Each tag: "#" then 2-50 letters, digits or underscores (no spaces, no punctuation), CamelCase for several words, no duplicates, none that the post already contains.',
    `strategy: one or two sentences (at most ${STRATEGY_MAX} characters) explaining the mix.`,
  ];
  if (plan.branded.length) lines.push(`The brand's own tags (${plan.branded.join(' ')}) are added separately: do not repeat them.`);
  // Our analyzer's tags, well-formed by construction: a hint, not user text.
  if (plan.trending.length) lines.push(`Currently trending and on topic: ${plan.trending.map((t) => t.tag).join(' ')}.`);
  return lines.join('\n');
}

/** Suggests a hashtag mix for a post: model when configured, builtin engine otherwise or on failure; cached 24 h. */
@Injectable()
export class HashtagGeneratorService {
  private readonly logger = new Logger(HashtagGeneratorService.name);

  constructor(
    @Inject(LLM_PORT) private readonly llm: LlmPort,
    @Inject(RESPONSE_CACHE) private readonly cache: ResponseCache,
    @Inject(TRENDING_TAGS) private readonly trends: TrendingTagsPort,
    private readonly settings: OrganizationSettingsService,
  ) {}

  async generate(organizationId: string, content: string, platform: Platform): Promise<HashtagResultDto> {
    const [branded, trending] = await Promise.all([
      this.settings.brandedHashtags(organizationId),
      this.trends.topTags(organizationId, platform, TRENDING_LOOKUP),
    ]);
    const plan = planHashtags(content, platform, branded, trending);
    // Branded and trending tags are part of the key: a settings change or a new trend is never hidden by the cache.
    const key = createHash('sha256')
      .update(JSON.stringify([platform, this.llm.engine, normalizeContent(content), plan.branded, plan.trending.map((t) => t.tag)]))
      .digest('hex');
    const hit = await this.cacheGet(organizationId, key);
    if (hit) return { ...hit, cached: true };

    const answer = await this.llm.structured<HashtagAnswer>({
      organizationId,
      operation: HASHTAG_CACHE_NAMESPACE,
      system: systemPrompt(plan),
      input: content,
      schema: HashtagAnswerSchema,
      schemaName: 'hashtag_suggestions',
      check: (a) => checkModelAnswer(a, plan),
      builtin: () => builtinHashtags(content, plan),
    });
    const { hashtags, strategy } = finalizeAnswer(answer.data, plan);
    const result: HashtagResultDto = { hashtags, strategy, engine: answer.engine, fallback: answer.fallback, cached: false };
    // A fallback is a degraded answer: the next identical request should try the model again. Not awaited:
    // the cache is visible in this process at once and the answer need not wait for the database write.
    if (!answer.fallback) void this.cacheSet(organizationId, key, result);
    return result;
  }

  // The cache only saves work: if it fails, answer anyway (and never reject, so callers may not await).
  private async cacheGet(organizationId: string, key: string): Promise<HashtagResultDto | null> {
    try {
      return await this.cache.get<HashtagResultDto>(organizationId, HASHTAG_CACHE_NAMESPACE, key);
    } catch (err) {
      this.logger.warn(`Response cache read failed: ${(err as Error).message}`);
      return null;
    }
  }

  private async cacheSet(organizationId: string, key: string, value: HashtagResultDto): Promise<void> {
    try {
      await this.cache.set(organizationId, HASHTAG_CACHE_NAMESPACE, key, value, CACHE_TTL_SECONDS);
    } catch (err) {
      this.logger.warn(`Response cache write failed: ${(err as Error).message}`);
    }
  }
}
