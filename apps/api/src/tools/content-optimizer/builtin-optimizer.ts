import { PLATFORM_RULES, Platform, platformLength } from '@postprober/shared/platforms';
import { isHashtagLine } from '@postprober/shared/platforms';
import { figuresOf, mentionsOf, sentencesOf, urlsOf } from './post-text';
import { CTA_RE, hasHookSignal } from './rubric';

/** What the model is asked for, and what the builtin engine produces. */
export interface OptimizedDraft {
  optimized_content: string;
  changes: string[];
}

/** A call to action in each platform's usual voice. */
export const PLATFORM_CTA: Readonly<Record<Platform, string>> = {
  twitter: 'What do you think?',
  linkedin: 'What has your experience been? Share it in the comments.',
  instagram: 'Tell us in the comments 👇',
  facebook: 'What do you think? Let us know in the comments!',
};

interface Piece {
  text: string;
  /** Starts a new paragraph (blank line before it). */
  paragraph: boolean;
  /** Holds a link, @mention, figure or the call to action: never removed. */
  kept: boolean;
}

/**
 * The deterministic optimizer (no model): hook first, a call to action, short paragraphs on LinkedIn,
 * hashtags within the platform's maximum, and trimmed at sentence boundaries to the hard limit. Never
 * drops a link, @mention or figure of the original.
 */
export function builtinOptimize(content: string, platform: Platform): OptimizedDraft {
  const rules = PLATFORM_RULES[platform];
  const changes: string[] = [];
  const { body, tags } = splitTrailingHashtags(content.trim());
  let pieces = toPieces(body);

  const hookAt = pieces.findIndex((p, i) => i > 0 && hasHookSignal(p.text) && (figuresOf(p.text).length > 0 || i < pieces.length - 1));
  if (pieces.length > 1 && !hasHookSignal(pieces[0].text) && hookAt > 0) {
    const [hook] = pieces.splice(hookAt, 1);
    pieces.unshift({ ...hook, paragraph: false });
    pieces[1] = { ...pieces[1], paragraph: pieces[1].paragraph || platform === 'linkedin' };
    changes.push(`Moved "${hook.text}" to the opening line as the hook`);
  }

  if (!CTA_RE.test(content) && !(pieces.at(-1)?.text.endsWith('?') ?? false)) {
    pieces.push({ text: PLATFORM_CTA[platform], paragraph: platform !== 'twitter', kept: true });
    changes.push('Added a call to action');
  }

  if (platform === 'linkedin') {
    const before = pieces.filter((p) => p.paragraph).length;
    pieces = shortParagraphs(pieces);
    if (pieces.filter((p) => p.paragraph).length > before) changes.push('Split into short paragraphs for easier reading');
  }

  let keptTags = dedupe(tags);
  if (keptTags.length > rules.hashtags.max) {
    changes.push(`Kept ${rules.hashtags.recommended.max} of ${keptTags.length} hashtags (${rules.label} allows ${rules.hashtags.max})`);
    keptTags = keptTags.slice(0, rules.hashtags.recommended.max);
  }

  const compose = () => join(pieces) + (keptTags.length ? `\n\n${keptTags.join(' ')}` : '');
  const fits = () => platformLength(compose(), platform) <= rules.maxLength;
  let removed = 0;
  while (!fits()) {
    const drop = lastIndex(pieces, (p, i) => i > 0 && !p.kept);
    if (drop > 0) {
      pieces.splice(drop, 1);
      removed++;
    } else if (keptTags.length > 0) {
      keptTags = keptTags.slice(0, -1);
    } else {
      pieces = shortenLongest(pieces, platformLength(compose(), platform) - rules.maxLength, platform);
      break;
    }
  }
  if (removed > 0) changes.push(`Removed ${removed} sentence${removed > 1 ? 's' : ''} to fit ${rules.label}'s ${rules.maxLength} limit`);
  return { optimized_content: compose(), changes };
}

/** Hashtags at the very end (own line or end of the last sentence) are kept apart, to go after the CTA. */
function splitTrailingHashtags(text: string): { body: string; tags: string[] } {
  const tokens = text.split(/(\s+)/);
  const tags: string[] = [];
  while (tokens.length > 2 && (/^\s*$/.test(tokens.at(-1) ?? '') || isHashtagLine(tokens.at(-1) ?? ''))) {
    const token = tokens.pop() ?? '';
    if (token.trim()) tags.unshift(token);
  }
  return { body: tokens.join('').trim(), tags };
}

function toPieces(body: string): Piece[] {
  return body
    .split(/\n+/)
    .flatMap((line) => sentencesOf(line).map((text, i) => ({ text, paragraph: i === 0, kept: isKept(text) })))
    .map((p, i) => (i === 0 ? { ...p, paragraph: false } : p));
}

const isKept = (text: string): boolean =>
  urlsOf(text).length > 0 || mentionsOf(text).length > 0 || figuresOf(text).length > 0 || CTA_RE.test(text) || text.endsWith('?');

/** LinkedIn readers skim: at most two sentences per paragraph. */
function shortParagraphs(pieces: Piece[]): Piece[] {
  let inParagraph = 0;
  return pieces.map((p, i) => {
    const paragraph = i > 0 && (p.paragraph || inParagraph >= 2);
    inParagraph = paragraph || i === 0 ? 1 : inParagraph + 1;
    return { ...p, paragraph };
  });
}

function join(pieces: Piece[]): string {
  return pieces.map((p, i) => (i === 0 ? p.text : `${p.paragraph ? '\n\n' : ' '}${p.text}`)).join('');
}

/** Last resort when only protected sentences are left: cut plain words off the longest one. */
function shortenLongest(pieces: Piece[], excess: number, platform: Platform): Piece[] {
  const longest = pieces.reduce((best, p, i) => (platformLength(p.text, platform) > platformLength(pieces[best].text, platform) ? i : best), 0);
  const words = pieces[longest].text.split(' ');
  let cut = 0;
  for (let i = words.length - 1; i > 0 && cut < excess + 1; i--) {
    if (isKept(words[i]) || /^[$€£]?\d/.test(words[i])) continue;
    cut += [...words[i]].length + 1;
    words.splice(i, 1, ...(cut >= excess + 1 ? ['…'] : []));
  }
  return pieces.map((p, i) => (i === longest ? { ...p, text: words.join(' ') } : p));
}

function lastIndex<T>(items: T[], pred: (item: T, i: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i], i)) return i;
  return -1;
}

function dedupe(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}
