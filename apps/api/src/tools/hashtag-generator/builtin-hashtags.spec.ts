import { PLATFORM_RULES, Platform } from '@postprober/shared/platforms';
import { isWellFormedHashtag } from '@postprober/shared/platforms';
import { builtinHashtags } from './builtin-hashtags';
import { finalizeAnswer, planHashtags } from './hashtag-plan';

/** Real-looking posts per platform, with the topic tags the builtin engine must find. */
const CASES: { platform: Platform; post: string; expected: string[] }[] = [
  {
    platform: 'twitter',
    post: 'Just shipped dark mode for our analytics dashboard! Your eyes will thank you at 2am. Try it now https://example.com #buildinpublic',
    expected: ['#DarkMode', '#AnalyticsDashboard'],
  },
  {
    platform: 'linkedin',
    post: `Content strategy is not about posting more. It is about posting with purpose.

After auditing 200 B2B marketing teams, we found the ones with a documented content strategy grew organic reach 3x faster.
Three habits they share:
1. A clear editorial calendar
2. Repurposing long-form content into short posts
3. Measuring engagement, not vanity metrics

What does your content strategy look like? @Acme`,
    expected: ['#ContentStrategy', '#B2BMarketing', '#OrganicReach'],
  },
  {
    platform: 'instagram',
    post: 'Sunday morning sourdough 🍞 This loaf took 36 hours of slow fermentation and it was worth every minute. Crispy crust, open crumb, and that tangy sourdough flavor. Homemade bread never gets old! Recipe in bio 👆 #baking',
    expected: ['#Sourdough', '#SlowFermentation', '#CrispyCrust', '#HomemadeBread'],
  },
  {
    platform: 'facebook',
    post: 'Our community garden is hosting a free composting workshop this Saturday at 10am! Learn how to turn kitchen scraps into rich compost for your garden. Bring the kids — there will be worm bins to explore. Everyone welcome!',
    expected: ['#Garden', '#CompostingWorkshop'],
  },
];

const tagsOf = (a: { hashtags: { tag: string }[] }) => a.hashtags.map((h) => h.tag);

describe('builtinHashtags (deterministic engine)', () => {
  describe.each(CASES)('$platform post', ({ platform, post, expected }) => {
    const { recommended } = PLATFORM_RULES[platform].hashtags;

    it('finds the topic tags, within the platform guidance, well-formed and unique', () => {
      const answer = finalizeAnswer(builtinHashtags(post, planHashtags(post, platform, [], [])), planHashtags(post, platform, [], []));
      const tags = tagsOf(answer);
      expect(tags).toEqual(expect.arrayContaining(expected));
      expect(tags.length).toBeGreaterThanOrEqual(recommended.min);
      expect(tags.length).toBeLessThanOrEqual(recommended.max);
      expect(tags.every(isWellFormedHashtag)).toBe(true);
      expect(new Set(tags.map((t) => t.toLowerCase())).size).toBe(tags.length);
      expect(answer.hashtags.every((h) => h.category === 'niche' && ['medium', 'targeted'].includes(h.reach))).toBe(true);
      expect(answer.strategy.length).toBeGreaterThan(20);
      expect(answer.strategy.length).toBeLessThanOrEqual(300);
    });

    it('is deterministic', () => {
      const plan = planHashtags(post, platform, ['#Acme'], []);
      expect(builtinHashtags(post, plan)).toEqual(builtinHashtags(post, plan));
    });

    it("adds the brand's tag as branded/targeted and stays within guidance", () => {
      const plan = planHashtags(post, platform, ['#AcmeCo', '#acmeco', '#AcmeLabs'], []);
      const answer = finalizeAnswer(builtinHashtags(post, plan), plan);
      expect(answer.hashtags).toContainEqual({ tag: '#AcmeCo', category: 'branded', reach: 'targeted' });
      expect(tagsOf(answer).filter((t) => t.toLowerCase() === '#acmeco')).toHaveLength(1);
      expect(answer.hashtags.length).toBeLessThanOrEqual(recommended.max);
      expect(answer.strategy).toContain('#AcmeCo');
    });
  });

  it('never suggests a tag the post already has, in any case', () => {
    const post = 'Our #buildinpublic journey: dark mode shipped for the analytics dashboard. #DarkMode';
    const answer = builtinHashtags(post, planHashtags(post, 'twitter', ['#BuildInPublic'], [{ tag: '#darkmode', score: 9 }]));
    expect(tagsOf(answer).map((t) => t.toLowerCase())).not.toEqual(expect.arrayContaining(['#darkmode']));
    expect(tagsOf(answer).map((t) => t.toLowerCase())).not.toContain('#buildinpublic');
    expect(tagsOf(answer)).toContain('#AnalyticsDashboard');
  });

  it('uses only trending tags that share a word with the post, as trending/high', () => {
    const post = CASES[2].post;
    const plan = planHashtags(post, 'instagram', [], [
      { tag: '#WorldCup', score: 99 },
      { tag: '#SourdoughBread', score: 50 },
      { tag: '#Sourdough', score: 40 },
    ]);
    expect(plan.trending.map((t) => t.tag)).toEqual(['#SourdoughBread', '#Sourdough']);
    const answer = builtinHashtags(post, plan);
    expect(answer.hashtags).toContainEqual({ tag: '#SourdoughBread', category: 'trending', reach: 'high' });
    expect(tagsOf(answer)).not.toContain('#WorldCup');
    expect(answer.strategy).toContain('trending');
  });

  it('says so when a post has no topic words', () => {
    const answer = builtinHashtags('Wow!!! 🔥🔥', planHashtags('Wow!!! 🔥🔥', 'linkedin', [], []));
    expect(answer.hashtags).toEqual([]);
    expect(answer.strategy).toMatch(/too few distinctive words/);
  });
});
