import { HASHTAG_IN_TEXT } from '@postprober/shared/platforms';

/** "Marketing" or "#Marketing" → "#Marketing". */
export function asHashtag(tag: string): string {
  const trimmed = tag.trim();
  return trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
}

/** The distinct hashtags in a post, in order of first use (case-insensitive, first spelling kept). */
export function hashtagsIn(text: string): string[] {
  const seen = new Map<string, string>();
  for (const match of text.matchAll(HASHTAG_IN_TEXT)) {
    const key = match[0].toLowerCase();
    if (!seen.has(key)) seen.set(key, match[0]);
  }
  return [...seen.values()];
}

/** True when the post already contains this hashtag as a whole word (case-insensitive). */
export function hasHashtag(text: string, tag: string): boolean {
  const wanted = asHashtag(tag).toLowerCase();
  return hashtagsIn(text).some((t) => t.toLowerCase() === wanted);
}

/**
 * Appends a hashtag to the post: on the same line as trailing hashtags, otherwise separated by a space
 * (or nothing when the post is empty or already ends with whitespace).
 */
export function appendHashtag(text: string, tag: string): string {
  const hashtag = asHashtag(tag);
  if (hasHashtag(text, hashtag)) return text;
  if (text.length === 0 || /\s$/.test(text)) return text + hashtag;
  return `${text} ${hashtag}`;
}
