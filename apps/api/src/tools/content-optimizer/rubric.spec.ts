import { describeImprovements, scorePost } from './rubric';
import { SAMPLE_POSTS } from './sample-posts.fixture';

const points = (text: string, platform: Parameters<typeof scorePost>[1]) =>
  Object.fromEntries(scorePost(text, platform).criteria.map((c) => [c.id, c.points]));

describe('scorePost', () => {
  it.each([
    ['longLinkedIn', 71, { hook: 0, clarity: 15, cta: 0, length: 25, hashtags: 15 }],
    ['linkedInAnnouncement', 48, { hook: 0, cta: 0, length: 10, hashtags: 5, mentions: 5 }],
    ['linkedInShort', 96, { hook: 15, cta: 10, length: 25, hashtags: 15 }],
    ['longTweetWithLink', 36, { hook: 0, cta: 0, length: 0, links: 10 }],
    ['shortTweet', 56, { hook: 10, cta: 0, length: 10 }],
    ['tweetWithMentions', 78, { hook: 15, length: 15, hashtags: 15, mentions: 5 }],
    ['instagramManyHashtags', 48, { hook: 0, hashtags: 0, emoji: 5, length: 15 }],
    ['instagramLink', 75, { cta: 10, hashtags: 15, links: 2 }],
    ['instagramPlain', 61, { cta: 0, hashtags: 5, length: 25 }],
    ['facebookNoCta', 76, { hook: 15, cta: 0, length: 25 }],
    ['facebookEvent', 86, { hook: 15, cta: 10, links: 10 }],
    ['facebookRamble', 51, { hook: 0, cta: 0, length: 15 }],
  ])('%s scores %i', (name, score, some) => {
    const { platform, text } = SAMPLE_POSTS[name];
    expect(scorePost(text, platform).score).toBe(score);
    expect(points(text, platform)).toMatchObject(some);
  });

  it('is always between 0 and 100 and gives a reason per criterion', () => {
    for (const { platform, text } of Object.values(SAMPLE_POSTS)) {
      const s = scorePost(text, platform);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
      expect(s.criteria.map((c) => c.max).reduce((a, b) => a + b)).toBe(100);
      s.criteria.forEach((c) => expect(c.reason.length).toBeGreaterThan(3));
    }
  });

  it('counts X links as 23 characters and zeroes length over the limit', () => {
    const url = `https://example.com/${'a'.repeat(200)}`;
    expect(scorePost(`Read this ${url}`, 'twitter').length).toBe('Read this '.length + 23);
    const over = scorePost('word '.repeat(60).trim(), 'twitter');
    expect(over.length).toBe(299);
    expect(over.criteria.find((c) => c.id === 'length')).toMatchObject({ points: 0, reason: "299 characters, over X (Twitter)'s 280 limit" });
  });

  it('scores the hook: question 15, number 15, strong opener 10, plain 0', () => {
    expect(points('Ever wondered why? Read on.', 'facebook')['hook']).toBe(15);
    expect(points('3 lessons from our launch. Read on.', 'facebook')['hook']).toBe(15);
    expect(points("Here's what we learned. Read on.", 'facebook')['hook']).toBe(10);
    expect(points('We learned things. Read on.', 'facebook')['hook']).toBe(0);
    expect(points('See https://x.example/2024 for more.', 'facebook')['hook']).toBe(0); // digits in a link are no figure
  });

  it('does not take nouns like "shop" or "Excited to share" for a call to action', () => {
    expect(points('Lunch at the shop. Excited to share the news.', 'facebook')['cta']).toBe(0);
    expect(points('Shop now at our store.', 'facebook')['cta']).toBe(10);
    expect(points('We moved offices. Any tips?', 'facebook')['cta']).toBe(10);
  });

  it('penalizes long sentences and long words', () => {
    const long = `This ${'very '.repeat(30)}long sentence never seems to end at all.`;
    expect(points(long, 'linkedin')['clarity']).toBe(5); // 38 words: sentence part 0, long words fine
    expect(points('Internationalization characteristically overcomplicates responsibilities.', 'linkedin')['clarity']).toBe(10);
  });

  it('scores emoji and mentions moderately', () => {
    expect(points('Hi 🎉', 'twitter')['emoji']).toBe(5);
    expect(points('Hi 🎉🎉🎉🎉🎉', 'twitter')['emoji']).toBe(2);
    expect(points('Hi 🎉🎉🎉🎉🎉🎉🎉', 'twitter')['emoji']).toBe(0);
    expect(points('Hi @a @b @c @d', 'twitter')['mentions']).toBe(0);
    expect(points('Hi @a', 'twitter')['mentions']).toBe(5);
  });
});

describe('describeImprovements', () => {
  it('names each criterion that moved with its points, biggest gain first', () => {
    const before = scorePost(SAMPLE_POSTS['longTweetWithLink'].text, 'twitter');
    const after = scorePost(
      'Reports now load in under 2 seconds. We rebuilt the data pipeline for our new dashboard. Read more: https://example.com/blog/analytics-dashboard-launch-2026',
      'twitter',
    );
    expect(describeImprovements(before, after, 'twitter')).toEqual([
      'Opened with a number (+15)',
      "Trimmed to 123 characters to fit X (Twitter)'s 280 limit (+15)",
      'Added a call to action (+10)',
    ]);
  });

  it('reports losses too, and nothing when the score did not move', () => {
    const a = scorePost('How do you plan? Tell us below.', 'facebook');
    const b = scorePost('We plan. Tell us below.', 'facebook');
    expect(describeImprovements(a, b, 'facebook')).toEqual(['The first sentence has no question, number or strong opener (-15)']);
    expect(describeImprovements(a, a, 'facebook')).toEqual([]);
  });
});
