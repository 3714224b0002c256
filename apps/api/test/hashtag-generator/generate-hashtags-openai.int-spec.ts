import { FakeOpenAi, reply, startFakeOpenAi } from '@postprober/test-servers';
import { call, startTestApp, TestApp } from '../support/test-app';
import { setUpTenants, Tenants } from '../support/tenants';

/*
 * POST /api/generate-hashtags through real HTTP with the real OpenAI adapter pointed at the fake OpenAI
 * server, on a fresh Postgres database. Attempt timeout 500 ms, deadline 1200 ms.
 */
const POST = 'Sunday morning sourdough: 36 hours of slow fermentation for a crispy crust and open crumb. Homemade bread wins.';
const GOOD = {
  hashtags: [
    { tag: '#Sourdough', category: 'trending', reach: 'high' },
    { tag: '#SlowFermentation', category: 'niche', reach: 'targeted' },
    { tag: '#HomemadeBread', category: 'niche', reach: 'medium' },
  ],
  strategy: 'One broad baking tag for reach and two specific bread-making tags for engaged home bakers.',
};

describe('POST /api/generate-hashtags with a model (fake OpenAI, real Postgres)', () => {
  let t: TestApp;
  let fake: FakeOpenAi;
  let u: Tenants;
  let n = 0;
  /** A distinct post per test, so no test is answered from another's cache entry. */
  const post = () => `${POST} Batch ${++n}.`;
  const generate = (content: string, platform = 'linkedin', token = u.adminToken) =>
    call(t.url, 'POST', '/api/generate-hashtags', { token, body: { content, platform } });

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'test' });
    t = await startTestApp({
      RATE_LIMIT_PER_MINUTE: '100000',
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: fake.url,
      LLM_ATTEMPT_TIMEOUT_MS: '500',
      LLM_DEADLINE_MS: '1200',
    });
    u = await setUpTenants(t);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it("returns the model's mix, with the post sent as data and the platform's count in the instructions", async () => {
    fake.script(reply.json(GOOD));
    const r = await generate(post());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      success: true,
      result: { hashtags: GOOD.hashtags, strategy: GOOD.strategy, engine: 'openai', fallback: false, cached: false },
      processing_time: expect.any(Number),
    });
    expect(r.body.processing_time).toBe(Math.round(r.body.processing_time * 100) / 100);
    const [system, user] = fake.requests[0].body?.messages ?? [];
    expect(system.content).toContain('LinkedIn');
    expect(system.content).toContain('between 3 and 5 hashtags');
    expect(system.content).not.toContain('sourdough');
    expect(user.content).toContain('Sunday morning sourdough');
  });

  it('answers an identical request from the cache without asking the model again', async () => {
    const content = post();
    fake.script(reply.json(GOOD));
    const first = await generate(content);
    const second = await generate(`  ${content.replace(/ /g, '  ')} `);
    expect(fake.requests).toHaveLength(1);
    expect(second.body.result).toEqual({ ...first.body.result, cached: true });
    // Another platform is another question.
    fake.script(reply.json({ ...GOOD, hashtags: GOOD.hashtags.slice(0, 2) }));
    expect((await generate(content, 'twitter')).body.result.cached).toBe(false);
    expect(fake.requests).toHaveLength(2);
  });

  it('asks once more after malformed hashtags, then falls back to the builtin engine (not cached)', async () => {
    const bad = { ...GOOD, hashtags: [{ tag: 'sour dough!', category: 'niche', reach: 'medium' }, ...GOOD.hashtags] };
    fake.script(reply.json(bad), reply.json(bad));
    const content = post();
    const r = await generate(content);
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ engine: 'builtin', fallback: true, cached: false });
    expect(r.body.result.hashtags.map((h: { tag: string }) => h.tag)).toEqual(expect.arrayContaining(['#SlowFermentation', '#CrispyCrust']));
    expect(fake.requests).toHaveLength(2);
    expect(JSON.stringify(fake.requests[1].body?.messages)).toContain('not a well-formed hashtag');

    fake.script(reply.json(GOOD));
    const again = await generate(content);
    expect(again.body.result).toMatchObject({ engine: 'openai', fallback: false, cached: false });
  });

  it("trims a valid answer longer than the plan to the plan's count in the model's order, without asking again", async () => {
    const six = ['#Sourdough', '#SlowFermentation', '#HomemadeBread', '#CrispyCrust', '#OpenCrumb', '#BreadBaking'];
    fake.script(reply.json({ ...GOOD, hashtags: six.map((tag) => ({ tag, category: 'niche', reach: 'medium' })) }));
    const r = await generate(post(), 'twitter');
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ engine: 'openai', fallback: false, cached: false });
    expect(r.body.result.hashtags.map((h: { tag: string }) => h.tag)).toEqual(six.slice(0, 2));
    expect(fake.requests).toHaveLength(1);
  });

  it('retries after a 429 and answers with the model', async () => {
    fake.script(reply.rateLimited(0), reply.json(GOOD));
    const r = await generate(post());
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ engine: 'openai', fallback: false, hashtags: GOOD.hashtags });
    expect(fake.requests).toHaveLength(2);
  });

  it('falls back to the builtin engine when the model hangs past the deadline', async () => {
    fake.setDefault(reply.hang());
    const started = Date.now();
    const r = await generate(post(), 'instagram');
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ engine: 'builtin', fallback: true });
    expect(r.body.result.hashtags.length).toBeGreaterThanOrEqual(5);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("merges the organization's branded tags into the model's answer, and a settings change is not hidden by the cache", async () => {
    const content = post();
    fake.script(reply.json(GOOD));
    const before = await generate(content);
    expect(before.body.result.hashtags.some((h: { category: string }) => h.category === 'branded')).toBe(false);

    await call(t.url, 'PUT', '/api/organization/settings', { token: u.adminToken, body: { branded_hashtags: ['#AcmeBakery'] } });
    fake.script(reply.json(GOOD));
    const after = await generate(content, 'linkedin', u.memberToken);
    expect(after.body.result.cached).toBe(false);
    expect(after.body.result.hashtags).toEqual([...GOOD.hashtags, { tag: '#AcmeBakery', category: 'branded', reach: 'targeted' }]);
    expect(JSON.stringify(fake.requests[1].body?.messages?.[0])).toContain('#AcmeBakery');
    expect(JSON.stringify(fake.requests[1].body?.messages?.[0])).toContain('between 2 and 4 hashtags');
    // The other organization neither sees Acme's brand tag nor Acme's cache entry.
    fake.script(reply.json(GOOD));
    const other = await generate(content, 'linkedin', u.otherToken);
    expect(other.body.result).toMatchObject({ cached: false, hashtags: GOOD.hashtags });
  });
});
