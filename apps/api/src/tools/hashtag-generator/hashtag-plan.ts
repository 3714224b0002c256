import { dedupeHashtags, hashtagKey, hashtagsInText, isWellFormedHashtag, PLATFORM_RULES, Platform } from '@postprober/shared/platforms';
import type { TrendingTag } from '../../core/ports/trending-tags.port';
import { extractKeywords, stem } from './keyword-extractor';

export const HASHTAG_CATEGORIES = ['trending', 'niche', 'branded'] as const;
export type HashtagCategory = (typeof HASHTAG_CATEGORIES)[number];
export const HASHTAG_REACHES = ['high', 'medium', 'targeted'] as const;
export type HashtagReach = (typeof HASHTAG_REACHES)[number];

export interface HashtagSuggestion {
  tag: string;
  category: HashtagCategory;
  reach: HashtagReach;
}

/** What either engine answers: the tags and a short explanation of the mix. */
export interface HashtagAnswer {
  hashtags: HashtagSuggestion[];
  strategy: string;
}

export const STRATEGY_MAX = 300;

/** Everything both engines need to know about one request, decided once. */
export interface HashtagPlan {
  platform: Platform;
  /** How many tags to aim for: the middle of the platform's recommended range. */
  target: number;
  /** The platform's recommended range; `max` is also our hard cap. */
  min: number;
  max: number;
  /** The brand's tags that will be merged in (not already in the post, at most a quarter of the target). */
  branded: string[];
  /** Trending tags that share a word with the post, hottest first. */
  trending: TrendingTag[];
  /** Lower-cased tags the post already carries: never suggested again. */
  existing: Set<string>;
  /** The same tags as written, for their words. */
  existingTags: string[];
}

/** Words of a tag: "#ContentStrategy2025" → ["content", "strategy"], "#remote_work" → ["remote", "work"]. */
export function tagWords(tag: string): string[] {
  return tag
    .replace(/^#/, '')
    .split(/_|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
    .map((w) => w.toLocaleLowerCase('en-US'))
    .filter((w) => /\p{L}/u.test(w));
}

/** Decides the mix for a post: target count, which branded and trending tags apply, what the post already has. */
export function planHashtags(content: string, platform: Platform, branded: readonly string[], trending: readonly TrendingTag[]): HashtagPlan {
  const { min, max } = PLATFORM_RULES[platform].hashtags.recommended;
  const target = Math.ceil((min + max) / 2);
  const existingTags = hashtagsInText(content);
  const existing = new Set(existingTags.map(hashtagKey));
  const brandSlots = Math.max(1, Math.floor(target / 4));
  const brandTags = dedupeHashtags(branded.filter((t) => isWellFormedHashtag(t) && !existing.has(hashtagKey(t)))).slice(0, brandSlots);

  // A trend is worth riding only when it is about what the post is about.
  const postWords = new Set(extractKeywords(content).flatMap((k) => k.words.map(stem)));
  const taken = new Set(brandTags.map(hashtagKey));
  const relevant = trending.filter((t) => {
    if (!isWellFormedHashtag(t.tag) || existing.has(hashtagKey(t.tag)) || taken.has(hashtagKey(t.tag))) return false;
    taken.add(hashtagKey(t.tag));
    return tagWords(t.tag).some((w) => postWords.has(stem(w)));
  });
  return { platform, target, min, max, branded: brandTags, trending: relevant, existing, existingTags };
}

/** How many tags the model itself must suggest, leaving room for the brand's tags merged afterwards. */
export function modelRange(plan: HashtagPlan): { min: number; max: number } {
  const b = plan.branded.length;
  return { min: Math.max(1, plan.min - b), max: Math.max(1, plan.max - b) };
}

/** Shortens to the limit at a word boundary. */
export function clampStrategy(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= STRATEGY_MAX) return clean;
  const cut = clean.slice(0, STRATEGY_MAX - 1);
  return cut.slice(0, cut.lastIndexOf(' ') > 200 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.-]+$/, '') + '…';
}

/**
 * The rules every answer leaves with, whichever engine wrote it: well-formed, unique case-insensitively,
 * nothing the post already has, the brand's tags included (as branded), at most the platform's
 * recommended maximum, strategy ≤ 300 characters.
 */
export function finalizeAnswer(answer: HashtagAnswer, plan: HashtagPlan): HashtagAnswer {
  const seen = new Set(plan.existing);
  const brandKeys = new Set(plan.branded.map(hashtagKey));
  const own: HashtagSuggestion[] = [];
  for (const h of answer.hashtags) {
    const tag = h.tag.trim().startsWith('#') ? h.tag.trim() : `#${h.tag.trim()}`;
    const key = hashtagKey(tag);
    if (!isWellFormedHashtag(tag) || seen.has(key) || brandKeys.has(key)) continue;
    seen.add(key);
    own.push({ ...h, tag });
  }
  const brand: HashtagSuggestion[] = plan.branded.map((tag) => ({ tag, category: 'branded', reach: 'targeted' }));
  return { hashtags: [...own.slice(0, plan.max - brand.length), ...brand], strategy: clampStrategy(answer.strategy) };
}

/** Semantic check of a model's answer (the schema already holds): the violation in words, or null. */
export function checkModelAnswer(answer: HashtagAnswer, plan: HashtagPlan): string | null {
  const range = modelRange(plan);
  // More good tags than the plan takes are trimmed (in the model's order) by finalizeAnswer, not re-asked:
  // only the tags that will be kept are checked.
  const seen = new Set<string>();
  for (const { tag } of answer.hashtags.slice(0, range.max)) {
    if (!isWellFormedHashtag(tag)) return `"${tag}" is not a well-formed hashtag ("#" then 2-50 letters, digits or underscores, at least one letter)`;
    const key = hashtagKey(tag);
    if (seen.has(key)) return `${tag} appears more than once (tags are case-insensitive)`;
    if (plan.existing.has(key)) return `${tag} is already in the post`;
    seen.add(key);
  }
  const n = answer.hashtags.length;
  if (n < range.min) return `${n} hashtags given; give between ${range.min} and ${range.max}`;
  if (!answer.strategy.trim()) return 'strategy is empty';
  return null;
}
