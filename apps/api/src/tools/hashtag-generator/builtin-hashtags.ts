import { PLATFORM_RULES } from '@postprober/shared/platforms';
import { hashtagKey, isWellFormedHashtag } from '@postprober/shared/platforms';
import { extractKeywords, Keyword, stem } from './keyword-extractor';
import { clampStrategy, HashtagAnswer, HashtagPlan, HashtagSuggestion, tagWords } from './hashtag-plan';

/**
 * Picks topic keywords, preferring ones that share no word with a tag already picked (a post about
 * "content strategy" gets #ContentStrategy, not also #Content) — except a repeated phrase, which is the
 * post's subject — then fills from the rest if slots remain.
 */
function pickKeywords(keywords: Keyword[], count: number, taken: Set<string>, reserved: string[]): Keyword[] {
  const usable = keywords.filter((k) => isWellFormedHashtag(k.tag) && !taken.has(hashtagKey(k.tag)));
  const picked: Keyword[] = [];
  // Words of the post's, the brand's and trending tags count as used: #Sourdough trending makes #MorningSourdough redundant.
  const usedWords = new Set(reserved.flatMap((t) => tagWords(t).map(stem)));
  for (const k of usable) {
    if (picked.length >= count) break;
    const known = k.words.filter((w) => usedWords.has(stem(w))).length;
    if (known === k.words.length || (known > 0 && k.count < 2)) continue;
    picked.push(k);
    k.words.forEach((w) => usedWords.add(stem(w)));
  }
  for (const k of usable) {
    if (picked.length >= count) break;
    if (!picked.includes(k)) picked.push(k);
  }
  return picked;
}

const list = (tags: HashtagSuggestion[]) =>
  tags.length > 4 ? `${tags.slice(0, 3).map((t) => t.tag).join(', ')} and ${tags.length - 3} more` : tags.map((t) => t.tag).join(', ');

function describe(plan: HashtagPlan, niche: HashtagSuggestion[], trending: HashtagSuggestion[]): string {
  const { label, hashtags } = PLATFORM_RULES[plan.platform];
  const parts: string[] = [];
  if (niche.length) parts.push(`${list(niche)} match${niche.length > 1 ? '' : 'es'} the post's main topics for an engaged niche audience`);
  if (trending.length) parts.push(`${list(trending)} ${trending.length > 1 ? 'are' : 'is'} trending and on topic, for reach`);
  if (plan.branded.length) parts.push(`${plan.branded.join(', ')} keep${plan.branded.length > 1 ? '' : 's'} your brand visible`);
  const range = `${hashtags.recommended.min}–${hashtags.recommended.max}`;
  if (!parts.length) return `The post has too few distinctive words for topic hashtags; ${label} does best with ${range}.`;
  return clampStrategy(`${parts.join('; ')}. ${label} does best with ${range} hashtags.`);
}

/**
 * The deterministic engine: the post's own topics (niche), relevant trends (trending, high reach) and the
 * brand's tags (branded, targeted). Used without a model and as the model's fallback.
 */
export function builtinHashtags(content: string, plan: HashtagPlan): HashtagAnswer {
  const taken = new Set([...plan.existing, ...plan.branded.map(hashtagKey), ...plan.trending.map((t) => hashtagKey(t.tag))]);
  const room = Math.max(0, plan.target - plan.branded.length);
  const keywords = extractKeywords(content);
  // Trends get about a third of the slots, but the post's own topic comes first when room is tight.
  let trendCount = Math.min(plan.trending.length, Math.max(1, Math.floor(plan.target / 3)), room > 1 ? room - 1 : 0);
  const niche = pickKeywords(keywords, room - trendCount, taken, [...plan.existingTags, ...plan.branded, ...plan.trending.slice(0, trendCount).map((t) => t.tag)]).map(
    (k): HashtagSuggestion => ({ tag: k.tag, category: 'niche', reach: k.words.length > 1 ? 'targeted' : 'medium' }),
  );
  if (niche.length + trendCount < room) trendCount = Math.min(plan.trending.length, room - niche.length);
  const trending = plan.trending
    .slice(0, trendCount)
    .map((t): HashtagSuggestion => ({ tag: t.tag, category: 'trending', reach: 'high' }));
  const branded = plan.branded.map((tag): HashtagSuggestion => ({ tag, category: 'branded', reach: 'targeted' }));
  return { hashtags: [...trending, ...niche, ...branded], strategy: describe(plan, niche, trending) };
}
