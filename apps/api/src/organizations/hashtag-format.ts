/**
 * A hashtag every platform we support renders as a link: "#", then 2–50 letters, digits or underscores,
 * at least one of them a letter (all-digit tags like "#2024" are not linked by X or Instagram).
 */
export const HASHTAG_PATTERN = /^#(?=[\p{L}\p{N}_]*\p{L})[\p{L}\p{N}_]{2,50}$/u;

export const isWellFormedHashtag = (tag: string): boolean => HASHTAG_PATTERN.test(tag);

/** Case-insensitive identity of a tag ("#AI" and "#ai" are the same tag on every platform). */
export const hashtagKey = (tag: string): string => tag.toLocaleLowerCase('en-US');

/** Keeps the first spelling of each tag, in order. */
export function dedupeHashtags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = hashtagKey(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
