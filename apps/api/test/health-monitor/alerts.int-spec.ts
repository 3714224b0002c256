import type { HealthAlert } from '@postprober/shared/health-events';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { ALERT_PUBLISHER, type AlertPublisher } from '../../src/tools/health-monitor/alerts/alert-publisher.port';
import { AlertsStore, type NewAlert } from '../../src/tools/health-monitor/alerts/alerts.store';
import { HealthAlertsGateway, MAX_FAILED_HANDSHAKES_PER_MINUTE } from '../../src/tools/health-monitor/alerts/health-alerts.gateway';
import { sleep, waitFor } from '../support/polling';
import { createApiKey, createOtherOrganization, organizationIdOf, setUpFirstAdmin } from '../support/tenants';
import { call, startTestApp, TestApp } from '../support/test-app';
import { AlertsClient, connectAlerts, raiseAlert, storeAlert } from './alerts-socket';

const ids = (alerts: HealthAlert[]) => alerts.map((a) => a.id);
const newAlert = (organizationId: string): NewAlert => ({
  organizationId,
  type: 'opened',
  incidentId: '00000000-0000-4000-8000-000000000001',
  monitorId: '00000000-0000-4000-8000-000000000002',
  platform: 'twitter',
  kind: 'availability',
  severity: 'critical',
  message: 'X API is down',
  action: 'Pause scheduled posts to X',
});

describe('health alerts: store, REST and the /health-alerts socket (real app, Postgres)', () => {
  let t: TestApp;
  let ada: string;
  let acme: string;
  let gina: string;
  let globex: string;
  let acmeKey: string;
  const clients: AlertsClient[] = [];
  const connect = async (auth: Record<string, unknown>) => {
    const client = await connectAlerts(t, auth);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    // The sweep stays out of the way (its statuses and alerts would mix with the ones raised here).
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000', HEALTH_SWEEP_TICK_MS: '3600000' });
    ada = await setUpFirstAdmin(t.url);
    acme = await organizationIdOf(t.url, ada);
    gina = await createOtherOrganization(t);
    globex = await organizationIdOf(t.url, gina);
    acmeKey = (await createApiKey(t.url, ada, 'Alerts bot')).key;
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t?.close());

  it('pushes an alert and a status to a client signed in with a JWT', async () => {
    const client = await connect({ token: ada });
    const raised = await raiseAlert(t, acme, { type: 'escalated', severity: 'warning', platform: 'linkedin' });
    expect(await client.waitForAlerts(1)).toEqual([
      {
        id: raised.id,
        type: 'escalated',
        incident_id: '00000000-0000-4000-8000-000000000001',
        monitor_id: '00000000-0000-4000-8000-000000000002',
        platform: 'linkedin',
        kind: 'availability',
        severity: 'warning',
        message: raised.message,
        action: 'Pause scheduled posts to X',
        timestamp: raised.timestamp,
      },
    ]);
    expect(raised.id).toMatch(/^[1-9][0-9]*$/);
    expect(Number.isNaN(Date.parse(raised.timestamp))).toBe(false);

    const status = {
      monitor_id: '00000000-0000-4000-8000-000000000002', name: 'X API', platform: 'twitter' as const, status: 'down' as const,
      response_time: null, http_status: 503, error_class: 'http-status', rate_limit_used: null, rate_limit_total: null, probe_kind: 'http' as const, error_rate: null, rate_limit_percent: null,
      last_check: new Date().toISOString(),
      interval_seconds: 60,
    };
    t.app.get<AlertPublisher>(ALERT_PUBLISHER).publishStatus(acme, status);
    const mine = () => client.statuses.filter((s) => s.monitor_id === status.monitor_id);
    await waitFor(() => mine().length === 1, 'the status push', 5000, 10);
    expect(mine()).toEqual([status]);
  });

  it('refuses a bad, tampered or missing credential and a malformed lastAlertId with connect_error', async () => {
    await expect(connectAlerts(t, { token: 'not-a-jwt' })).rejects.toThrow('unauthorized');
    await expect(connectAlerts(t, { token: ada.slice(0, -2) + 'xx' })).rejects.toThrow('unauthorized');
    await expect(connectAlerts(t, {})).rejects.toThrow('unauthorized');
    await expect(connectAlerts(t, { apiKey: 'ppk_nope' })).rejects.toThrow('unauthorized');
    await expect(connectAlerts(t, { token: 42 })).rejects.toThrow('unauthorized');
    await expect(connectAlerts(t, { token: ada, lastAlertId: 'abc' })).rejects.toThrow(/lastAlertId/);
    await expect(connectAlerts(t, { token: ada, lastAlertId: 7 })).rejects.toThrow(/lastAlertId/);
  });

  it('disconnects a socket when its JWT expires', async () => {
    const me = (await call(t.url, 'GET', '/api/auth/me', { token: ada })).body;
    const shortLived = t.app.get(JwtService).sign({ sub: me.user.id, org: acme, role: 'admin' }, { expiresIn: 2 });
    const client = await connect({ token: shortLived });
    const reason = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
    await expect(reason).resolves.toBe('io server disconnect');
    await expect(connectAlerts(t, { token: shortLived })).rejects.toThrow('unauthorized');
  });

  it('accepts an API key, and shows no organization the alerts of another', async () => {
    const bot = await connect({ apiKey: acmeKey });
    const globexClient = await connect({ token: gina });
    const acmeAlert = await raiseAlert(t, acme);
    const globexAlert = await raiseAlert(t, globex, { platform: 'facebook' });
    // Delivered in the order raised: by the time Globex's own alert arrives, Acme's would have too.
    expect(ids(await globexClient.waitForAlerts(1))).toEqual([globexAlert.id]);
    expect(ids(await bot.waitForAlerts(1))).toEqual([acmeAlert.id]);
    const globexSecond = await raiseAlert(t, globex);
    expect(ids(await globexClient.waitForAlerts(2))).toEqual([globexAlert.id, globexSecond.id]);
    expect(ids(bot.alerts)).toEqual([acmeAlert.id]);
  });

  it('drops a socket whose API key is revoked at the next re-check, and keeps the others', async () => {
    const created = await createApiKey(t.url, ada, 'Short-lived bot');
    const doomed = await connect({ apiKey: created.key });
    const bearerStyle = await connect({ token: created.key });
    const kept = await connect({ apiKey: acmeKey });
    const person = await connect({ token: ada });
    const gateway = t.app.get(HealthAlertsGateway);
    expect(await gateway.recheckApiKeys()).toBe(0);

    expect((await call(t.url, 'DELETE', `/api/api-keys/${created.id}`, { token: ada })).status).toBe(204);
    const gone = Promise.all([doomed, bearerStyle].map((c) => new Promise<string>((r) => c.socket.once('disconnect', r))));
    expect(await gateway.recheckApiKeys()).toBe(2);
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);
    expect(kept.socket.connected && person.socket.connected).toBe(true);
    await expect(connectAlerts(t, { apiKey: created.key })).rejects.toThrow('unauthorized');
  });

  it('replays exactly the missed alerts, in order, once, then live ones', async () => {
    const first = await connect({ token: ada });
    const seen = await raiseAlert(t, acme);
    await first.waitForAlerts(1);
    first.close();

    const missed = [await raiseAlert(t, acme), await raiseAlert(t, acme), await raiseAlert(t, acme)];
    await raiseAlert(t, globex);
    const back = await connect({ token: ada, lastAlertId: seen.id });
    expect(ids(await back.waitForAlerts(3))).toEqual(ids(missed));
    const live = await raiseAlert(t, acme);
    expect(ids(await back.waitForAlerts(4))).toEqual([...ids(missed), live.id]);
    expect(back.alerts.slice(0, 3)).toEqual(missed);
  });

  it('sends no duplicate and loses nothing when alerts are raised while the replay runs', async () => {
    const seen = await raiseAlert(t, acme);
    const missed = await raiseAlert(t, acme);
    const store = t.app.get(AlertsStore);
    const publisher = t.app.get<AlertPublisher>(ALERT_PUBLISHER);
    const original = store.after.bind(store);
    let duringQuery: HealthAlert | undefined;
    let afterQuery: HealthAlert | undefined;
    const spy = jest.spyOn(store, 'after').mockImplementationOnce(async (org, after, limit) => {
      // Committed and pushed before the query reads: the replay returns it AND it arrives live.
      duringQuery = await raiseAlert(t, acme);
      const rows = await original(org, after, limit);
      // Committed and pushed after the query read: only live.
      afterQuery = await raiseAlert(t, acme);
      return rows;
    });
    try {
      const client = await connect({ token: ada, lastAlertId: seen.id });
      await client.waitForAlerts(3);
      if (!duringQuery || !afterQuery) throw new Error('the replay query did not run');
      // A late second push of an alert the replay already sent (a slow publisher) is dropped.
      publisher.publishAlerts(acme, [missed, duringQuery]);
      const live = await raiseAlert(t, acme);
      await client.waitForAlerts(4);
      await raiseAlert(t, globex);
      expect(ids(client.alerts)).toEqual([missed.id, duringQuery.id, afterQuery.id, live.id]);
    } finally {
      spy.mockRestore();
    }
  });

  it('gives each socket of one publish only what it has not seen, in order, whatever point it resumed from', async () => {
    const a = await raiseAlert(t, acme);
    const b = await raiseAlert(t, acme);
    const early = await connect({ token: ada, lastAlertId: a.id });
    expect(ids(await early.waitForAlerts(1))).toEqual([b.id]);
    // Stored, its push still to come: a socket resuming now replays it, the earlier one has not seen it.
    const c = await storeAlert(t, acme);
    const late = await connect({ token: ada, lastAlertId: b.id });
    expect(ids(await late.waitForAlerts(1))).toEqual([c.id]);
    const fresh = await connect({ token: ada });
    const d = await storeAlert(t, acme);
    t.app.get<AlertPublisher>(ALERT_PUBLISHER).publishAlerts(acme, [d, c]);
    const e = await raiseAlert(t, acme);
    expect(ids(await early.waitForAlerts(4))).toEqual([b.id, c.id, d.id, e.id]);
    expect(ids(await late.waitForAlerts(3))).toEqual([c.id, d.id, e.id]);
    expect(ids(await fresh.waitForAlerts(3))).toEqual([c.id, d.id, e.id]);
  });

  it('resumes after a client id from a reset database without hiding new alerts', async () => {
    const client = await connect({ token: ada, lastAlertId: '900000000000' });
    const live = await raiseAlert(t, acme);
    expect(ids(await client.waitForAlerts(1))).toEqual([live.id]);
  });

  it('GET /api/alerts?after= returns exactly what a reconnecting socket gets', async () => {
    const seen = await raiseAlert(t, acme);
    const missed = [await raiseAlert(t, acme), await raiseAlert(t, acme, { type: 'resolved', severity: 'info' })];
    await raiseAlert(t, globex);
    const rest = await call(t.url, 'GET', `/api/alerts?after=${seen.id}`, { token: ada });
    expect(rest.status).toBe(200);
    expect(rest.body.alerts).toEqual(missed);
    expect(rest.body.has_more).toBe(false);

    const socket = await connect({ token: ada, lastAlertId: seen.id });
    expect(await socket.waitForAlerts(2)).toEqual(rest.body.alerts);

    const paged = await call(t.url, 'GET', `/api/alerts?after=${seen.id}&limit=1`, { token: ada });
    expect(paged.body).toMatchObject({ alerts: [missed[0]], has_more: true });
    const next = await call(t.url, 'GET', `/api/alerts?after=${missed[0].id}&limit=1`, { apiKey: acmeKey });
    expect(next.body).toMatchObject({ alerts: [missed[1]], has_more: false });

    // Without after: newest first, this organization's only.
    const latest = await call(t.url, 'GET', '/api/alerts?limit=3', { token: ada });
    expect(ids(latest.body.alerts)).toEqual([missed[1].id, missed[0].id, seen.id]);
    expect(latest.body.has_more).toBe(true);
    const theirs = await call(t.url, 'GET', '/api/alerts', { token: gina });
    expect(theirs.body.alerts.length).toBeGreaterThan(0);
    expect(theirs.body.alerts.every((a: HealthAlert) => !ids(missed).includes(a.id) && a.id !== seen.id)).toBe(true);
  });

  it('answers malformed parameters with 400s that name the field', async () => {
    for (const bad of ['abc', '-1', '1.5', '99999999999999999999', '']) {
      const r = await call(t.url, 'GET', `/api/alerts?after=${encodeURIComponent(bad)}`, { token: ada });
      expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
      expect(r.body.message).toEqual([expect.stringContaining('after must be an alert id')]);
    }
    const limit = await call(t.url, 'GET', '/api/alerts?limit=0', { token: ada });
    expect(limit.status).toBe(400);
    expect(limit.body.message).toEqual(['limit must be between 1 and 200']);
    const body = await call(t.url, 'PUT', '/api/alerts/read', { token: ada, body: { last_read_id: 5 } });
    expect(body.status).toBe(400);
    expect(body.body.message).toEqual([expect.stringContaining('last_read_id must be an alert id')]);
    expect((await call(t.url, 'GET', '/api/alerts')).status).toBe(401);
  });

  it('keeps each user\'s read marker: mark all read persists, never moves back, and counts unread', async () => {
    const before = await call(t.url, 'GET', '/api/alerts?limit=1', { token: ada });
    expect(before.body.last_read_id).toBeNull();
    const total = before.body.unread_count as number;
    expect(total).toBeGreaterThan(5);

    const a = await raiseAlert(t, acme);
    const b = await raiseAlert(t, acme);
    let marked = await call(t.url, 'PUT', '/api/alerts/read', { token: ada, body: { last_read_id: a.id } });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ last_read_id: a.id, unread_count: 1 });

    // Never backwards.
    marked = await call(t.url, 'PUT', '/api/alerts/read', { token: ada, body: { last_read_id: '1' } });
    expect(marked.body).toEqual({ last_read_id: a.id, unread_count: 1 });
    // Never past the newest alert, so a made-up id cannot hide later ones.
    marked = await call(t.url, 'PUT', '/api/alerts/read', { token: ada, body: { last_read_id: '9000000000000' } });
    expect(marked.body).toEqual({ last_read_id: b.id, unread_count: 0 });
    await raiseAlert(t, acme);

    // Persisted, and per user: Globex's admin and an API key see their own (or no) state.
    const after = await call(t.url, 'GET', '/api/alerts', { token: ada });
    expect(after.body).toMatchObject({ last_read_id: b.id, unread_count: 1 });
    const other = await call(t.url, 'GET', '/api/alerts', { token: gina });
    expect(other.body.last_read_id).toBeNull();
    expect(other.body.unread_count).toBe(other.body.alerts.length);
    const key = await call(t.url, 'GET', '/api/alerts', { apiKey: acmeKey });
    expect(key.body).toMatchObject({ last_read_id: null, unread_count: null });
    expect(key.body.alerts.length).toBeGreaterThan(0);
    const keyMark = await call(t.url, 'PUT', '/api/alerts/read', { apiKey: acmeKey, body: { last_read_id: b.id } });
    expect(keyMark.status).toBe(403);
  });

  it('refuses to append outside a transaction (the alert must commit with its incident)', async () => {
    const store = t.app.get(AlertsStore);
    await expect(store.append(t.app.get(DataSource).manager, newAlert(acme))).rejects.toThrow('inside a transaction');
  });

  it("holds an organization's next append until the previous one commits, so ids commit in order", async () => {
    const store = t.app.get(AlertsStore);
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((r) => (releaseFirst = r));
    let firstId: string | undefined;
    const first = t.app.get(DataSource).transaction(async (manager) => {
      firstId = (await store.append(manager, newAlert(acme))).id;
      await firstHeld;
    });
    await waitFor(() => firstId !== undefined, 'the first append', 5000, 10);

    let secondDone = false;
    const second = storeAlert(t, acme).then((a) => ((secondDone = true), a));
    // Another organization is not held up.
    await storeAlert(t, globex);
    await sleep(300);
    expect(secondDone).toBe(false);
    releaseFirst();
    await first;
    const secondAlert = await second;
    expect(BigInt(secondAlert.id)).toBeGreaterThan(BigInt(firstId as string));
  });

  // Last in this file: it leaves 127.0.0.1 refused for a minute.
  it('refuses an address that keeps failing the handshake, like sign-in', async () => {
    const reasons: string[] = [];
    for (let i = 0; i < 12; i++) {
      reasons.push(await connectAlerts(t, { token: `guess-${i}` }).then(() => 'connected', (e: Error) => e.message));
    }
    expect(reasons).not.toContain('connected');
    const firstRefusal = reasons.indexOf('too many failed attempts: try again in a minute');
    expect(firstRefusal).toBeGreaterThan(-1);
    expect(firstRefusal).toBeLessThanOrEqual(MAX_FAILED_HANDSHAKES_PER_MINUTE);
    expect(reasons.slice(firstRefusal).every((r) => r.startsWith('too many'))).toBe(true);
  });
});
