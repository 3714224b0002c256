import { PLATFORM_RULES, Platform, platformLength } from '@postprober/shared/platforms';
import { HASHTAG_IN_TEXT, hashtagsInText } from '@postprober/shared/platforms';
import { emojiCount, figuresOf, mentionsOf, sentencesOf, urlsOf, wordsOf } from './post-text';

/**
 * Our score of a post for a platform, 0–100, computed from the text alone (deterministic, documented,
 * never the model's own opinion). Criteria and their maximum points:
 *
 * - hook (15): the first sentence asks a question or carries a number (15), or opens with a strong
 *   word such as "How", "Why", "Stop", "Here's" (10); otherwise 0.
 * - clarity (15): average sentence ≤ 20 words (10), ≤ 28 words (5); long words (13+ letters) at most
 *   10% of the words (5).
 * - cta (10): asks the reader to act (comment, share, follow, click, sign up, link in bio...) or ends
 *   with a question.
 * - length (25): inside the platform's optimal range (25); longer than optimal but within the hard limit
 *   (15); shorter than optimal (10); over the hard limit (0).
 * - hashtags (15): count within the recommended range (15); under it (5, or 15 when zero is
 *   recommended); above it but within the platform's maximum (8); above the maximum (0).
 * - mentions (5): 1–3 @mentions (5); none (3); more than 3 (0).
 * - emoji (5): 1–3 (5); none (3); 4–6 (2); more (0).
 * - links (10): Instagram: none (10), any (2: captions' links are not clickable). Others: at most one
 *   (10), more (4).
 */
export type CriterionId = 'hook' | 'clarity' | 'cta' | 'length' | 'hashtags' | 'mentions' | 'emoji' | 'links';

export interface CriterionScore {
  id: CriterionId;
  points: number;
  max: number;
  /** Why this many points, in words. */
  reason: string;
}

export interface PostScore {
  score: number;
  criteria: CriterionScore[];
  length: number;
}

const STRONG_OPENER = /^(how|why|what|stop|here'?s|here is|new|you|your|imagine|the secret|the truth|never|don'?t|want|ready|big news|announcing|introducing)\b/i;
// Phrases that ask the reader to act. Verbs that are also nouns ("shop", "book", "share") only with an object.
export const CTA_RE =
  /\b(comment below|in the comments|leave a comment|share (this|it|your)|please share|follow (us|me|along|for)|subscribe|click|tap|sign up|signup|register|join us|join the|download|learn more|read more|find out|check (it|this) out|check out|visit|shop (now|it|the|our)|book (now|your|a)|try it|get started|dm (me|us)|let me know|let us know|tell (me|us)|link in bio|what do you think|thoughts\?|agree\?|repost|save this)\b/i;

export function scorePost(text: string, platform: Platform): PostScore {
  const criteria = [hook(text), clarity(text), cta(text), length(text, platform), hashtags(text, platform), mentions(text), emoji(text), links(text, platform)];
  return { score: criteria.reduce((sum, c) => sum + c.points, 0), criteria, length: platformLength(text, platform) };
}

/** A question or a figure: what the hook criterion gives full points for. */
export const hasHookSignal = (sentence: string): boolean => sentence.includes('?') || figuresOf(sentence).length > 0;

function hook(text: string): CriterionScore {
  const first = sentencesOf(text)[0] ?? '';
  const c = (points: number, reason: string): CriterionScore => ({ id: 'hook', points, max: 15, reason });
  if (first.includes('?')) return c(15, 'Opens with a question');
  if (figuresOf(first).length > 0) return c(15, 'Opens with a number');
  if (STRONG_OPENER.test(first)) return c(10, 'Opens with a strong word');
  return c(0, 'The first sentence has no question, number or strong opener');
}

function clarity(text: string): CriterionScore {
  const sentences = sentencesOf(text).filter((s) => wordsOf(s).length > 0);
  const words = wordsOf(text);
  if (words.length === 0) return { id: 'clarity', points: 0, max: 15, reason: 'No prose to read' };
  const avg = words.length / Math.max(1, sentences.length);
  const longShare = words.filter((w) => w.replace(/['’-]/g, '').length >= 13).length / words.length;
  const sentencePoints = avg <= 20 ? 10 : avg <= 28 ? 5 : 0;
  const wordPoints = longShare <= 0.1 ? 5 : 0;
  const reason = `Sentences average ${avg.toFixed(1)} words; ${Math.round(longShare * 100)}% long words`;
  return { id: 'clarity', points: sentencePoints + wordPoints, max: 15, reason };
}

function cta(text: string): CriterionScore {
  const lastSentence = sentencesOf(text.replace(HASHTAG_IN_TEXT, '')).at(-1) ?? '';
  const has = CTA_RE.test(text) || lastSentence.trim().endsWith('?');
  return { id: 'cta', points: has ? 10 : 0, max: 10, reason: has ? 'Has a call to action' : 'No call to action' };
}

function length(text: string, platform: Platform): CriterionScore {
  const rules = PLATFORM_RULES[platform];
  const n = platformLength(text, platform);
  const { min, max } = rules.optimalLength;
  const c = (points: number, reason: string): CriterionScore => ({ id: 'length', points, max: 25, reason });
  if (n > rules.maxLength) return c(0, `${n} characters, over ${rules.label}'s ${rules.maxLength} limit`);
  if (n >= min && n <= max) return c(25, `${n} characters, in ${rules.label}'s optimal ${min}–${max}`);
  if (n > max) return c(15, `${n} characters, longer than ${rules.label}'s optimal ${min}–${max}`);
  return c(10, `${n} characters, shorter than ${rules.label}'s optimal ${min}–${max}`);
}

function hashtags(text: string, platform: Platform): CriterionScore {
  const { recommended, max } = PLATFORM_RULES[platform].hashtags;
  const n = hashtagsInText(text).length;
  const range = `${recommended.min}–${recommended.max}`;
  const c = (points: number, reason: string): CriterionScore => ({ id: 'hashtags', points, max: 15, reason });
  if (n > max) return c(0, `${n} hashtags, over the maximum of ${max}`);
  if (n > recommended.max) return c(8, `${n} hashtags, more than the recommended ${range}`);
  if (n >= recommended.min) return c(15, `${n} hashtags, within the recommended ${range}`);
  return c(5, `${n} hashtags, fewer than the recommended ${range}`);
}

function mentions(text: string): CriterionScore {
  const n = mentionsOf(text).length;
  const c = (points: number, reason: string): CriterionScore => ({ id: 'mentions', points, max: 5, reason });
  if (n === 0) return c(3, 'No @mentions');
  return n <= 3 ? c(5, `${n} @mention${n > 1 ? 's' : ''}`) : c(0, `${n} @mentions, more than 3`);
}

function emoji(text: string): CriterionScore {
  const n = emojiCount(text);
  const c = (points: number, reason: string): CriterionScore => ({ id: 'emoji', points, max: 5, reason });
  if (n === 0) return c(3, 'No emoji');
  if (n <= 3) return c(5, `${n} emoji (moderate)`);
  return n <= 6 ? c(2, `${n} emoji, more than 3`) : c(0, `${n} emoji, far more than 3`);
}

function links(text: string, platform: Platform): CriterionScore {
  const n = urlsOf(text).length;
  const c = (points: number, reason: string): CriterionScore => ({ id: 'links', points, max: 10, reason });
  if (platform === 'instagram') return n === 0 ? c(10, 'No links (not clickable in captions)') : c(2, `${n} link${n > 1 ? 's' : ''}, not clickable in Instagram captions`);
  return n <= 1 ? c(10, n === 0 ? 'No links' : 'One link') : c(4, `${n} links, more than one`);
}

/** What changed the score between two versions, one line per criterion that moved, biggest gain first. */
export function describeImprovements(before: PostScore, after: PostScore, platform: Platform): string[] {
  const rules = PLATFORM_RULES[platform];
  const lines: { delta: number; text: string }[] = [];
  for (const b of before.criteria) {
    const a = after.criteria.find((x) => x.id === b.id);
    if (!a || a.points === b.points) continue;
    const delta = a.points - b.points;
    const sign = delta > 0 ? `+${delta}` : `${delta}`;
    lines.push({ delta, text: `${gainText(a, b, after.length, rules.label, rules.maxLength) ?? a.reason} (${sign})` });
  }
  return lines.sort((x, y) => y.delta - x.delta).map((l) => l.text);
}

function gainText(a: CriterionScore, b: CriterionScore, length: number, label: string, maxLength: number): string | null {
  if (a.points < b.points) return null;
  switch (a.id) {
    case 'cta':
      return 'Added a call to action';
    case 'hook':
      return a.reason.replace('Opens', 'Opened');
    case 'length':
      return b.points === 0 ? `Trimmed to ${length} characters to fit ${label}'s ${maxLength} limit` : a.reason;
    default:
      return a.reason;
  }
}
