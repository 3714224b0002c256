import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, setUpFirstAdmin } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';

const ERROR_SCHEMA = (
  JSON.parse(readFileSync(join(__dirname, '../../../../openapi.json'), 'utf8')) as {
    components: { schemas: Record<string, { required: string[]; properties: Record<string, unknown> }> };
  }
).components.schemas['ErrorResponseDto'];


/** The ErrorResponseDto shape every error answer has (openapi.json components.schemas.ErrorResponseDto). */
function expectErrorBody(r: Awaited<ReturnType<typeof call>>) {
  expect(r.body).toEqual({
    statusCode: r.status,
    error: expect.any(String),
    message: expect.anything(),
    request_id: r.headers.get('x-request-id'),
    ...(r.body.fields ? { fields: expect.any(Array) } : {}),
  });
  expect(typeof r.body.message === 'string' || Array.isArray(r.body.message)).toBe(true);
  // The same fields the committed spec declares: all required ones, nothing undeclared.
  for (const key of ERROR_SCHEMA.required) expect(r.body).toHaveProperty(key);
  for (const key of Object.keys(r.body)) expect(Object.keys(ERROR_SCHEMA.properties)).toContain(key);
}

describe('bad input (real HTTP, real Postgres)', () => {
  let t: TestApp;
  let token: string;
  let monitorId: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', MONITOR_ALLOW_PRIVATE: 'true', BODY_LIMIT_BYTES: '65536' });
    token = await setUpFirstAdmin(t.url);
    const m = await call(t.url, 'POST', '/api/monitors', {
      token,
      body: { platform: 'custom', kind: 'http', name: 'Closed port', url: 'http://127.0.0.1:9/', timeout_ms: 1000 },
    });
    expect(m.status).toBe(201);
    monitorId = m.body.id;
  });
  afterAll(() => t.close());

  it('refuses a NUL character with a 400 naming the field, and stores nothing', async () => {
    const r = await call(t.url, 'POST', '/api/api-keys', { token, body: { name: 'a\u0000b' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toEqual(['name must not contain NUL characters']);
    expect(r.body.fields).toEqual(['name']);
    expectErrorBody(r);
    expect((await call(t.url, 'GET', '/api/api-keys', { token })).body).toEqual([]);
  });

  it('refuses lone surrogates in bodies, queries and path parameters', async () => {
    const body = await call(t.url, 'POST', '/api/drafts', { token, body: '{"platform":"twitter","content":"hi \\ud800"}' });
    expect(body.status).toBe(400);
    expect(body.body.fields).toEqual(['content']);
    const query = await call(t.url, 'GET', '/api/incidents?platform=%00', { token });
    expect(query.status).toBe(400);
    expect(query.body.fields).toEqual(['platform']);
    const path = await call(t.url, 'GET', '/api/monitors/%00', { token });
    expect(path.status).toBe(400);
    expect(path.body.fields).toEqual(['id']);
  });

  it('treats an empty JSON body as no body: accepted where none is taken, the usual 400 where one is needed', async () => {
    const headers = { 'content-type': 'application/json' };
    const check = await call(t.url, 'POST', `/api/monitors/${monitorId}/check`, { token, headers });
    expect(check.status).toBe(200);
    const key = await call(t.url, 'POST', '/api/api-keys', { token, headers });
    expect(key.status).toBe(400);
    expect(key.body.fields).toEqual(expect.arrayContaining(['name']));
    expectErrorBody(key);
  });

  it('answers every error with the one error schema', async () => {
    const cases = [
      await call(t.url, 'POST', '/api/auth/login', { body: { email: 'nope' } }), // 400
      await call(t.url, 'GET', '/api/users'), // 401
      await call(t.url, 'GET', '/api/monitors/00000000-0000-4000-8000-000000000000', { token }), // 404
      await call(t.url, 'POST', '/api/auth/setup', { body: ADMIN }), // 409
      await call(t.url, 'POST', '/api/drafts', { token, body: { platform: 'twitter', content: 'x'.repeat(70_000) } }), // 413
      await call(t.url, 'POST', '/api/auth/login', { body: '{"email":' }), // 400 malformed JSON
    ];
    expect(cases.map((c) => c.status)).toEqual([400, 401, 404, 409, 413, 400]);
    for (const c of cases) expectErrorBody(c);
    // Sign-in is limited per minute whatever RATE_LIMIT_PER_MINUTE says.
    let limited = cases[0];
    for (let i = 0; i < 20 && limited.status !== 429; i++) {
      limited = await call(t.url, 'POST', '/api/auth/login', { body: { email: 'x@acme.example', password: 'wrong password' } });
    }
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectErrorBody(limited);
  });
});
