import { Inject, Injectable, Optional } from '@nestjs/common';
import { normalizeContent, PLATFORM_RULES, Platform } from '@postprober/shared/platforms';
import { z } from 'zod';
import { NO_TRENDING_TAGS, TRENDING_TAGS, TrendingTagsPort } from '../../core/ports/trending-tags.port';
import { AiToolKit, type AiResultMeta, type AiToolTask } from '../../llm/ai-tool-kit';
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

interface HashtagInput {
  content: string;
  plan: HashtagPlan;
}

/** The generator's model task, declared once; the kit runs it (cache, fallback, meta fields). */
export const HASHTAG_TASK: AiToolTask<HashtagInput, HashtagAnswer, Omit<HashtagResultDto, keyof AiResultMeta>> = {
  operation: HASHTAG_CACHE_NAMESPACE,
  cacheTtlSeconds: CACHE_TTL_SECONDS,
  // Branded and trending tags are part of the key: a settings change or a new trend is never hidden by the cache.
  cacheKey: ({ content, plan }) => JSON.stringify([plan.platform, normalizeContent(content), plan.branded, plan.trending.map((t) => t.tag)]),
  prompt: ({ content, plan }) => ({
    system: systemPrompt(plan),
    input: content,
    schema: HashtagAnswerSchema,
    schemaName: 'hashtag_suggestions',
    check: (a) => checkModelAnswer(a, plan),
    builtin: () => builtinHashtags(content, plan),
  }),
  result: (answer, { plan }) => finalizeAnswer(answer, plan),
};

/** Suggests a hashtag mix for a post: model when configured, builtin engine otherwise or on failure; cached 24 h. */
@Injectable()
export class HashtagGeneratorService {
  private readonly trends: TrendingTagsPort;

  constructor(
    private readonly kit: AiToolKit,
    private readonly settings: OrganizationSettingsService,
    // Provided by the module that owns trending data (see the port); none provided means no trends.
    @Optional() @Inject(TRENDING_TAGS) trends: TrendingTagsPort | null,
  ) {
    this.trends = trends ?? NO_TRENDING_TAGS;
  }

  async generate(organizationId: string, content: string, platform: Platform): Promise<HashtagResultDto> {
    const [branded, trending] = await Promise.all([
      this.settings.brandedHashtags(organizationId),
      this.trends.topTags(organizationId, platform, TRENDING_LOOKUP),
    ]);
    return this.kit.run(HASHTAG_TASK, organizationId, { content, plan: planHashtags(content, platform, branded, trending) });
  }
}
