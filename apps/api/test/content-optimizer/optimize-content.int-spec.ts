import { FakeOpenAi, reply, startFakeOpenAi } from '@postprober/test-servers';
import { scorePost } from '../../src/tools/content-optimizer/rubric';
import { addUser, MEMBER, setUpFirstAdmin } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';

const LINK = 'https://acme.example/blog/launch';
const TWEET = `We just launched our new analytics dashboard after months of work and we are really proud of it. Reports now load in under 2 seconds. Read the story at ${LINK}`;
const GOOD = `Reports now load in under 2 seconds ⚡ Our new analytics dashboard is live. What do you think? ${LINK} #analytics`;

/*
 * POST /api/optimize-content through real HTTP, the real app on real Postgres, and the real OpenAI adapter
 * against the fake OpenAI server (deadline 3 s, attempt timeout 1 s).
 */
describe('optimize-content with a model (fake OpenAI, real Postgres)', () => {
  let fake: FakeOpenAi;
  let t: TestApp;
  let admin: string;
  let n = 0;
  /** A distinct tweet per test, so no test is answered from another's cache. */
  const tweet = () => `${TWEET} #take${'abcdefghijklmnopqrstuvwxyz'[++n]}`;
  const optimize = (content: string, platform = 'twitter', token = admin) =>
    call(t.url, 'POST', '/api/optimize-content', { body: { content, platform }, token });

  beforeAll(async () => {
    fake = await startFakeOpenAi({ apiKey: 'test' });
    t = await startTestApp({
      OPENAI_API_KEY: 'test',
      OPENAI_BASE_URL: fake.url,
      LLM_DEADLINE_MS: '3000',
      LLM_ATTEMPT_TIMEOUT_MS: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    admin = await setUpFirstAdmin(t.url);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  it('answers with the model text and OUR score, not the model’s', async () => {
    fake.script(reply.json({ optimized_content: GOOD, changes: ['Led with the number'], score: 100 }));
    const r = await optimize(tweet());
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ success: true, result: expect.any(Object), processing_time: expect.any(Number) });
    const expected = scorePost(GOOD, 'twitter');
    expect(r.body.result).toEqual({
      optimized_content: GOOD,
      score: expected.score,
      original_score: 61,
      improvements: expect.arrayContaining(['Opened with a number (+15)', 'Added a call to action (+10)']),
      original_length: 182,
      optimized_length: expected.length,
      platform: 'twitter',
      engine: 'openai',
      fallback: false,
      cached: false,
    });
    expect(expected.score).toBe(88);
    expect(r.body.processing_time).toBe(Math.round(r.body.processing_time * 100) / 100);
    // The user's text went to the model as data, not inside the instructions.
    const messages = JSON.stringify(fake.requests.at(-1)?.body);
    expect(messages).toContain('Reports now load in under 2 seconds. Read the story');
  });

  it('sends an over-limit answer back once with the violation named, and uses the fixed one', async () => {
    fake.script(reply.json({ optimized_content: `${'Way too long. '.repeat(25)}${LINK}`, changes: [] }), reply.json({ optimized_content: GOOD, changes: [] }));
    const before = fake.requests.length;
    const r = await optimize(tweet());
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ optimized_content: GOOD, engine: 'openai', fallback: false });
    expect(fake.requests.length - before).toBe(2);
    expect(JSON.stringify(fake.requests.at(-1)?.body)).toContain('X (Twitter) allows at most 280');
  });

  it('falls back to the builtin engine when the model keeps dropping the link (200, fallback true)', async () => {
    const dropped = { optimized_content: 'Reports now load in under 2 seconds. What do you think?', changes: [] };
    fake.script(reply.json(dropped), reply.json(dropped));
    const content = tweet();
    const r = await optimize(content);
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ engine: 'builtin', fallback: true, cached: false });
    expect(r.body.result.optimized_content).toContain(LINK);
    expect(JSON.stringify(fake.requests.at(-1)?.body)).toContain(`dropped the link ${LINK}`);

    // Fallbacks are not cached: the same request asks the model again.
    fake.script(reply.json({ optimized_content: GOOD, changes: [] }));
    const again = await optimize(content);
    expect(again.body.result).toMatchObject({ engine: 'openai', fallback: false, cached: false });
  });

  it('falls back on malformed JSON', async () => {
    fake.setDefault(reply.malformed());
    try {
      const r = await optimize(tweet());
      expect(r.status).toBe(200);
      expect(r.body.result).toMatchObject({ engine: 'builtin', fallback: true });
    } finally {
      fake.setDefault(reply.serverError(500));
    }
  });

  it('rides out a 429 and answers with the model', async () => {
    fake.script(reply.rateLimited(0), reply.json({ optimized_content: GOOD, changes: [] }));
    const r = await optimize(tweet());
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ engine: 'openai', fallback: false, optimized_content: GOOD });
  });

  it('falls back when the model does not answer before the deadline (200, never 500)', async () => {
    fake.setDefault(reply.hang());
    try {
      const r = await optimize(tweet());
      expect(r.status).toBe(200);
      expect(r.body.result).toMatchObject({ engine: 'builtin', fallback: true });
      expect(r.body.processing_time).toBeGreaterThanOrEqual(0.9);
    } finally {
      fake.setDefault(reply.serverError(500));
    }
  });

  it('answers an identical request (modulo whitespace) from the cache without calling the model', async () => {
    const content = tweet();
    fake.script(reply.json({ optimized_content: GOOD, changes: [] }));
    const first = await optimize(content);
    expect(first.body.result.cached).toBe(false);
    const calls = fake.requests.length;

    const second = await optimize(`  ${content.replace(/ /g, '  ')}\n`);
    expect(second.status).toBe(200);
    expect(second.body.result).toEqual({ ...first.body.result, cached: true });
    expect(fake.requests.length).toBe(calls);

    // Another platform is another key.
    fake.script(reply.json({ optimized_content: GOOD, changes: [] }));
    expect((await optimize(content, 'facebook')).body.result.cached).toBe(false);
    expect(fake.requests.length).toBe(calls + 1);
  });

  it('records usage, shown to admins by GET /api/ai-usage (members get 403)', async () => {
    fake.script(reply.json({ optimized_content: GOOD, changes: [] }, { usage: { prompt_tokens: 120, completion_tokens: 40 } }));
    const before = (await call(t.url, 'GET', '/api/ai-usage', { token: admin })).body;
    await optimize(tweet());
    const after = await call(t.url, 'GET', '/api/ai-usage?days=7', { token: admin });
    expect(after.status).toBe(200);
    const op = (body: typeof before) => body.operations.find((o: { operation: string }) => o.operation === 'optimize-content');
    expect(op(after.body)).toMatchObject({
      requests: op(before).requests + 1,
      prompt_tokens: op(before).prompt_tokens + 120,
      completion_tokens: op(before).completion_tokens + 40,
    });
    expect(op(after.body).fallbacks).toBeGreaterThanOrEqual(3); // link, malformed, timeout
    expect(after.body.total.requests).toBe(op(after.body).requests);
    expect(Date.now() - Date.parse(after.body.since)).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(Date.now() - Date.parse(after.body.since)).toBeLessThan(7 * 86_400_000 + 60_000);

    const bad = await call(t.url, 'GET', '/api/ai-usage?days=0', { token: admin });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('days');
    expect((await call(t.url, 'GET', '/api/ai-usage?days=366', { token: admin })).status).toBe(400);

    const member = await addUser(t.url, admin, { ...MEMBER, email: 'mo@acme.example', name: 'Mo' });
    expect((await call(t.url, 'GET', '/api/ai-usage', { token: member })).status).toBe(403);
    // Members may use the tool itself.
    fake.script(reply.json({ optimized_content: GOOD, changes: [] }));
    expect((await optimize(tweet(), 'twitter', member)).status).toBe(200);
  });

  it('rejects bad input with 400s naming the field, and unauthenticated calls with 401', async () => {
    const calls = fake.requests.length;
    const messages = async (body: unknown) => {
      const r = await call(t.url, 'POST', '/api/optimize-content', { body, token: admin });
      expect(r.status).toBe(400);
      return JSON.stringify(r.body.message);
    };
    expect(await messages({ content: 'hi', platform: 'myspace' })).toContain('platform must be one of: twitter, linkedin, instagram, facebook');
    expect(await messages({ content: 'hi' })).toContain('platform');
    expect(await messages({ content: '   \n ', platform: 'twitter' })).toContain('content must not be empty');
    expect(await messages({ content: 'x'.repeat(10_001), platform: 'twitter' })).toContain('content must be at most 10000 characters');
    expect(await messages({ platform: 'twitter' })).toContain('content');
    expect(await messages({ content: 'hi', platform: 'twitter', score: 99 })).toContain('property score should not exist');
    expect((await call(t.url, 'POST', '/api/optimize-content', { body: { content: 'hi', platform: 'twitter' } })).status).toBe(401);
    expect((await call(t.url, 'GET', '/api/ai-usage')).status).toBe(401);
    expect(fake.requests.length).toBe(calls);
  });
});

describe('optimize-content without a model key (builtin engine)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    admin = await setUpFirstAdmin(t.url);
  });
  afterAll(() => t?.close());

  it('answers with the builtin engine, scores it, and caches it', async () => {
    const body = { content: TWEET, platform: 'twitter' };
    const r = await call(t.url, 'POST', '/api/optimize-content', { body, token: admin });
    expect(r.status).toBe(200);
    expect(r.body.result).toMatchObject({ engine: 'builtin', fallback: false, cached: false, original_score: 51, platform: 'twitter' });
    expect(r.body.result.optimized_content).toContain(LINK);
    expect(r.body.result.optimized_length).toBeLessThanOrEqual(280);
    expect(r.body.result.score).toBeGreaterThan(r.body.result.original_score);
    expect(r.body.result.improvements).toContain('Added a call to action (+10)');

    const again = await call(t.url, 'POST', '/api/optimize-content', { body, token: admin });
    expect(again.body.result).toEqual({ ...r.body.result, cached: true });
    // The builtin engine spends no tokens: nothing recorded.
    expect((await call(t.url, 'GET', '/api/ai-usage', { token: admin })).body.total.requests).toBe(0);
  });
});
