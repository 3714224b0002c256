import { STOPWORDS } from './stopwords';

/** A candidate topic of a post: one word ("marketing") or a short phrase ("content strategy"). */
export interface Keyword {
  /** Lower-case words of the phrase. */
  words: string[];
  /** The tag it becomes, camel-cased: "#ContentStrategy"; acronyms keep their capitals ("#AI"). */
  tag: string;
  score: number;
  /** How often it occurs in the post. */
  count: number;
}

interface Token {
  lower: string;
  original: string;
  /** Index among all tokens of the post, for position weighting. */
  index: number;
  /** First word of its clause: a capital there says nothing about a name. */
  clauseStart: boolean;
}

// URLs, @mentions, existing #tags and e-mail addresses carry no topic words of their own.
const NOISE = /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|[@#][\p{L}\p{N}_]+/gu;
// Clause breaks: punctuation, emoji and line breaks end a phrase.
const CLAUSE_SPLIT = /[.,;:!?()[\]{}"“”…\n\r\t|/\\–—•·]+|\p{Extended_Pictographic}+/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+|-[\p{L}\p{N}]+)*/gu;


const isAcronym = (w: string) => /^[A-Z][A-Z0-9]{1,4}$/.test(w) && /[A-Z].*[A-Z0-9]|[A-Z]{2}/.test(w);

/** A word worth a tag: not a stopword, not a number, long enough (acronyms excepted), not an adverb. */
function isContentWord(t: Token): boolean {
  if (STOPWORDS.has(t.lower.replace(/’/g, "'"))) return false;
  if (!/\p{L}/u.test(t.lower)) return false;
  if (/['’]/.test(t.lower)) return false; // contractions and possessives read badly in tags
  if (isAcronym(t.original)) return true;
  if (t.lower.length < 3) return false;
  if (t.lower.length > 5 && t.lower.endsWith('ly')) return false; // adverbs
  return !(t.lower.length > 4 && /[^e]ed$/.test(t.lower)); // past tense ("shipped"), not "speed"/"seed"
}

// "long-form" → "LongForm": tags cannot hold hyphens.
const capitalize = (t: Token) =>
  isAcronym(t.original) ? t.original : t.lower.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');

/** Plural-insensitive identity, so "startup" and "startups" count as one topic. */
export const stem = (word: string): string =>
  word.length > 4 && word.endsWith('ies') ? word.slice(0, -3) + 'y' : word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word;

/** Runs of consecutive content words inside one clause (stopwords and punctuation split them). */
function contentRuns(text: string): Token[][] {
  const runs: Token[][] = [];
  let index = 0;
  for (const clause of text.replace(NOISE, ' . ').split(CLAUSE_SPLIT)) {
    let run: Token[] = [];
    let clauseStart = true;
    for (const m of clause.matchAll(WORD)) {
      const token: Token = { lower: m[0].toLocaleLowerCase('en-US'), original: m[0], index: index++, clauseStart };
      clauseStart = false;
      if (isContentWord(token)) {
        run.push(token);
      } else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/**
 * The post's topics, best first. Deterministic: a word scores by frequency, weighted up to 1.5x when it
 * appears early (posts lead with their subject) and 1.3x for acronyms and capitalized words mid-sentence
 * (names, products); a two-word phrase scores by its words' mean, slightly above a lone word, and well above when it repeats.
 */
export function extractKeywords(text: string): Keyword[] {
  const runs = contentRuns(text);
  const total = Math.max(1, runs.flat().reduce((max, t) => Math.max(max, t.index + 1), 0));
  const words = new Map<string, { token: Token; count: number; first: number; proper: boolean }>();
  for (const t of runs.flat()) {
    const key = stem(t.lower);
    const w = words.get(key) ?? { token: t, count: 0, first: t.index, proper: false };
    w.count++;
    w.proper ||= isAcronym(t.original) || (!t.clauseStart && /^\p{Lu}/u.test(t.original));
    words.set(key, w);
  }
  const wordScore = (key: string) => {
    const w = words.get(key);
    if (!w) return 0;
    return w.count * (1 + 0.5 * (1 - w.first / total)) * (w.proper ? 1.3 : 1);
  };

  const candidates = new Map<string, Keyword & { first: number }>();
  for (const [key, w] of words) {
    candidates.set(key, { words: [w.token.lower], tag: '#' + capitalize(w.token), score: wordScore(key), count: w.count, first: w.first });
  }
  const phraseCounts = new Map<string, { pair: [Token, Token]; count: number }>();
  for (const run of runs) {
    for (let i = 0; i + 1 < run.length; i++) {
      const key = stem(run[i].lower) + ' ' + stem(run[i + 1].lower);
      const p = phraseCounts.get(key) ?? { pair: [run[i], run[i + 1]], count: 0 };
      p.count++;
      phraseCounts.set(key, p);
    }
  }
  for (const [key, { pair, count }] of phraseCounts) {
    const [a, b] = pair;
    const mean = (wordScore(stem(a.lower)) + wordScore(stem(b.lower))) / 2;
    candidates.set(key, {
      words: [a.lower, b.lower],
      tag: '#' + capitalize(a) + capitalize(b),
      score: mean * (count > 1 ? 1 + 0.4 * count : 1.25),
      count,
      first: a.index,
    });
  }
  return [...candidates.values()]
    .filter((k) => k.tag.length <= 31) // very long camel-case tags are unreadable
    .sort((x, y) => y.score - x.score || x.first - y.first || x.tag.localeCompare(y.tag))
    .map(({ words: w, tag, score, count }) => ({ words: w, tag, score: Math.round(score * 1000) / 1000, count }));
}
