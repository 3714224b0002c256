import { checkModelAnswer, clampStrategy, finalizeAnswer, HashtagAnswer, modelRange, planHashtags, tagWords } from './hashtag-plan';

const POST = 'We launched our remote work guide for engineering managers. #RemoteWork';
const answer = (tags: string[], strategy = 'Topic tags for reach.'): HashtagAnswer => ({
  hashtags: tags.map((tag) => ({ tag, category: 'niche', reach: 'medium' })),
  strategy,
});

describe('hashtag rules', () => {
  it('splits tags into words', () => {
    expect(tagWords('#ContentStrategy2025')).toEqual(['content', 'strategy']);
    expect(tagWords('#remote_work')).toEqual(['remote', 'work']);
    expect(tagWords('#AI')).toEqual(['ai']);
  });

  it('plans counts from the platform guidance and leaves room for branded tags', () => {
    const plan = planHashtags(POST, 'linkedin', ['#Acme', '#remotework', 'not a tag'], []);
    expect(plan).toMatchObject({ target: 4, min: 3, max: 5, branded: ['#Acme'] });
    expect([...plan.existing]).toEqual(['#remotework']);
    expect(modelRange(plan)).toEqual({ min: 2, max: 4 });
    expect(modelRange(planHashtags(POST, 'twitter', [], []))).toEqual({ min: 1, max: 2 });
  });

  it('rejects malformed, duplicate, already-present and too few tags from a model, naming the problem', () => {
    const plan = planHashtags(POST, 'twitter', [], []);
    expect(checkModelAnswer(answer(['#EngineeringManagers']), plan)).toBeNull();
    expect(checkModelAnswer(answer(['#remote work']), plan)).toMatch(/"#remote work" is not a well-formed hashtag/);
    expect(checkModelAnswer(answer(['Leadership']), plan)).toMatch(/not a well-formed/);
    expect(checkModelAnswer(answer(['#2024']), plan)).toMatch(/not a well-formed/);
    expect(checkModelAnswer(answer(['#Guide', '#guide']), plan)).toBe('#guide appears more than once (tags are case-insensitive)');
    expect(checkModelAnswer(answer(['#REMOTEWORK']), plan)).toBe('#REMOTEWORK is already in the post');
    expect(checkModelAnswer(answer(['#A1', '#B2', '#C3', 'bad tag', '#A1']), plan)).toBeNull(); // beyond the plan: trimmed, not checked
    expect(checkModelAnswer(answer([]), plan)).toBe('0 hashtags given; give between 1 and 2');
    expect(checkModelAnswer(answer(['#Guide'], '  '), plan)).toBe('strategy is empty');
  });

  it('finalizes any answer: drops bad and repeated tags, merges branded tags, caps count and strategy', () => {
    const plan = planHashtags(POST, 'twitter', ['#AcmeCo'], []);
    const raw = answer(['Leadership', '#leadership', '#remotework', 'bad tag', '#acmeco', '#Managers', '#Extra'], 'x '.repeat(400));
    const final = finalizeAnswer(raw, plan);
    expect(final.hashtags).toEqual([
      { tag: '#Leadership', category: 'niche', reach: 'medium' },
      { tag: '#AcmeCo', category: 'branded', reach: 'targeted' },
    ]);
    expect(final.strategy.length).toBeLessThanOrEqual(300);
    expect(final.strategy.endsWith('…')).toBe(true);
  });

  it('trims a valid answer longer than the plan to the plan, in the model\'s order', () => {
    const plan = planHashtags(POST, 'twitter', [], []);
    const six = answer(['#Leadership', '#Managers', '#Guide', '#Teams', '#Hybrid', '#Async']);
    expect(checkModelAnswer(six, plan)).toBeNull();
    expect(finalizeAnswer(six, plan).hashtags.map((h) => h.tag)).toEqual(['#Leadership', '#Managers']);
  });

  it('clamps strategy at a word boundary', () => {
    const long = 'Balanced mix of broad and niche tags. '.repeat(12);
    const out = clampStrategy(long);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out).toMatch(/\w…$/);
    expect(clampStrategy('  short   text ')).toBe('short text');
  });
});
