import { hashtagsInText } from '@postprober/shared/platforms';
import { extractKeywords, stem } from './keyword-extractor';

describe('extractKeywords', () => {
  it('ranks repeated phrases first and camel-cases them, keeping acronyms', () => {
    const k = extractKeywords('AI tools for SEO. Our AI writing assistant helps with SEO audits; AI writing is here.');
    expect(k[0].tag).toBe('#AIWriting');
    expect(k.map((x) => x.tag)).toEqual(expect.arrayContaining(['#AI', '#SEO', '#SEOAudits']));
  });

  it('ignores stopwords, URLs, mentions, existing hashtags, numbers and filler verbs', () => {
    const tags = extractKeywords('So excited to share that we just launched 3 new features! https://x.co/abc @bob #launch').map((k) => k.tag);
    expect(tags).toEqual(['#Features']);
  });

  it('turns hyphenated words into one camel-case word and merges plurals', () => {
    const k = extractKeywords('Long-form videos beat short clips. Our long-form video guide explains why.');
    expect(k.map((x) => x.tag)).toContain('#LongFormVideos');
    expect(k.find((x) => x.tag === '#LongForm')?.count).toBe(2);
    expect(stem('videos')).toBe(stem('video'));
    expect(stem('stories')).toBe('story');
    expect(stem('business')).toBe('business');
  });

  it('finds hashtags in text', () => {
    expect(hashtagsInText('Hi #one and #Two_2, yes: #três!')).toEqual(['#one', '#Two_2', '#três']);
  });
});
