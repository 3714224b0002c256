import { ADMIN as SHARED_ADMIN, createOtherOrganization } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';

// Mixed case on purpose: sign-in and uniqueness ignore the case of the email.
const ADMIN = { ...SHARED_ADMIN, email: 'Ada@Acme.example' };

describe('auth and tenancy (real HTTP, real Postgres)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  });
  afterAll(() => t.close());

  it('asks for setup on a fresh install, then creates the first admin once', async () => {
    expect((await call(t.url, 'GET', '/api/auth/setup')).body).toEqual({ needs_setup: true });

    const bad = await call(t.url, 'POST', '/api/auth/setup', { body: { ...ADMIN, password: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.arrayContaining([expect.stringContaining('password')]));

    const ok = await call(t.url, 'POST', '/api/auth/setup', { body: ADMIN });
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 43200 });
    adminToken = ok.body.access_token;

    const again = await call(t.url, 'POST', '/api/auth/setup', { body: { ...ADMIN, email: 'other@acme.example' } });
    expect(again.status).toBe(409);
    expect((await call(t.url, 'GET', '/api/auth/setup')).body).toEqual({ needs_setup: false });
  });

  it('signs in case-insensitively and rejects a wrong password with 401', async () => {
    const ok = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'ada@acme.EXAMPLE', password: ADMIN.password } });
    expect(ok.status).toBe(200);
    const wrong = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'ada@acme.example', password: 'nope nope nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Invalid email or password');
    const unknown = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'who@acme.example', password: 'nope nope nope' } });
    expect(unknown.status).toBe(401);
  });

  it('names the offending field and rejects unknown fields', async () => {
    const r = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'not-an-email', password: 'x', admin: true } });
    expect(r.status).toBe(400);
    expect(r.body.message).toEqual(
      expect.arrayContaining(['email must be an email', 'property admin should not exist']),
    );
    const malformed = await call(t.url, 'POST', '/api/auth/login', { body: '{"email":' });
    expect(malformed.status).toBe(400);
  });

  it('requires credentials everywhere but the public routes', async () => {
    expect((await call(t.url, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await call(t.url, 'GET', '/api/users', { token: 'garbage' })).status).toBe(401);
    expect((await call(t.url, 'GET', '/api/users', { apiKey: 'ppk_not_a_real_key' })).status).toBe(401);
    expect((await call(t.url, 'GET', '/metrics')).status).toBe(401);
    expect((await call(t.url, 'GET', '/api/healthz')).status).toBe(200);
    const me = await call(t.url, 'GET', '/api/auth/me', { token: adminToken });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'ada@acme.example', role: 'admin', name: 'Ada Admin' });
    expect(me.body.organization.name).toBe('Acme Marketing');
  });

  it('lets admins add members; members cannot reach admin routes (403)', async () => {
    const created = await call(t.url, 'POST', '/api/users', {
      token: adminToken,
      body: { email: 'max@acme.example', name: 'Max Member', password: 'member pass 1', role: 'member' },
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('password_hash');
    const dup = await call(t.url, 'POST', '/api/users', {
      token: adminToken,
      body: { email: 'MAX@acme.example', name: 'Max Again', password: 'member pass 1', role: 'member' },
    });
    expect(dup.status).toBe(409);
    const login = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'max@acme.example', password: 'member pass 1' } });
    const memberToken = login.body.access_token;
    expect((await call(t.url, 'GET', '/api/auth/me', { token: memberToken })).body.user.role).toBe('member');
    expect((await call(t.url, 'GET', '/api/users', { token: memberToken })).status).toBe(403);
    expect((await call(t.url, 'POST', '/api/api-keys', { token: memberToken, body: { name: 'x' } })).status).toBe(403);
  });

  it('issues API keys shown once, accepts them as X-API-Key, and revokes them', async () => {
    const created = await call(t.url, 'POST', '/api/api-keys', { token: adminToken, body: { name: 'CMS', role: 'admin' } });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^ppk_[\w-]{40,}$/);
    expect(created.body.prefix).toBe(key.slice(0, 12));

    const list = await call(t.url, 'GET', '/api/api-keys', { token: adminToken });
    expect(list.body).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(key);

    const me = await call(t.url, 'GET', '/api/auth/me', { apiKey: key });
    expect(me.status).toBe(200);
    expect(me.body.principal).toBe('api-key');
    // Prometheus-style bearer use of the same key.
    expect((await call(t.url, 'GET', '/metrics', { token: key })).status).toBe(200);

    expect((await call(t.url, 'DELETE', `/api/api-keys/${created.body.id}`, { token: adminToken })).status).toBe(204);
    expect((await call(t.url, 'GET', '/api/auth/me', { apiKey: key })).status).toBe(401);
    expect((await call(t.url, 'DELETE', '/api/api-keys/not-a-uuid', { token: adminToken })).status).toBe(400);
  });

  it("never shows one organization another's data (404, not 403)", async () => {
    const globexToken = await createOtherOrganization(t);

    const acmeKey = await call(t.url, 'POST', '/api/api-keys', { token: adminToken, body: { name: 'Acme only' } });
    const users = await call(t.url, 'GET', '/api/users', { token: globexToken });
    expect(users.body.map((u: { email: string }) => u.email)).toEqual(['gina@globex.example']);
    expect((await call(t.url, 'GET', '/api/api-keys', { token: globexToken })).body).toEqual([]);
    expect((await call(t.url, 'DELETE', `/api/api-keys/${acmeKey.body.id}`, { token: globexToken })).status).toBe(404);
    // Still usable by its owner.
    expect((await call(t.url, 'GET', '/api/auth/me', { apiKey: acmeKey.body.key })).body.organization.name).toBe('Acme Marketing');
  });

  it('sends fixed security headers and a request id, and keeps unknown /api paths as JSON 404', async () => {
    const r = await call(t.url, 'GET', '/api/no-such-thing', { headers: { 'x-request-id': 'trace-123' } });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ statusCode: 404 });
    expect(r.headers.get('x-request-id')).toBe('trace-123');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const docs = await fetch(`${t.url}/api/docs`);
    expect(docs.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('rejects bodies over the limit with 413 and keeps serving', async () => {
    const big = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(t.config.http.bodyLimit) });
    const r = await call(t.url, 'POST', '/api/auth/login', { body: big });
    expect(r.status).toBe(413);
    expect((await call(t.url, 'GET', '/api/healthz')).status).toBe(200);
  });

  it('serves a valid OpenAPI 3 document', async () => {
    const r = await call(t.url, 'GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(r.body.paths['/api/auth/login'].post.operationId).toBe('login');
    expect(r.body.components.securitySchemes).toHaveProperty('api-key');
  });
});

describe('rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After after 10 login attempts a minute from one address', async () => {
    const attempt = () => call(t.url, 'POST', '/api/auth/login', { body: { email: 'x@y.example', password: 'whatever 123' } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other routes are limited separately and keep working.
    expect((await call(t.url, 'GET', '/api/auth/setup')).status).toBe(200);
  });
});

describe('CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://portal.acme.example' });
  });
  afterAll(() => t.close());

  const preflight = (origin: string) =>
    fetch(`${t.url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('allows the configured origin and no other', async () => {
    const ok = await preflight('https://portal.acme.example');
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.acme.example');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
