import { appendHashtag, hashtagsIn, hasHashtag } from './hashtag-text';

describe('hashtag text helpers', () => {
  it('finds distinct hashtags in order, case-insensitively, in any script', () => {
    expect(hashtagsIn('Hello #AI and #ai, #Été_2026! Not a#tag? #x')).toEqual(['#AI', '#Été_2026', '#x']);
    expect(hasHashtag('We love #Marketing.', 'marketing')).toBe(true);
    expect(hasHashtag('We love #MarketingTips.', '#Marketing')).toBe(false);
  });

  it('appends a hashtag once, with a single separating space', () => {
    expect(appendHashtag('', 'AI')).toBe('#AI');
    expect(appendHashtag('Hello', '#AI')).toBe('Hello #AI');
    expect(appendHashtag('Hello\n', '#AI')).toBe('Hello\n#AI');
    expect(appendHashtag('Hello #ai', '#AI')).toBe('Hello #ai');
  });
});
