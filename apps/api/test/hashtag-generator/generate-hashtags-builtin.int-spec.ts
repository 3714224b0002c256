import { DataSource } from 'typeorm';
import { call, startTestApp, TestApp } from '../support/test-app';
import { setUpTenants, Tenants } from '../support/tenants';

/* POST /api/generate-hashtags without OPENAI_API_KEY: the builtin engine answers; real HTTP, real Postgres. */
const POST = 'Our community garden is hosting a composting workshop this Saturday! Learn how to turn kitchen scraps into compost for your garden. #GrowLocal';

describe('POST /api/generate-hashtags without a model (builtin engine)', () => {
  let t: TestApp;
  let u: Tenants;
  const generate = (body: unknown, token = u.adminToken) => call(t.url, 'POST', '/api/generate-hashtags', { token, body });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', OPENAI_API_KEY: '' });
    u = await setUpTenants(t);
  });
  afterAll(() => t.close());

  it('answers with the builtin engine, then from the cache', async () => {
    const first = await generate({ content: POST, platform: 'facebook' });
    expect(first.status).toBe(200);
    expect(first.body.success).toBe(true);
    expect(first.body.result).toEqual({
      hashtags: [
        { tag: '#Garden', category: 'niche', reach: 'medium' },
        { tag: '#CompostingWorkshop', category: 'niche', reach: 'targeted' },
      ],
      strategy: expect.stringContaining('Facebook does best with 1–3 hashtags'),
      engine: 'builtin',
      fallback: false,
      cached: false,
    });
    const second = await generate({ content: POST, platform: 'facebook' });
    expect(second.body.result).toEqual({ ...first.body.result, cached: true });
  });

  it("adds the organization's branded tags, and only to that organization's answers", async () => {
    const saved = await call(t.url, 'PUT', '/api/organization/settings', {
      token: u.adminToken,
      body: { branded_hashtags: ['#GreenThumbCo', '#GrowLocal'] },
    });
    expect(saved.status).toBe(200);
    // #GrowLocal is already in the post: not suggested again.
    const acme = await generate({ content: POST, platform: 'facebook' }, u.memberToken);
    expect(acme.body.result.cached).toBe(false);
    expect(acme.body.result.hashtags).toContainEqual({ tag: '#GreenThumbCo', category: 'branded', reach: 'targeted' });
    expect(acme.body.result.hashtags.map((h: { tag: string }) => h.tag.toLowerCase())).not.toContain('#growlocal');
    expect(acme.body.result.hashtags.length).toBeLessThanOrEqual(3);

    const globex = await generate({ content: POST, platform: 'facebook' }, u.otherToken);
    expect(globex.body.result.hashtags.some((h: { category: string }) => h.category === 'branded')).toBe(false);
  });

  it.each([
    [{ content: POST, platform: 'myspace' }, 'platform must be one of: twitter, linkedin, instagram, facebook'],
    [{ content: POST }, 'platform must be one of'],
    [{ content: '   ', platform: 'twitter' }, 'content must not be empty'],
    [{ content: 'x'.repeat(10_001), platform: 'twitter' }, 'content must be shorter than or equal to 10000 characters'],
    [{ content: 42, platform: 'twitter' }, 'content must be a string'],
    [{ content: POST, platform: 'twitter', tone: 'fun' }, 'property tone should not exist'],
  ])('rejects %j with a 400 naming the field', async (body, message) => {
    const r = await generate(body);
    expect(r.status).toBe(400);
    expect(r.body.message).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it('still answers when the cache table is unavailable (lookup and store both fail)', async () => {
    const db = t.app.get(DataSource);
    await db.query('ALTER TABLE ai_response_cache RENAME TO ai_response_cache_away');
    try {
      const r = await generate({ content: `${POST} No cache today.`, platform: 'linkedin' });
      expect(r.status).toBe(200);
      expect(r.body.result).toMatchObject({ engine: 'builtin', fallback: false, cached: false });
      expect(r.body.result.hashtags.length).toBeGreaterThan(0);
    } finally {
      await db.query('ALTER TABLE ai_response_cache_away RENAME TO ai_response_cache');
    }
  });

  it('requires credentials', async () => {
    const anonymous = await call(t.url, 'POST', '/api/generate-hashtags', { body: { content: POST, platform: 'twitter' } });
    expect(anonymous.status).toBe(401);
    expect((await generate({ content: POST, platform: 'twitter' }, 'not-a-token')).status).toBe(401);
  });
});
