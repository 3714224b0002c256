import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { signIn } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const OPERATOR_KEY = 'operator-key-for-tests-0123456789abcdef';
const BETA = { organization_name: 'Beta Foods', name: 'Bo Admin', email: 'bo@beta.example', password: 'beta pass 12' };
const GAMMA = { organization_name: 'Gamma Travel', name: 'Gus Admin', email: 'gus@gamma.example', password: 'gamma pass 12' };

describe('operator: organizations with their first admin (endpoint and CLI, real Postgres)', () => {
  let t: TestApp;
  /** key null: no X-Operator-Key header at all. */
  const create = (body: unknown, key: string | null = OPERATOR_KEY) =>
    call(t.url, 'POST', '/api/operator/organizations', { body, headers: key === null ? {} : { 'x-operator-key': key } });

  beforeAll(async () => {
    t = await startTestApp({ OPERATOR_KEY, RATE_LIMIT_PER_MINUTE: '100000', HEALTH_SWEEP_TICK_MS: '3600000' });
  });
  afterAll(() => t?.close());

  it('refuses callers without the operator key, with a wrong one, and with a customer token', async () => {
    const none = await create(BETA, null);
    expect(none.status).toBe(401);
    expect(none.body.message).toBe('Missing X-Operator-Key header');
    const wrong = await create(BETA, 'x'.repeat(40));
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Invalid operator key');
    const setup = await call(t.url, 'POST', '/api/auth/setup', { body: { ...BETA, email: 'first@alpha.example', organization_name: 'Alpha' } });
    const asCustomer = await call(t.url, 'POST', '/api/operator/organizations', { token: setup.body.access_token, body: GAMMA });
    expect(asCustomer.status).toBe(401);
  });

  it('validates the body with 400s naming the fields', async () => {
    const bad = await create({ organization_name: '', name: 'x', email: 'not-an-email', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual(expect.arrayContaining(['organization_name', 'email', 'password']));
  });

  it('creates two organizations whose admins sign in and see only their own data', async () => {
    const beta = await create(BETA);
    expect(beta.status).toBe(201);
    expect(beta.body).toMatchObject({ organization: { name: 'Beta Foods' }, admin: { email: 'bo@beta.example', role: 'admin' } });
    expect(JSON.stringify(beta.body)).not.toContain(BETA.password);
    const gamma = await create(GAMMA);
    expect(gamma.status).toBe(201);
    expect(gamma.body.organization.id).not.toBe(beta.body.organization.id);
    expect((await create({ ...GAMMA, organization_name: 'Gamma again' })).status).toBe(409);

    const betaToken = await signIn(t.url, BETA.email, BETA.password);
    const gammaToken = await signIn(t.url, GAMMA.email, GAMMA.password);
    const monitor = await call(t.url, 'POST', '/api/monitors', {
      token: betaToken,
      body: { name: 'Beta shop', platform: 'custom', kind: 'http', url: 'http://93.184.215.14/' },
    });
    expect(monitor.status).toBe(201);
    const betaMonitors = (await call(t.url, 'GET', '/api/monitors', { token: betaToken })).body as Array<{ id: string }>;
    const gammaMonitors = (await call(t.url, 'GET', '/api/monitors', { token: gammaToken })).body as Array<{ id: string }>;
    expect(betaMonitors.map((m) => m.id)).toContain(monitor.body.id);
    expect(gammaMonitors.map((m) => m.id)).not.toContain(monitor.body.id);
    expect((await call(t.url, 'GET', `/api/monitors/${monitor.body.id}`, { token: gammaToken })).status).toBe(404);
    const gammaUsers = (await call(t.url, 'GET', '/api/users', { token: gammaToken })).body as Array<{ email: string }>;
    expect(gammaUsers.map((u) => u.email)).toEqual([GAMMA.email]);
  });

  it('the CLI (npm run org:create) creates one, printing the generated password once', async () => {
    const { stdout } = await run(
      process.execPath,
      ['tools/create-organization.mjs', '--url', t.url, '--organization', 'Delta Bank', '--name', 'Dee Admin', '--email', 'dee@delta.example'],
      { cwd: `${__dirname}/../../../..`, env: { ...process.env, OPERATOR_KEY, ORG_ADMIN_PASSWORD: '' } },
    ).catch((e: { stderr?: string }) => Promise.reject(new Error(`CLI failed: ${e.stderr}`)));
    expect(stdout).toMatch(/^Created organization "Delta Bank" \([0-9a-f-]{36}\) with admin dee@delta.example$/m);
    const password = /Admin password \(shown once; ask them to keep it safe\): (\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();
    await expect(signIn(t.url, 'dee@delta.example', password ?? '')).resolves.toEqual(expect.any(String));

    const refused = await run(process.execPath, ['tools/create-organization.mjs', '--url', t.url, '--organization', 'E', '--name', 'E', '--email', 'dee@delta.example'], {
      cwd: `${__dirname}/../../../..`,
      env: { ...process.env, OPERATOR_KEY, ORG_ADMIN_PASSWORD: 'long enough pass' },
    }).then(
      () => null,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('Refused (409): email is already registered');
  });
});

describe('operator endpoint without OPERATOR_KEY', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ HEALTH_SWEEP_TICK_MS: '3600000' })));
  afterAll(() => t?.close());

  it('answers 403 saying operator access is not configured', async () => {
    const r = await call(t.url, 'POST', '/api/operator/organizations', { body: BETA, headers: { 'x-operator-key': 'anything-at-all' } });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('Operator access is not configured on this deployment (set OPERATOR_KEY)');
  });
});
