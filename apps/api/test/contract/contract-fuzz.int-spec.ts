import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUpFirstAdmin } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';

/**
 * Walks every operation of the committed OpenAPI document with bad values, signed in as the admin: wrong
 * types, huge strings, NUL, deep nesting, bad ids and bad query values. Every answer must be a 4xx (never a
 * 5xx or a hang), the server must keep serving, and nothing stored before may be lost.
 */
type Operation = { parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, { schema: { $ref?: string } }> } };
const doc = JSON.parse(readFileSync(join(__dirname, '../../../../openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const REQUEST_TIMEOUT_MS = 10_000;

const deep = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((acc) => [acc], 'leaf');
const BAD_VALUES: unknown[] = [12345, -1, 1e308, true, null, [], {}, 'x'.repeat(20_000), 'nul\u0000here', deep(200), { $gt: '' }];
const BAD_BODIES: string[] = ['"a string"', '42', '[]', 'null', '{"a":', '['.repeat(5000) + '1' + ']'.repeat(5000), '{"__proto__":{"admin":true}}'];
const BAD_QUERY = ['abc', '-1', '1e999', '%00', '%ED%A0%80', 'x'.repeat(4000), '[]', '{"a":1}'];
const BAD_IDS = ['not-a-uuid', '00000000-0000-4000-8000-000000000000', '%00', 'x'.repeat(2000), '1%3B%20DROP%20TABLE%20users', '..%2F..%2Fetc'];

function propertiesOf(op: Operation): Array<[string, { type?: string }]> {
  const ref = op.requestBody && Object.values(op.requestBody.content)[0]?.schema.$ref;
  const name = ref?.split('/').pop();
  return Object.entries((name && doc.components.schemas[name]?.properties) ?? {}) as Array<[string, { type?: string }]>;
}

/** An empty list is a valid value for a list field (it clears it), so it is not a bad value there. */
const isBadFor = (schema: { type?: string }, v: unknown) => !(schema.type === 'array' && Array.isArray(v) && v.length === 0);

describe('contract fuzz: every operation of openapi.json with bad values', () => {
  let t: TestApp;
  let token: string;
  const stored: Record<string, number> = {};
  const listPaths = ['/api/drafts', '/api/api-keys', '/api/monitors', '/api/users'];

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000000', MONITOR_ALLOW_PRIVATE: 'true' });
    token = await setUpFirstAdmin(t.url);
    await call(t.url, 'POST', '/api/drafts', { token, body: { platform: 'twitter', content: 'Keep me' } });
    await call(t.url, 'POST', '/api/api-keys', { token, body: { name: 'Keep me' } });
    await call(t.url, 'POST', '/api/users', { token, body: { name: 'Mo Member', email: 'mo@acme.example', password: 'correct horse 2', role: 'member' } });
    for (const p of listPaths) {
      const r = await call(t.url, 'GET', p, { token });
      stored[p] = (r.body as unknown[]).length;
      expect(stored[p]).toBeGreaterThan(0);
    }
  });
  afterAll(() => t.close());

  it('answers only 4xx, never hangs, keeps serving and loses nothing', async () => {
    const answers: Array<{ what: string; status: number }> = [];
    const send = async (method: string, path: string, body?: string) => {
      const res = await fetch(t.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.text();
      answers.push({ what: `${method} ${path.slice(0, 120)} ${body?.slice(0, 60) ?? ''}`, status: res.status });
    };

    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const m = method.toUpperCase();
        const hasPathId = template.includes('{');
        const fill = (id: string) => template.replace(/\{[^}]+\}/g, id);
        // A valid-looking path, so body and query fuzzing reach validation rather than stopping at routing.
        const base = fill('00000000-0000-4000-8000-000000000000');
        if (hasPathId) for (const id of BAD_IDS) await send(m, fill(id), op.requestBody ? '{}' : undefined);
        for (const q of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          for (const v of BAD_QUERY) await send(m, `${base}?${q.name}=${v}`);
        }
        if (op.requestBody) {
          for (const b of BAD_BODIES) await send(m, base, b);
          for (const [prop, schema] of propertiesOf(op)) {
            for (const v of BAD_VALUES.filter((v) => isBadFor(schema, v))) await send(m, base, JSON.stringify({ [prop]: v }));
          }
        }
      }
    }

    const wrong = answers.filter((a) => a.status < 400 || a.status >= 500);
    expect(wrong).toEqual([]);
    expect(answers.length).toBeGreaterThan(300);
    expect((await call(t.url, 'GET', '/api/livez')).status).toBe(200);
    for (const p of listPaths) expect(((await call(t.url, 'GET', p, { token })).body as unknown[]).length).toBe(stored[p]);
  }, 240_000);
});
