import {
  DRAFT_HASHTAG_PATTERN,
  dedupeHashtags,
  hashtagsInText,
  isHashtagLine,
  isWellFormedHashtag,
  normalizeContent,
} from './post-text';

describe('hashtag syntax', () => {
  it('well-formed: 2–50 tag characters of any script, at least one letter', () => {
    for (const ok of ['#AI', '#remote_work', '#três', '#東京', '#Q3Results', `#${'a'.repeat(50)}`]) expect(isWellFormedHashtag(ok)).toBe(true);
    for (const bad of ['#a', '#2024', '#__', 'AI', '#remote work', '#sour-dough', `#${'a'.repeat(51)}`]) expect(isWellFormedHashtag(bad)).toBe(false);
  });

  it('drafts accept every well-formed tag, and also all-digit or one-character tags', () => {
    for (const tag of ['#AI', '#三', '#2024', '#x', `#${'a'.repeat(99)}`]) expect(DRAFT_HASHTAG_PATTERN.test(tag)).toBe(true);
    for (const tag of ['#', 'x', '#a b', `#${'a'.repeat(100)}`]) expect(DRAFT_HASHTAG_PATTERN.test(tag)).toBe(false);
  });

  it('finds hashtags in text, not inside words, entities or doubled marks', () => {
    expect(hashtagsInText('Hi #one and #Two_2, yes: #três! C# a#b &#38; ##x #one')).toEqual(['#one', '#Two_2', '#três', '#one']);
    expect(hashtagsInText('no tags')).toEqual([]);
  });

  it('dedupes case-insensitively keeping the first spelling', () => {
    expect(dedupeHashtags(['#AI', '#ai', '#Ml', '#ML'])).toEqual(['#AI', '#Ml']);
  });

  it('recognises a line of only hashtags', () => {
    expect(isHashtagLine(' #a #b_2 ')).toBe(true);
    expect(isHashtagLine('#a and more')).toBe(false);
    expect(isHashtagLine('   ')).toBe(false);
  });
});

describe('normalizeContent', () => {
  it('trims and collapses every whitespace run, line breaks included', () => {
    expect(normalizeContent('  Hello \n\n world\t! ')).toBe('Hello world !');
    expect(normalizeContent('\u00a0a\u2003b\u00a0')).toBe('a b');
  });
});
