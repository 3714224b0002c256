import { randomBytes } from 'node:crypto';
import { startPlatformSim } from '@postprober/platform-sim';
import type { HealthAlert } from '@postprober/shared/health-events';
import { sleep, waitFor } from '../support/polling';
import { setUpTenants, Tenants } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';
import { AlertsClient, connectAlerts } from './alerts-socket';

/**
 * The whole feature as it runs in production with Redis: the sweep on Bull, probes against the platform
 * simulator, incidents in Postgres, alerts over Socket.IO. Nothing of ours is replaced.
 */
describe('health flow: simulator → sweep on Bull → incidents → socket alerts (Postgres + Redis)', () => {
  let sim: Awaited<ReturnType<typeof startPlatformSim>>;
  let t: TestApp;
  let u: Tenants;
  let monitorId: string;
  const clients: AlertsClient[] = [];
  const api = (method: string, path: string, token: string, body?: unknown) => call(t.url, method, path, { token, body });
  const connect = async (token: string, lastAlertId?: string) => {
    const c = await connectAlerts(t, lastAlertId ? { token, lastAlertId } : { token });
    clients.push(c);
    return c;
  };
  const incidentsOf = async (id: string) =>
    ((await api('GET', '/api/incidents?platform=twitter', u.adminToken)).body.items as { monitor_id: string; id: string; status: string }[]).filter(
      (i) => i.monitor_id === id,
    );

  beforeAll(async () => {
    sim = await startPlatformSim();
    t = await startTestApp({
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `pp-flow-${randomBytes(4).toString('hex')}`,
      RATE_LIMIT_PER_MINUTE: '100000',
      MONITOR_ALLOW_PRIVATE: 'true',
      MONITOR_MIN_INTERVAL_SECONDS: '1',
      HEALTH_SWEEP_TICK_MS: '250',
      STATUS_PAGE_URL_TWITTER: sim.urls.statusPage('twitter'),
      STATUS_PAGE_URL_LINKEDIN: sim.urls.statusPage('linkedin'),
      STATUS_PAGE_URL_INSTAGRAM: sim.urls.statusPage('instagram'),
      STATUS_PAGE_URL_FACEBOOK: sim.urls.statusPage('facebook'),
    });
    expect(t.config.redis.url).toBeDefined();
    u = await setUpTenants(t);
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t?.close();
    await sim?.close();
  });

  it('healthy → slow → down → recovered: one incident opened, escalated and resolved, pushed live; a client that was away gets exactly what it missed; another organization nothing', async () => {
    const live = await connect(u.memberToken);
    const otherOrg = await connect(u.otherToken);
    const away = await connect(u.adminToken);

    const created = await api('POST', '/api/monitors', u.adminToken, {
      name: 'X API',
      platform: 'twitter',
      kind: 'platform-api',
      url: sim.urls.api('twitter'),
      access_token: 'sim-token',
      interval_seconds: 1,
      timeout_ms: 900, // below the interval
    });
    expect(created.status).toBe(201);
    monitorId = created.body.id;

    // Healthy for a while: a baseline is learned and nothing opens.
    await waitFor(() => live.statuses.filter((s) => s.monitor_id === monitorId && s.status === 'healthy').length >= 6, 'six healthy checks', 20_000);
    expect(live.alerts.filter((a) => a.monitor_id === monitorId)).toEqual([]);

    sim.controls.set('twitter', { latency_ms: 600 }); // slow against a baseline of a few ms, within the timeout
    const opened = (await live.waitForAlerts(1, 20_000)).find((a) => a.monitor_id === monitorId);
    expect(opened).toMatchObject({ type: 'opened', severity: 'warning', platform: 'twitter', kind: 'availability' });
    if (!opened) throw new Error('No opened alert for the monitor');

    // The admin's client goes away during the incident.
    away.close();
    const lastSeen = away.alerts[away.alerts.length - 1]?.id ?? opened.id;

    sim.controls.set('twitter', { latency_ms: 0, down: '503' });
    await live.waitForAlerts(2, 20_000);
    sim.controls.set('twitter', { down: false });
    await live.waitForAlerts(3, 20_000);
    const mine = live.alerts.filter((a) => a.monitor_id === monitorId);
    expect(mine.map((a) => [a.type, a.severity])).toEqual([
      ['opened', 'warning'],
      ['escalated', 'critical'],
      ['resolved', 'critical'],
    ]);
    expect(new Set(mine.map((a) => a.incident_id)).size).toBe(1);
    expect(mine.every((a) => a.message.length > 0 && a.message.length <= 100 && a.action.length > 0)).toBe(true);

    const incidents = await incidentsOf(monitorId);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ status: 'resolved', severity: expect.any(String), peak_severity: 'critical' });
    const detail = (await api('GET', `/api/incidents/${incidents[0].id}`, u.memberToken)).body;
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['opened', 'escalated', 'resolved']));

    // Back with the last id it saw: exactly the missed alerts, in order, once.
    const back = await connect(u.adminToken, lastSeen);
    const missed = live.alerts.filter((a) => BigInt(a.id) > BigInt(lastSeen));
    await back.waitForAlerts(missed.length, 5000);
    await sleep(300); // anything extra would arrive now
    expect(back.alerts.map((a: HealthAlert) => a.id)).toEqual(missed.map((a) => a.id));

    // REST gives the same after the same id.
    const rest = await api('GET', `/api/alerts?after=${lastSeen}`, u.adminToken);
    expect(rest.body.alerts.map((a: HealthAlert) => a.id)).toEqual(missed.map((a) => a.id));

    // The other organization saw none of it (its own default status pages stay healthy).
    expect(otherOrg.alerts).toEqual([]);
    expect(otherOrg.statuses.some((s) => s.monitor_id === monitorId)).toBe(false);
  }, 90_000);

  it('flapping (down every other check) opens no incident', async () => {
    const m = await api('POST', '/api/monitors', u.adminToken, {
      name: 'LinkedIn API',
      platform: 'linkedin',
      kind: 'platform-api',
      url: sim.urls.api('linkedin'),
      access_token: 'sim-token',
      interval_seconds: 1,
    });
    const live = await connect(u.adminToken);
    sim.controls.set('linkedin', { error_rate: 0.5 });
    await waitFor(() => live.statuses.filter((s) => s.monitor_id === m.body.id).length >= 10, 'ten checks', 30_000);
    const statuses = live.statuses.filter((s) => s.monitor_id === m.body.id).map((s) => s.status);
    expect(statuses).toContain('down');
    expect(statuses).toContain('healthy');
    expect(live.alerts.filter((a) => a.monitor_id === m.body.id)).toEqual([]);
    const open = (await api('GET', '/api/incidents?platform=linkedin', u.adminToken)).body.items;
    expect(open.filter((i: { monitor_id: string }) => i.monitor_id === m.body.id)).toEqual([]);
    sim.controls.set('linkedin', { error_rate: 0 });
  }, 60_000);

  it('an expired token is a credentials incident with "reconnect", never an outage', async () => {
    const m = await api('POST', '/api/monitors', u.adminToken, {
      name: 'Facebook Page API',
      platform: 'facebook',
      kind: 'platform-api',
      url: sim.urls.api('facebook'),
      access_token: 'sim-token',
      interval_seconds: 1,
    });
    const live = await connect(u.adminToken);
    sim.controls.set('facebook', { token_expired: true });
    await waitFor(() => live.alerts.some((a) => a.monitor_id === m.body.id), 'a credentials alert', 20_000);
    const alerts = live.alerts.filter((a) => a.monitor_id === m.body.id);
    expect(alerts).toEqual([expect.objectContaining({ type: 'opened', kind: 'credentials', action: expect.stringMatching(/reconnect/i) })]);
    const status = (await api('GET', '/api/health-status', u.adminToken)).body;
    expect(status.monitors.find((x: { monitor_id: string }) => x.monitor_id === m.body.id).status).not.toBe('down');
    sim.controls.set('facebook', { token_expired: false });
  }, 60_000);

  it('refuses a socket with a bad token', async () => {
    await expect(connectAlerts(t, { token: 'not-a-token' })).rejects.toThrow(/unauthorized/);
  });
});
