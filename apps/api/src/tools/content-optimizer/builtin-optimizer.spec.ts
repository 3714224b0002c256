import { PLATFORM_RULES, platformLength } from '@postprober/shared/platforms';
import { PLATFORM_CTA, builtinOptimize } from './builtin-optimizer';
import { figuresOf, mentionsOf, urlsOf } from './post-text';
import { scorePost } from './rubric';
import { SAMPLE_POSTS } from './sample-posts.fixture';

describe('builtinOptimize', () => {
  it.each([
    ['longLinkedIn', 71, 96],
    ['linkedInAnnouncement', 48, 73],
    ['linkedInShort', 96, 96],
    ['longTweetWithLink', 36, 76],
    ['shortTweet', 56, 66],
    ['tweetWithMentions', 78, 88],
    ['instagramManyHashtags', 48, 83],
    ['instagramLink', 75, 90],
    ['instagramPlain', 61, 73],
    ['facebookNoCta', 76, 86],
    ['facebookEvent', 86, 86],
    ['facebookRamble', 51, 61],
  ])('%s: %i -> %i, within the limit, keeping links, mentions and figures', (name, before, after) => {
    const { platform, text } = SAMPLE_POSTS[name];
    const out = builtinOptimize(text, platform).optimized_content;
    expect(scorePost(text, platform).score).toBe(before);
    expect(scorePost(out, platform).score).toBe(after);
    expect(platformLength(out, platform)).toBeLessThanOrEqual(PLATFORM_RULES[platform].maxLength);
    urlsOf(text).forEach((u) => expect(out).toContain(u));
    mentionsOf(text).forEach((m) => expect(mentionsOf(out)).toContain(m));
    expect(figuresOf(out)).toEqual(expect.arrayContaining(figuresOf(text)));
  });

  it('trims a long tweet at sentence boundaries, moves the figure into the hook and adds a CTA', () => {
    const out = builtinOptimize(SAMPLE_POSTS['longTweetWithLink'].text, 'twitter');
    expect(out.optimized_content).toBe(
      'The team rebuilt the entire data pipeline from scratch so that reports load in under 2 seconds. ' +
        'We just shipped our new analytics dashboard and honestly it has been a long road getting here. ' +
        'Read the full story here https://example.com/blog/analytics-dashboard-launch-2026 What do you think?',
    );
    expect(out.changes).toEqual([
      'Moved "The team rebuilt the entire data pipeline from scratch so that reports load in under 2 seconds." to the opening line as the hook',
      'Added a call to action',
      "Removed 2 sentences to fit X (Twitter)'s 280 limit",
    ]);
  });

  it('formats LinkedIn in short paragraphs, CTA before the hashtags', () => {
    const out = builtinOptimize(SAMPLE_POSTS['longLinkedIn'].text, 'linkedin').optimized_content;
    const paragraphs = out.split('\n\n');
    expect(paragraphs[0]).toBe('Our engineering throughput went up 32% in two quarters, and attrition dropped to 4%.');
    expect(paragraphs.at(-2)).toBe(PLATFORM_CTA.linkedin);
    expect(paragraphs.at(-1)).toBe('#RemoteWork #Leadership #Engineering');
    expect(paragraphs).toHaveLength(6);
  });

  it('cuts Instagram hashtags over the maximum to the recommended count', () => {
    const out = builtinOptimize(SAMPLE_POSTS['instagramManyHashtags'].text, 'instagram');
    expect(out.optimized_content.match(/#brunch\d+/g)).toHaveLength(15);
    expect(out.optimized_content.endsWith('#brunch15')).toBe(true);
    expect(out.changes).toContain('Kept 15 of 34 hashtags (Instagram allows 30)');
  });

  it('adds the platform CTA only when missing', () => {
    expect(builtinOptimize(SAMPLE_POSTS['facebookNoCta'].text, 'facebook').optimized_content).toBe(
      `${SAMPLE_POSTS['facebookNoCta'].text}\n\n${PLATFORM_CTA.facebook}`,
    );
    expect(builtinOptimize(SAMPLE_POSTS['facebookEvent'].text, 'facebook')).toEqual({ optimized_content: SAMPLE_POSTS['facebookEvent'].text, changes: [] });
  });

  it('fits X even when every sentence holds a figure, cutting plain words and never a link or figure', () => {
    const text = `In 2025 we grew revenue by 45% across 12 markets while ${'steadily '.repeat(25)}hiring 30 people, see https://example.com/report`;
    const out = builtinOptimize(text, 'twitter').optimized_content;
    expect(platformLength(out, 'twitter')).toBeLessThanOrEqual(280);
    expect(out).toContain('https://example.com/report');
    expect(figuresOf(out)).toEqual(expect.arrayContaining(['2025', '45%', '12', '30']));
  });

  it('is deterministic', () => {
    const { text } = SAMPLE_POSTS['longLinkedIn'];
    expect(builtinOptimize(text, 'linkedin')).toEqual(builtinOptimize(text, 'linkedin'));
  });
});
