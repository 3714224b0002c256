import { HASHTAG_IN_TEXT } from '@postprober/shared/platforms';

/** Small text helpers shared by the rubric, the builtin engine and the model-answer check. */

export const URL_RE = /\bhttps?:\/\/[^\s]+/gi;
export const MENTION_RE = /(?<![\w@])@[A-Za-z0-9_]{1,30}\b/g;
export const EMOJI_RE = /\p{Extended_Pictographic}/gu;
// Figures: 42, 3.5, 1,200, 25%, $4.99, €10k, 2M. Sign and currency kept so "$5" and "5%" stay distinct.
const FIGURE_RE = /[$€£]?\d+(?:[.,]\d+)*(?:\s?%|[kKmMbB]\b)?/g;

export const urlsOf = (text: string): string[] => unique(text.match(URL_RE) ?? []).map(stripTrailingPunctuation);
export const mentionsOf = (text: string): string[] => unique((text.match(MENTION_RE) ?? []).map((m) => m.toLowerCase()));
export const emojiCount = (text: string): number => (text.match(EMOJI_RE) ?? []).length;

/** Key figures of a text, ignoring digits inside links, mentions and hashtags. */
export function figuresOf(text: string): string[] {
  const plain = text.replace(URL_RE, ' ').replace(MENTION_RE, ' ').replace(HASHTAG_IN_TEXT, ' ');
  return unique((plain.match(FIGURE_RE) ?? []).map((f) => f.replace(/\s/g, '').replace(/[.,]$/, '')));
}

/** Sentences, line breaks counting as boundaries. Keeps the punctuation with its sentence. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=\S)/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Words of prose: links, mentions, hashtags and emoji left out. */
export function wordsOf(text: string): string[] {
  return text
    .replace(URL_RE, ' ')
    .replace(MENTION_RE, ' ')
    .replace(HASHTAG_IN_TEXT, ' ')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter((w) => /\p{L}/u.test(w));
}

function stripTrailingPunctuation(url: string): string {
  return url.replace(/[.,;:!?)\]]+$/, '');
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
