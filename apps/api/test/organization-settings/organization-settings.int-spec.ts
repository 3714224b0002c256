import { setUpTenants, Tenants } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';

describe('organization settings (real HTTP, real Postgres)', () => {
  let t: TestApp;
  let u: Tenants;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    u = await setUpTenants(t);
  });
  afterAll(() => t.close());

  const get = (token: string) => call(t.url, 'GET', '/api/organization/settings', { token });
  const put = (token: string, body: unknown) => call(t.url, 'PUT', '/api/organization/settings', { token, body });

  it('starts with defaults that any member can read', async () => {
    const r = await get(u.memberToken);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ branded_hashtags: [], updated_at: null });
  });

  it('lets an admin save branded hashtags (trimmed, de-duplicated case-insensitively) and members read them', async () => {
    const saved = await put(u.adminToken, { branded_hashtags: [' #AcmeBakery', '#BakedWithLove', '#acmebakery'] });
    expect(saved.status).toBe(200);
    expect(saved.body.branded_hashtags).toEqual(['#AcmeBakery', '#BakedWithLove']);
    expect(Date.parse(saved.body.updated_at)).not.toBeNaN();
    expect((await get(u.memberToken)).body.branded_hashtags).toEqual(['#AcmeBakery', '#BakedWithLove']);

    const replaced = await put(u.adminToken, { branded_hashtags: ['#AcmeBakery'] });
    expect(replaced.body.branded_hashtags).toEqual(['#AcmeBakery']);
  });

  it('refuses members (403) and anonymous callers (401)', async () => {
    expect((await put(u.memberToken, { branded_hashtags: ['#MaxWasHere'] })).status).toBe(403);
    expect((await call(t.url, 'GET', '/api/organization/settings')).status).toBe(401);
    expect((await get(u.memberToken)).body.branded_hashtags).toEqual(['#AcmeBakery']);
  });

  it.each([
    [{ branded_hashtags: ['AcmeBakery'] }, 'branded_hashtags must contain hashtags like #YourBrand'],
    [{ branded_hashtags: ['#Acme Bakery'] }, 'branded_hashtags must contain hashtags like #YourBrand'],
    [{ branded_hashtags: ['#2024'] }, 'branded_hashtags must contain hashtags like #YourBrand'],
    [{ branded_hashtags: [`#${'a'.repeat(51)}`] }, 'branded_hashtags must contain hashtags like #YourBrand'],
    [{ branded_hashtags: Array.from({ length: 11 }, (_, i) => `#Brand${i}`) }, 'branded_hashtags must contain no more than 10 elements'],
    [{ branded_hashtags: '#Acme' }, 'branded_hashtags must be an array'],
    [{}, 'branded_hashtags must be an array'],
  ])('rejects %j with a 400 naming branded_hashtags', async (body, message) => {
    const r = await put(u.adminToken, body);
    expect(r.status).toBe(400);
    expect(r.body.message).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it("keeps each organization's settings to itself", async () => {
    expect((await get(u.otherToken)).body).toEqual({ branded_hashtags: [], updated_at: null });
    expect((await put(u.otherToken, { branded_hashtags: ['#Globex'] })).body.branded_hashtags).toEqual(['#Globex']);
    expect((await get(u.memberToken)).body.branded_hashtags).toEqual(['#AcmeBakery']);
    expect((await get(u.otherToken)).body.branded_hashtags).toEqual(['#Globex']);
  });
});
