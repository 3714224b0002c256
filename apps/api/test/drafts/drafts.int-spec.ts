import { addUser, createOtherOrganization, setUpFirstAdmin } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';



describe('drafts (real HTTP, real Postgres)', () => {
  let t: TestApp;
  let ada: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    ada = await setUpFirstAdmin(t.url);
  });
  afterAll(() => t.close());

  it('creates, lists newest first, updates and deletes a draft', async () => {
    const first = await call(t.url, 'POST', '/api/drafts', { token: ada, body: { platform: 'twitter', content: 'First post' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      platform: 'twitter',
      content: 'First post',
      hashtags: [],
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    const second = await call(t.url, 'POST', '/api/drafts', {
      token: ada,
      body: { platform: 'linkedin', content: 'Second post', hashtags: ['#Marketing', 'growth_tips', 'ÉtéSolde'] },
    });
    expect(second.status).toBe(201);
    // A missing "#" is added; letters of any script are accepted.
    expect(second.body.hashtags).toEqual(['#Marketing', '#growth_tips', '#ÉtéSolde']);

    let list = await call(t.url, 'GET', '/api/drafts', { token: ada });
    expect(list.status).toBe(200);
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([second.body.id, first.body.id]);

    const updated = await call(t.url, 'PUT', `/api/drafts/${first.body.id}`, {
      token: ada,
      body: { platform: 'instagram', content: 'First post, edited', hashtags: ['#one', '#two'] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: first.body.id, platform: 'instagram', content: 'First post, edited', hashtags: ['#one', '#two'] });
    expect(Date.parse(updated.body.updated_at)).toBeGreaterThan(Date.parse(first.body.updated_at));
    expect(updated.body.created_at).toBe(first.body.created_at);

    // The edited draft moves to the top.
    list = await call(t.url, 'GET', '/api/drafts', { token: ada });
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([first.body.id, second.body.id]);
    expect(list.body[0].hashtags).toEqual(['#one', '#two']);

    expect((await call(t.url, 'DELETE', `/api/drafts/${second.body.id}`, { token: ada })).status).toBe(204);
    expect((await call(t.url, 'DELETE', `/api/drafts/${second.body.id}`, { token: ada })).status).toBe(404);
    list = await call(t.url, 'GET', '/api/drafts', { token: ada });
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([first.body.id]);
  });

  it('rejects invalid drafts with 400s that name the field', async () => {
    const bad = await call(t.url, 'POST', '/api/drafts', {
      token: ada,
      body: { platform: 'myspace', content: 'x'.repeat(10_001), hashtags: ['#ok', 'not a tag'], pinned: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'platform must be one of: twitter, linkedin, instagram, facebook',
        'content must be at most 10000 characters',
        expect.stringContaining('each value in hashtags'),
        'property pinned should not exist',
      ]),
    );
    const tooMany = await call(t.url, 'POST', '/api/drafts', {
      token: ada,
      body: { platform: 'instagram', content: 'ok', hashtags: Array.from({ length: 31 }, (_, i) => `#tag${i}`) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toEqual(['hashtags must contain at most 30 items']);
    const missing = await call(t.url, 'POST', '/api/drafts', { token: ada, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual(expect.arrayContaining([expect.stringContaining('platform'), expect.stringContaining('content')]));
    expect((await call(t.url, 'PUT', '/api/drafts/not-a-uuid', { token: ada, body: { platform: 'twitter', content: 'x' } })).status).toBe(400);
    // Exactly at the limits is fine.
    const atLimit = await call(t.url, 'POST', '/api/drafts', {
      token: ada,
      body: { platform: 'instagram', content: 'x'.repeat(10_000), hashtags: Array.from({ length: 30 }, (_, i) => `#tag${i}`) },
    });
    expect(atLimit.status).toBe(201);
    expect((await call(t.url, 'DELETE', `/api/drafts/${atLimit.body.id}`, { token: ada })).status).toBe(204);
  });

  it("hides a draft from another organization and from another user of the same one (404)", async () => {
    const mine = await call(t.url, 'POST', '/api/drafts', { token: ada, body: { platform: 'facebook', content: 'Private thoughts' } });
    expect(mine.status).toBe(201);
    const path = `/api/drafts/${mine.body.id}`;

    const gina = await createOtherOrganization(t);
    const max = await addUser(t.url, ada);

    for (const other of [gina, max]) {
      expect((await call(t.url, 'GET', '/api/drafts', { token: other })).body).toEqual([]);
      const put = await call(t.url, 'PUT', path, { token: other, body: { platform: 'twitter', content: 'hijacked' } });
      expect(put.status).toBe(404);
      expect(put.body.message).toBe('Draft not found');
      expect((await call(t.url, 'DELETE', path, { token: other })).status).toBe(404);
    }
    // Untouched for its owner.
    const list = await call(t.url, 'GET', '/api/drafts', { token: ada });
    expect(list.body.find((d: { id: string }) => d.id === mine.body.id)).toMatchObject({ content: 'Private thoughts', platform: 'facebook' });

    // Max's own drafts are his alone.
    const maxDraft = await call(t.url, 'POST', '/api/drafts', { token: max, body: { platform: 'twitter', content: 'Max here' } });
    expect((await call(t.url, 'GET', '/api/drafts', { token: max })).body.map((d: { id: string }) => d.id)).toEqual([maxDraft.body.id]);
    expect((await call(t.url, 'GET', '/api/drafts', { token: ada })).body.map((d: { id: string }) => d.id)).not.toContain(maxDraft.body.id);
  });

  it('refuses API keys with a 403 that says why (drafts are per user)', async () => {
    const key = (await call(t.url, 'POST', '/api/api-keys', { token: ada, body: { name: 'CMS' } })).body.key;
    const r = await call(t.url, 'GET', '/api/drafts', { apiKey: key });
    expect(r.status).toBe(403);
    expect(r.body.message).toContain('API key');
    expect((await call(t.url, 'POST', '/api/drafts', { apiKey: key, body: { platform: 'twitter', content: 'x' } })).status).toBe(403);
    expect((await call(t.url, 'GET', '/api/drafts')).status).toBe(401);
  });
});
