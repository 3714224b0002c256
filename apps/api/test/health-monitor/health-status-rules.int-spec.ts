import { startPlatformSim } from '@postprober/platform-sim';
import { summarizeHealth, type MonitorHealthRow } from '@postprober/shared/health-events';
import { waitFor } from '../support/polling';
import { setUpTenants, type Tenants } from '../support/tenants';
import { call, startTestApp, type TestApp } from '../support/test-app';
import { connectAlerts, type AlertsClient } from './alerts-socket';

/**
 * The rules behind GET /api/health-status, through the real app: probes against the platform simulator,
 * the real recorder and cache, the real socket. The sweep is parked (one tick an hour), so every check in
 * these tests is one this test asked for with "check now", in a known order.
 */
describe('health status rules (simulator → recorder → REST and socket)', () => {
  let sim: Awaited<ReturnType<typeof startPlatformSim>>;
  let t: TestApp;
  let u: Tenants;
  let socket: AlertsClient;
  const api = (method: string, path: string, body?: unknown) => call(t.url, method, path, { token: u.adminToken, body });
  const status = async () => {
    const res = await api('GET', '/api/health-status');
    expect(res.status).toBe(200);
    return res.body as { platforms: unknown[]; overall_status: string; status_reason: string | null; last_updated: string; monitors: MonitorHealthRow[] };
  };
  const createApiMonitor = async (platform: 'twitter' | 'instagram', name: string): Promise<string> => {
    const res = await api('POST', '/api/monitors', {
      name,
      platform,
      kind: 'platform-api',
      url: sim.urls.api(platform),
      access_token: 'sim-token',
      interval_seconds: 3600,
      timeout_ms: 3000,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  };
  /** "Check now", then the health_status push of that check. */
  const checkNow = async (monitorId: string): Promise<void> => {
    const pushed = socket.statuses.length;
    const res = await api('POST', `/api/monitors/${monitorId}/check`);
    expect(res.status).toBe(200);
    await waitFor(() => socket.statuses.slice(pushed).some((s) => s.monitor_id === monitorId), `the push of ${monitorId}'s check`, 5000);
  };

  beforeAll(async () => {
    sim = await startPlatformSim();
    t = await startTestApp({
      RATE_LIMIT_PER_MINUTE: '100000',
      MONITOR_ALLOW_PRIVATE: 'true',
      HEALTH_SWEEP_TICK_MS: '3600000',
      STATUS_PAGE_URL_TWITTER: sim.urls.statusPage('twitter'),
      STATUS_PAGE_URL_LINKEDIN: sim.urls.statusPage('linkedin'),
      STATUS_PAGE_URL_INSTAGRAM: sim.urls.statusPage('instagram'),
      STATUS_PAGE_URL_FACEBOOK: sim.urls.statusPage('facebook'),
    });
    u = await setUpTenants(t);
    socket = await connectAlerts(t, { token: u.adminToken });
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await t?.close();
    await sim?.close();
  });

  it('before its first checks a new organization sees its four default monitors as pending, and overall unknown', async () => {
    const body = await status();
    expect(body.monitors).toHaveLength(4);
    expect(body.monitors.every((m) => m.status === 'pending' && m.last_check === null && m.probe_kind === 'statuspage')).toBe(true);
    expect(body.platforms).toEqual(
      ['twitter', 'linkedin', 'instagram', 'facebook'].map((platform) => ({
        platform,
        status: 'pending',
        response_time: null,
        error_rate: null,
        rate_limit_used: null,
        rate_limit_total: null,
        rate_limit_percent: null,
        last_check: null,
        monitors: 1,
        stale: false, // never checked is pending, not stale
      })),
    );
    expect(body.overall_status).toBe('unknown');
    expect(body.status_reason).toBeNull();
    const monitors = await api('GET', '/api/monitors');
    expect(monitors.body.map((m: { platform: string }) => m.platform).sort()).toEqual(['facebook', 'instagram', 'linkedin', 'twitter']);
  });

  it('live rows re-derived from the pushed checks equal the REST rows after every check, a platform with an API probe and a status page included', async () => {
    const apiMonitor = await createApiMonitor('twitter', 'X API');
    const page = (await status()).monitors.find((m) => m.platform === 'twitter' && m.probe_kind === 'statuspage');
    if (!page) throw new Error('No default X status page monitor');
    const linkedinPage = (await status()).monitors.find((m) => m.platform === 'linkedin');
    if (!linkedinPage) throw new Error('No default LinkedIn status page monitor');

    // What the portal does: the REST snapshot once, then each pushed row replaces its monitor's row.
    let live = (await status()).monitors;
    let applied = socket.statuses.length;
    const compare = async (step: string) => {
      for (const update of socket.statuses.slice(applied)) live = live.map((m) => (m.monitor_id === update.monitor_id ? { ...m, ...update } : m));
      applied = socket.statuses.length;
      const rest = await status();
      const derived = summarizeHealth(live, Date.now());
      expect({ step, monitors: live }).toEqual({ step, monitors: rest.monitors });
      expect({ step, platforms: derived.platforms, overall: derived.overall_status, reason: derived.status_reason }).toEqual({
        step,
        platforms: rest.platforms,
        overall: rest.overall_status,
        reason: rest.status_reason,
      });
      return rest;
    };

    const steps: [string, () => void, string[]][] = [
      ['first API checks', () => undefined, [apiMonitor, apiMonitor, apiMonitor]],
      ['status page checked', () => undefined, [page.monitor_id]],
      ['enough checks for an error rate', () => undefined, [apiMonitor, apiMonitor, apiMonitor]],
      ['quota nearly used', () => sim.controls.set('twitter', { rate_limit_used_percent: 93 }), [apiMonitor]],
      ['status page reports a major outage', () => sim.controls.set('twitter', { status_indicator: 'major' }), [page.monitor_id]],
      ['API answers 503', () => sim.controls.set('twitter', { down: '503' }), [apiMonitor, apiMonitor]],
      ['another platform checked', () => undefined, [linkedinPage.monitor_id]],
      ['recovered', () => sim.controls.reset(), [apiMonitor, page.monitor_id]],
    ];
    const seen: string[] = [];
    for (const [step, arrange, checks] of steps) {
      arrange();
      for (const id of checks) await checkNow(id);
      const rest = await compare(step);
      seen.push(`${step}: ${rest.platforms.map((p) => (p as { status: string }).status).join(',')} → ${rest.overall_status}`);
    }
    // The sequence really moved the rows (a comparison of two empty answers would prove nothing).
    expect(seen).toEqual([
      'first API checks: healthy,pending,pending,pending → unknown',
      'status page checked: healthy,pending,pending,pending → unknown',
      'enough checks for an error rate: healthy,pending,pending,pending → unknown',
      'quota nearly used: healthy,pending,pending,pending → unknown',
      expect.stringMatching(/^status page reports a major outage: (degraded|down),pending,pending,pending → (degraded|down)$/),
      expect.stringMatching(/^API answers 503: down,pending,pending,pending → down$/),
      expect.stringMatching(/^another platform checked: down,healthy,pending,pending → degraded$/),
      'recovered: healthy,healthy,pending,pending → unknown',
    ]);
    const x = (await status()).platforms[0] as { monitors: number; error_rate: number | null; rate_limit_percent: number | null };
    expect(x.monitors).toBe(2);
    expect(x.error_rate).toBeGreaterThan(0);
  });

  it('20 checks with an expired token, then the token works again: only a credentials incident, no availability warning, error rate 0', async () => {
    const monitorId = await createApiMonitor('instagram', 'Instagram API');
    sim.controls.set('instagram', { token_expired: true });
    for (let i = 0; i < 20; i++) await checkNow(monitorId);
    const during = (await status()).monitors.find((m) => m.monitor_id === monitorId);
    expect(during).toMatchObject({ error_class: 'credentials', error_rate: 0 });

    sim.controls.set('instagram', { token_expired: false });
    for (let i = 0; i < 5; i++) await checkNow(monitorId);

    const incidents = (await api('GET', '/api/incidents?platform=instagram')).body.items as { monitor_id: string; kind: string; status: string }[];
    const own = incidents.filter((i) => i.monitor_id === monitorId);
    expect(own.map((i) => `${i.kind}:${i.status}`)).toEqual(['credentials:resolved']);
    const alerts = (await api('GET', '/api/alerts?limit=100')).body.alerts as { monitor_id: string; kind: string; type: string }[];
    const kinds = [...new Set(alerts.filter((a) => a.monitor_id === monitorId).map((a) => `${a.kind}:${a.type}`))].sort();
    expect(kinds).toEqual(['credentials:opened', 'credentials:resolved']);
    const after = (await status()).monitors.find((m) => m.monitor_id === monitorId);
    expect(after).toMatchObject({ status: 'healthy', error_class: null, error_rate: 0 });
  });

  it('sends the serialized snapshot as JSON with the API headers and an ETag: the same tag gets an empty 304 until a check changes the answer', async () => {
    const get = (headers: Record<string, string> = {}, token: string | null = u.adminToken) =>
      call(t.url, 'GET', '/api/health-status', { token: token ?? undefined, headers });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('x-request-id')).toBeTruthy();
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.body).toMatchObject({ overall_status: expect.any(String), monitors: expect.any(Array) });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[\w-]+"$/);

    const held = await get({ 'if-none-match': etag });
    expect(held.status).toBe(304);
    expect(held.body).toBe('');
    expect(held.headers.get('etag')).toBe(etag);
    expect(held.headers.get('x-request-id')).toBeTruthy();
    expect((await get({ 'if-none-match': 'W/"someone-else"' })).status).toBe(200);

    const monitorId = await createApiMonitor('twitter', 'X API (second)');
    await checkNow(monitorId);
    const changed = await get({ 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.monitors).toContainEqual(expect.objectContaining({ monitor_id: monitorId, status: 'healthy' }));

    // Guard and error filter still come first: no tag, no body without credentials.
    const anonymous = await get({ 'if-none-match': etag }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, request_id: anonymous.headers.get('x-request-id') });
    expect(anonymous.headers.get('etag')).toBeNull();
  });
});
