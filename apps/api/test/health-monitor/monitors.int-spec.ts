import { type PlatformSim, startPlatformSim } from '@postprober/platform-sim';
import { DataSource } from 'typeorm';
import { sleep, waitFor } from '../support/polling';
import { setUpFirstAdmin, setUpTenants, Tenants } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';
import { ChecksRetention } from '../../src/tools/health-monitor/sweep/checks-retention';

/** Polls the API every 100 ms for up to 10 s by default. */
const until = (what: string, ok: () => Promise<boolean>, timeoutMs = 10_000) => waitFor(ok, what, timeoutMs, 100);

describe('health monitor: monitors, checks, status, history, incidents (real HTTP, real Postgres)', () => {
  let sim: PlatformSim;
  let t: TestApp;
  let u: Tenants;
  const api = (method: string, path: string, token: string, body?: unknown) => call(t.url, method, path, { token, body });

  beforeAll(async () => {
    sim = await startPlatformSim();
    t = await startTestApp({
      RATE_LIMIT_PER_MINUTE: '100000',
      MONITOR_ALLOW_PRIVATE: 'true',
      MONITOR_MIN_INTERVAL_SECONDS: '1',
      HEALTH_SWEEP_TICK_MS: '200',
      STATUS_PAGE_URL_TWITTER: sim.urls.statusPage('twitter'),
      STATUS_PAGE_URL_LINKEDIN: sim.urls.statusPage('linkedin'),
      // Meta has one status page for both: one probe serves Instagram's and Facebook's monitors.
      STATUS_PAGE_URL_INSTAGRAM: sim.urls.statusPage('facebook'),
      STATUS_PAGE_URL_FACEBOOK: sim.urls.statusPage('facebook'),
    });
    u = await setUpTenants(t);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('gives each organization the four status-page monitors once; deleting one does not bring it back', async () => {
    const list = await api('GET', '/api/monitors', u.memberToken);
    expect(list.status).toBe(200);
    const defaults = list.body.filter((m: { is_default: boolean }) => m.is_default);
    expect(defaults.map((m: { platform: string }) => m.platform).sort()).toEqual(['facebook', 'instagram', 'linkedin', 'twitter']);
    expect(defaults.every((m: { kind: string }) => m.kind === 'statuspage')).toBe(true);
    expect(defaults.find((m: { platform: string }) => m.platform === 'twitter').url).toBe(sim.urls.statusPage('twitter'));

    const linkedin = defaults.find((m: { platform: string }) => m.platform === 'linkedin');
    expect((await api('DELETE', `/api/monitors/${linkedin.id}`, u.adminToken)).status).toBe(204);
    await sleep(500); // a few sweeps, which also seed organizations
    const again = await api('GET', '/api/monitors', u.adminToken);
    expect(again.body.filter((m: { is_default: boolean }) => m.is_default)).toHaveLength(3);
    // The other organization has its own four.
    expect((await api('GET', '/api/monitors', u.otherToken)).body.filter((m: { is_default: boolean }) => m.is_default)).toHaveLength(4);
  });

  it('probes a status page shared by many organizations once per sweep and records it for each', async () => {
    const defaults = async () =>
      [...(await api('GET', '/api/monitors', u.adminToken)).body, ...(await api('GET', '/api/monitors', u.otherToken)).body].filter(
        (m: { is_default: boolean }) => m.is_default,
      );
    await until('the default monitors to be checked', async () => (await defaults()).every((m: { last_check: unknown }) => m.last_check !== null));
    const seen = new Set((await defaults()).map((m: { last_check: { id: string } }) => m.last_check.id));
    const metaPage = sim.urls.statusPage('facebook');
    const hits = { meta: sim.controls.requestsTo(metaPage), twitter: sim.controls.requestsTo(sim.urls.statusPage('twitter')) };

    // Make all of them due at once: one sweep takes them together.
    await t.app.get(DataSource).query(
      `UPDATE "monitor_schedule" s SET "due_at" = now() FROM "monitors" m WHERE m."id" = s."monitor_id" AND m."is_default"`,
    );
    await until('a new check of every default monitor', async () =>
      (await defaults()).every((m: { last_check: { id: string } }) => !seen.has(m.last_check.id)),
    );
    // Both organizations' Instagram and Facebook monitors point at /status/meta: one probe served all four.
    expect(sim.controls.requestsTo(metaPage)).toBe(hits.meta + 1);
    expect(sim.controls.requestsTo(sim.urls.statusPage('twitter'))).toBe(hits.twitter + 1);
    const meta = (await defaults()).filter((m: { url: string }) => m.url === metaPage);
    expect(meta).toHaveLength(4);
    expect(new Set(meta.map((m: { last_check: { checked_at: string } }) => m.last_check.checked_at)).size).toBe(1);
    expect(new Set(meta.map((m: { last_check: { id: string } }) => m.last_check.id)).size).toBe(4);
    expect(meta[0].last_check).toMatchObject({ status: 'healthy', http_status: 200, error_class: null });
  });

  it('creates, reads, updates and deletes a monitor; the access token is stored encrypted and never returned', async () => {
    const target = sim.urls.health('instagram');
    const created = await api('POST', '/api/monitors', u.adminToken, {
      name: 'Acme API',
      platform: 'custom',
      kind: 'http',
      url: target,
      headers: { Accept: 'application/json' },
      access_token: 'super-secret-token-123',
      interval_seconds: 60,
      enabled: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Acme API',
      platform: 'custom',
      kind: 'http',
      url: target,
      method: 'GET',
      headers: { Accept: 'application/json' },
      has_access_token: true,
      expected_status: 200,
      components: [],
      timeout_ms: 5000,
      interval_seconds: 60,
      enabled: false,
      is_default: false,
      next_check_at: expect.any(String),
      created_at: expect.any(String),
      updated_at: expect.any(String),
      last_check: null,
    });
    const id = created.body.id;
    const [row] = await t.app.get(DataSource).query(`SELECT "access_token_encrypted" FROM "monitors" WHERE "id" = $1`, [id]);
    expect(row.access_token_encrypted).toMatch(/^v1:/);
    expect(row.access_token_encrypted).not.toContain('super-secret');

    const read = await api('GET', `/api/monitors/${id}`, u.memberToken);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain('super-secret');

    // Check now (the monitor is disabled, so only this probe runs): the token goes out as a Bearer header.
    const check = await api('POST', `/api/monitors/${id}/check`, u.adminToken);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ monitor_id: id, status: 'healthy', http_status: 200, error_class: null, latency_ms: expect.any(Number) });
    expect(sim.controls.lastHeadersTo(target)).toMatchObject({ authorization: 'Bearer super-secret-token-123', accept: 'application/json' });
    expect((await api('GET', `/api/monitors/${id}`, u.adminToken)).body.last_check).toEqual(check.body);

    const updated = await api('PATCH', `/api/monitors/${id}`, u.adminToken, { name: 'Acme API v2', access_token: null, timeout_ms: 2000 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Acme API v2', has_access_token: false, timeout_ms: 2000, url: target });
    expect(updated.body.last_check).toEqual(check.body);

    expect((await api('DELETE', `/api/monitors/${id}`, u.adminToken)).status).toBe(204);
    expect((await api('GET', `/api/monitors/${id}`, u.adminToken)).status).toBe(404);
    expect((await api('DELETE', `/api/monitors/${id}`, u.adminToken)).status).toBe(404);
  });

  it('rejects bad monitors with 400s naming the field', async () => {
    const bad = await api('POST', '/api/monitors', u.adminToken, {
      name: '',
      platform: 'myspace',
      kind: 'ping',
      url: 'gopher://x',
      headers: { Authorization: 'Bearer x' },
      timeout_ms: 50,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'name must not be empty',
        'platform must be one of: twitter, linkedin, instagram, facebook, custom',
        'kind must be one of: http, platform-api, statuspage',
        'url must be an http or https URL',
        expect.stringContaining('headers must be an object'),
        'timeout_ms must not be less than 100',
      ]),
    );
    const unknown = await api('POST', '/api/monitors', u.adminToken, { name: 'x', platform: 'custom', kind: 'http', url: sim.url, access_token_encrypted: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('property access_token_encrypted should not exist');
  });

  it('lets members read but not write, and keeps other organizations out (404)', async () => {
    const mine = await api('POST', '/api/monitors', u.adminToken, { name: 'Mine', platform: 'custom', kind: 'http', url: `${sim.url}/mine`, enabled: false });
    const id = mine.body.id;
    expect((await api('POST', '/api/monitors', u.memberToken, { name: 'x', platform: 'custom', kind: 'http', url: sim.url })).status).toBe(403);
    expect((await api('PATCH', `/api/monitors/${id}`, u.memberToken, { name: 'y' })).status).toBe(403);
    expect((await api('DELETE', `/api/monitors/${id}`, u.memberToken)).status).toBe(403);
    expect((await api('POST', `/api/monitors/${id}/check`, u.memberToken)).status).toBe(403);
    expect((await api('GET', `/api/monitors/${id}`, u.memberToken)).status).toBe(200);

    expect((await api('GET', `/api/monitors/${id}`, u.otherToken)).status).toBe(404);
    expect((await api('PATCH', `/api/monitors/${id}`, u.otherToken, { name: 'stolen' })).status).toBe(404);
    expect((await api('DELETE', `/api/monitors/${id}`, u.otherToken)).status).toBe(404);
    expect((await api('POST', `/api/monitors/${id}/check`, u.otherToken)).status).toBe(404);
    expect((await api('GET', `/api/health-history?monitor=${id}`, u.otherToken)).status).toBe(404);
    expect((await api('GET', '/api/monitors', u.otherToken)).body.map((m: { id: string }) => m.id)).not.toContain(id);
    expect((await call(t.url, 'GET', '/api/monitors')).status).toBe(401);
  });

  it('serves health-status from what was recorded, and the history series', async () => {
    const m = (await api('POST', '/api/monitors', u.adminToken, { name: 'Status API', platform: 'twitter', kind: 'http', url: sim.urls.health('twitter'), enabled: false })).body;
    // Warm the snapshot first: the monitor must then show through the reload that its update triggers, not a first load.
    expect((await api('GET', '/api/health-status', u.memberToken)).status).toBe(200);
    const first = (await api('POST', `/api/monitors/${m.id}/check`, u.adminToken)).body;
    const second = (await api('POST', `/api/monitors/${m.id}/check`, u.adminToken)).body;

    // A disabled monitor is not part of the status; enable it (the sweep may now check it too).
    await api('PATCH', `/api/monitors/${m.id}`, u.adminToken, { enabled: true, interval_seconds: 3600 });
    await until('the monitor to appear in health-status', async () => {
      const s = (await api('GET', '/api/health-status', u.memberToken)).body;
      return s.monitors.some((x: { monitor_id: string }) => x.monitor_id === m.id);
    });
    const status = (await api('GET', '/api/health-status', u.memberToken)).body;
    expect(status).toEqual({
      platforms: expect.any(Array),
      overall_status: expect.stringMatching(/^(healthy|degraded|down)$/),
      status_reason: null,
      last_updated: expect.any(String),
      monitors: expect.any(Array),
    });
    const mine = status.monitors.find((x: { monitor_id: string }) => x.monitor_id === m.id);
    expect(mine).toMatchObject({ name: 'Status API', platform: 'twitter', status: 'healthy', http_status: 200, error_class: null });
    expect(Date.parse(mine.last_check)).toBeGreaterThanOrEqual(Date.parse(second.checked_at));
    const twitter = status.platforms.find((p: { platform: string }) => p.platform === 'twitter');
    expect(twitter).toMatchObject({ status: 'healthy', response_time: expect.any(Number), last_check: expect.any(String) });
    expect(status.monitors.map((x: { monitor_id: string }) => x.monitor_id)).not.toContain(undefined);
    // Only this organization's monitors.
    const other = (await api('GET', '/api/health-status', u.otherToken)).body;
    expect(other.monitors.map((x: { monitor_id: string }) => x.monitor_id)).not.toContain(m.id);

    const history = await api('GET', `/api/health-history?monitor=${m.id}&hours=24`, u.memberToken);
    expect(history.status).toBe(200);
    expect(history.body.monitor_id).toBe(m.id);
    expect(history.body.hours).toBe(24);
    expect(history.body.series.slice(0, 2)).toEqual([
      { checked_at: first.checked_at, status: 'healthy', latency_ms: first.latency_ms, http_status: 200 },
      { checked_at: second.checked_at, status: 'healthy', latency_ms: second.latency_ms, http_status: 200 },
    ]);
    for (const hours of ['0', '169', 'x']) {
      const r = await api('GET', `/api/health-history?monitor=${m.id}&hours=${hours}`, u.memberToken);
      expect(r.status).toBe(400);
      expect(r.body.message).toContain('hours must be a whole number from 1 to 168');
    }
  });

  it('healthy → slow → down → recovered opens, escalates and resolves exactly one incident', async () => {
    const m = (await api('POST', '/api/monitors', u.adminToken, { name: 'Flow API', platform: 'facebook', kind: 'http', url: sim.urls.health('facebook'), enabled: false })).body;
    const check = async () => (await api('POST', `/api/monitors/${m.id}/check`, u.adminToken)).body;
    for (let i = 0; i < 5; i++) expect((await check()).status).toBe('healthy'); // learns a baseline of a few ms
    const incidents = async () => (await api('GET', `/api/incidents?platform=facebook`, u.memberToken)).body;

    sim.controls.set('facebook', { latency_ms: 400 });
    expect((await check()).status).toBe('degraded');
    expect((await incidents()).total).toBe(0); // one bad check does not open an incident
    expect((await check()).status).toBe('degraded');
    const opened = await incidents();
    expect(opened.total).toBe(1);
    expect(opened.items[0]).toMatchObject({ monitor_id: m.id, kind: 'availability', status: 'open', severity: 'warning', peak_severity: 'warning', engine: 'builtin' });

    sim.controls.set('facebook', { latency_ms: 0, down: '503' });
    expect(await check()).toMatchObject({ status: 'down', http_status: 503, error_class: 'http-status' });
    expect((await incidents()).items[0]).toMatchObject({ status: 'open', severity: 'critical', peak_severity: 'critical' });

    sim.controls.set('facebook', { down: false });
    await check();
    expect((await incidents()).items[0].status).toBe('open'); // one good check does not resolve it
    await check();
    const resolved = await incidents();
    expect(resolved.total).toBe(1);
    const incident = resolved.items[0];
    expect(incident).toMatchObject({ status: 'resolved', peak_severity: 'critical', resolved_at: expect.any(String) });
    expect(incident.message.length).toBeLessThanOrEqual(100);

    const detail = await api('GET', `/api/incidents/${incident.id}`, u.memberToken);
    expect(detail.status).toBe(200);
    expect(detail.body.events.map((e: { type: string; severity: string }) => [e.type, e.severity])).toEqual([
      ['opened', 'warning'],
      ['escalated', 'critical'],
      ['resolved', 'critical'],
    ]);
    expect((await api('GET', `/api/incidents/${incident.id}`, u.otherToken)).status).toBe(404);
    expect((await api('GET', '/api/incidents?status=open&platform=facebook', u.memberToken)).body.total).toBe(0);
    expect((await api('GET', '/api/incidents?status=closed', u.memberToken)).status).toBe(400);

    // Each transition that users must hear about was written to the alerts log, in order.
    const alerts = await t.app
      .get(DataSource)
      .query(`SELECT "type", "severity" FROM "alerts" WHERE "incident_id" = $1 ORDER BY "id"`, [incident.id]);
    expect(alerts).toEqual([
      { type: 'opened', severity: 'warning' },
      { type: 'escalated', severity: 'critical' },
      { type: 'resolved', severity: 'critical' },
    ]);
  });

  it('opens no incident for a target that flaps between slow and fine', async () => {
    const m = (await api('POST', '/api/monitors', u.adminToken, { name: 'Flappy', platform: 'linkedin', kind: 'http', url: sim.urls.health('linkedin'), enabled: false })).body;
    const check = async () => (await api('POST', `/api/monitors/${m.id}/check`, u.adminToken)).body;
    for (let i = 0; i < 5; i++) await check();
    for (let i = 0; i < 4; i++) {
      sim.controls.set('linkedin', { latency_ms: 400 });
      expect((await check()).status).toBe('degraded');
      sim.controls.set('linkedin', { latency_ms: 0 });
      expect((await check()).status).toBe('healthy');
    }
    expect((await api('GET', '/api/incidents?platform=linkedin', u.memberToken)).body.total).toBe(0);
  });

  it('reports an expired token as a credentials incident, not an outage', async () => {
    sim.controls.set('twitter', { token_expired: true });
    const m = (
      await api('POST', '/api/monitors', u.adminToken, {
        name: 'X account',
        platform: 'twitter',
        kind: 'platform-api',
        url: sim.urls.api('twitter'),
        access_token: 'expired-token',
        enabled: false,
      })
    ).body;
    for (let i = 0; i < 2; i++) expect(await api('POST', `/api/monitors/${m.id}/check`, u.adminToken)).toMatchObject({ body: { error_class: 'credentials' } });
    const list = (await api('GET', '/api/incidents?platform=twitter&status=open', u.memberToken)).body;
    expect(list.items.filter((i: { monitor_id: string }) => i.monitor_id === m.id)).toEqual([
      expect.objectContaining({ kind: 'credentials', severity: 'critical', recommended_action: expect.stringMatching(/reconnect/i) }),
    ]);
    sim.controls.set('twitter', { token_expired: false });
  });

  it('probes due monitors from the sweep on their interval', async () => {
    const target = sim.urls.bench(1);
    const m = (await api('POST', '/api/monitors', u.adminToken, { name: 'Swept', platform: 'custom', kind: 'http', url: target, interval_seconds: 1 })).body;
    await until('three checks of the monitor', async () =>
      (await api('GET', `/api/health-history?monitor=${m.id}&hours=1`, u.adminToken)).body.series.length >= 3,
    );
    const history = (await api('GET', `/api/health-history?monitor=${m.id}&hours=1`, u.adminToken)).body.series;
    const at = history.map((c: { checked_at: string }) => Date.parse(c.checked_at));
    // About one interval apart, not once per 200 ms tick. The first check may start up to a tick after its
    // slot; the next ones keep the fixed rate (slot + interval), so that gap can be a tick short of a second.
    const gaps = at.slice(1).map((t: number, i: number) => t - at[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(700);
    expect(at[2] - at[1]).toBeGreaterThanOrEqual(900);
  });

  it('deletes checks past the retention period and keeps the recent ones', async () => {
    const db = t.app.get(DataSource);
    const [m] = (await api('GET', '/api/monitors', u.adminToken)).body.filter((x: { last_check: unknown }) => x.last_check !== null);
    const before: { n: string }[] = await db.query(`SELECT count(*) AS n FROM "health_checks" WHERE "monitor_id" = $1`, [m.id]);
    await db.query(
      `INSERT INTO "health_checks" ("organization_id", "monitor_id", "checked_at", "status")
       SELECT "organization_id", "id", now() - interval '31 days' - g * interval '1 minute', 'healthy' FROM "monitors", generate_series(1, 3) g WHERE "id" = $1`,
      [m.id],
    );
    expect(await t.app.get(ChecksRetention).purge()).toBe(3);
    const expired: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM "health_checks" WHERE "monitor_id" = $1 AND "checked_at" < now() - interval '30 days'`,
      [m.id],
    );
    expect(expired[0].n).toBe(0);
    const after: { n: string }[] = await db.query(`SELECT count(*) AS n FROM "health_checks" WHERE "monitor_id" = $1`, [m.id]);
    expect(Number(after[0].n)).toBeGreaterThanOrEqual(Number(before[0].n));
    expect(Number(after[0].n)).toBeGreaterThan(0);
  });

  it('applies a shorter interval at once instead of after the old wait', async () => {
    const target = sim.urls.bench(2);
    const m = (await api('POST', '/api/monitors', u.adminToken, { name: 'Slowly', platform: 'custom', kind: 'http', url: target, interval_seconds: 3600 })).body;
    await until('the first check', async () => sim.controls.requestsTo(target) >= 1);
    const hits = sim.controls.requestsTo(target);
    const patched = await api('PATCH', `/api/monitors/${m.id}`, u.adminToken, { interval_seconds: 1, timeout_ms: 900 });
    expect(patched.status).toBe(200);
    await until('a check within the new interval', async () => sim.controls.requestsTo(target) > hits, 5_000);
  });
});

describe('health monitor without MONITOR_ALLOW_PRIVATE', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', HEALTH_SWEEP_TICK_MS: '3600000' });
    token = await setUpFirstAdmin(t.url);
  });
  afterAll(() => t?.close());

  it.each(['http://127.0.0.1:8080/health', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.5/', 'http://[::1]/', 'http://localhost/'])(
    'refuses %s with a 400 naming url',
    async (url) => {
      const r = await call(t.url, 'POST', '/api/monitors', { token, body: { name: 'Internal', platform: 'custom', kind: 'http', url } });
      expect(r.status).toBe(400);
      expect(r.body.message).toEqual([expect.stringMatching(/^url is refused: /)]);
    },
  );

  it('refuses a private target on update too', async () => {
    const m = await call(t.url, 'POST', '/api/monitors', { token, body: { name: 'Public', platform: 'custom', kind: 'http', url: 'http://93.184.215.14/' } });
    expect(m.status).toBe(201);
    const r = await call(t.url, 'PATCH', `/api/monitors/${m.body.id}`, { token, body: { url: 'http://192.168.1.1/' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toEqual([expect.stringMatching(/^url is refused: /)]);
  });

  it('enforces the minimum interval (30 s by default) naming interval_seconds', async () => {
    const r = await call(t.url, 'POST', '/api/monitors', { token, body: { name: 'Fast', platform: 'custom', kind: 'http', url: 'http://93.184.215.14/', interval_seconds: 10 } });
    expect(r.status).toBe(400);
    expect(r.body.message).toEqual(['interval_seconds must not be less than 30']);
    expect(r.body.fields).toEqual(['interval_seconds']);
  });

  it('refuses a timeout that is not below the interval, naming the field that was changed', async () => {
    const body = { name: 'Slow', platform: 'custom', kind: 'http', url: 'http://93.184.215.14/' };
    const tooLong = await call(t.url, 'POST', '/api/monitors', { token, body: { ...body, interval_seconds: 30, timeout_ms: 30_000 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toEqual(['timeout_ms must be less than the interval (30 s = 30000 ms)']);
    expect(tooLong.body.fields).toEqual(['timeout_ms']);

    const m = await call(t.url, 'POST', '/api/monitors', { token, body: { ...body, interval_seconds: 60, timeout_ms: 30_000 } });
    expect(m.status).toBe(201);
    const shorter = await call(t.url, 'PATCH', `/api/monitors/${m.body.id}`, { token, body: { interval_seconds: 30 } });
    expect(shorter.status).toBe(400);
    expect(shorter.body.message).toEqual(["interval_seconds must be longer than the monitor's timeout_ms (30000 ms)"]);
    expect(shorter.body.fields).toEqual(['interval_seconds']);
    const both = await call(t.url, 'PATCH', `/api/monitors/${m.body.id}`, { token, body: { interval_seconds: 30, timeout_ms: 10_000 } });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ interval_seconds: 30, timeout_ms: 10_000 });
  });
});

describe('health monitor: monitors per organization (MONITORS_PER_ORGANIZATION)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', HEALTH_SWEEP_TICK_MS: '3600000', MONITORS_PER_ORGANIZATION: '6' });
    token = await setUpFirstAdmin(t.url);
  });
  afterAll(() => t?.close());

  it('takes the limit from configuration: the four defaults and two more, then a 400 naming the setting', async () => {
    const add = (n: number) =>
      call(t.url, 'POST', '/api/monitors', { token, body: { name: `Site ${n}`, platform: 'custom', kind: 'http', url: 'http://93.184.215.14/' } });
    expect((await call(t.url, 'GET', '/api/monitors', { token })).body).toHaveLength(4);
    expect((await add(1)).status).toBe(201);
    expect((await add(2)).status).toBe(201);
    const refused = await add(3);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('An organization can have at most 6 monitors (MONITORS_PER_ORGANIZATION); delete one first');
    expect((await call(t.url, 'GET', '/api/monitors', { token })).body).toHaveLength(6);
  });
});
