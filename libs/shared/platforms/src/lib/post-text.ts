/**
 * Hashtag syntax and post normalization, defined once for the API and the portal.
 *
 * One character rule: a hashtag is "#" followed by letters, digits or underscores of any script. Two
 * strictness levels on top of it, chosen on purpose:
 * - a *well-formed* hashtag (brand tags, generated suggestions, trends) also needs 2–50 characters and at
 *   least one letter, because that is what every platform we support renders as a link ("#2024" is not
 *   linked by X or Instagram, and a brand tag that does not link is useless);
 * - a *draft* hashtag is anything with the character rule, up to 100 characters: drafts store what the user
 *   typed or accepted, which includes everything the generator produces (a well-formed tag is always a valid
 *   draft tag), and a draft is not the place to refuse "#2024".
 */
const TAG_CHAR = String.raw`[\p{L}\p{N}_]`;

/** A tag the platforms link: "#", then 2–50 letters, digits or underscores, at least one a letter. */
export const HASHTAG_PATTERN = new RegExp(String.raw`^#(?=${TAG_CHAR}*\p{L})${TAG_CHAR}{2,50}$`, 'u');

/** A hashtag a stored draft may carry: "#" then 1–99 letters, digits or underscores. */
export const DRAFT_HASHTAG_PATTERN = new RegExp(`^#${TAG_CHAR}{1,99}$`, 'u');

/**
 * Hashtags inside a post: not preceded by a tag character, "#" or "&" (so "C#", "a#b", "##x" and "&#38;" are
 * not tags). Global: use with match/matchAll/replace, never with test().
 */
export const HASHTAG_IN_TEXT = new RegExp(String.raw`(?<![\p{L}\p{N}_#&])#${TAG_CHAR}+`, 'gu');

export const isWellFormedHashtag = (tag: string): boolean => HASHTAG_PATTERN.test(tag);

/** Case-insensitive identity of a tag ("#AI" and "#ai" are the same tag on every platform). */
export const hashtagKey = (tag: string): string => tag.toLocaleLowerCase('en-US');

/** Every hashtag in a text, as written and in order (repeats kept). */
export const hashtagsInText = (text: string): string[] => text.match(HASHTAG_IN_TEXT) ?? [];

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

/** True when a line holds only hashtags (a trailing "#a #b" block). */
export const isHashtagLine = (line: string): boolean =>
  line.trim().length > 0 && line.trim().split(/\s+/).every((w) => new RegExp(`^#${TAG_CHAR}+$`, 'u').test(w));

/**
 * The same post, as far as an answer about it goes: trimmed, every run of whitespace (line breaks included)
 * one space. AI tools key their cached answers on it.
 */
export const normalizeContent = (text: string): string => text.replace(/\s+/g, ' ').trim();
