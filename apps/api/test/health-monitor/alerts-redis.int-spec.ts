import Redis from 'ioredis';
import { ALERT_PUBLISHER, type AlertPublisher } from '../../src/tools/health-monitor/alerts/alert-publisher.port';
import { waitFor } from '../support/polling';
import { createOtherOrganization, organizationIdOf, setUpFirstAdmin } from '../support/tenants';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { AlertsClient, connectAlerts, raiseAlert } from './alerts-socket';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Two API processes on one Postgres database and one Redis: an alert raised in one reaches clients of the other. */
describe('health alerts across processes (Socket.IO Redis adapter)', () => {
  const prefix = `pp-alerts-${process.pid}-${Date.now()}`;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestApp;
  let b: TestApp;
  let token: string;
  let acme: string;
  let globexToken: string;
  const clients: AlertsClient[] = [];
  const connect = async (t: TestApp, auth: Record<string, unknown>) => {
    const client = await connectAlerts(t, auth);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // The sweep stays out of the way (its statuses and alerts would mix with the ones raised here).
    const env = { DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '100000', HEALTH_SWEEP_TICK_MS: '3600000' };
    a = await startTestApp(env);
    b = await startTestApp(env);
    token = await setUpFirstAdmin(a.url);
    acme = await organizationIdOf(a.url, token);
    // Created through A, signed in on B: both processes share one database.
    globexToken = await createOtherOrganization(a, undefined, b.url);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('delivers an alert raised in process A to a client of process B, and only to its organization', async () => {
    const onB = await connect(b, { token });
    const onA = await connect(a, { token });
    const globexOnB = await connect(b, { token: globexToken });
    const alert = await raiseAlert(a, acme);
    expect(await onB.waitForAlerts(1)).toEqual([alert]);
    expect(await onA.waitForAlerts(1)).toEqual([alert]);

    const status = {
      monitor_id: alert.monitor_id, name: 'X API', platform: 'twitter' as const, status: 'healthy' as const, response_time: 120,
      http_status: 200, error_class: null, rate_limit_used: null, rate_limit_total: null, probe_kind: 'http' as const, error_rate: null, rate_limit_percent: null, last_check: new Date().toISOString(), interval_seconds: 60,
    };
    a.app.get<AlertPublisher>(ALERT_PUBLISHER).publishStatus(acme, status);
    await waitFor(() => onB.statuses.some((s) => s.monitor_id === status.monitor_id), 'the status on B', 5000);
    expect(onB.statuses.filter((s) => s.monitor_id === status.monitor_id)).toEqual([status]);

    // B delivers in the order it receives: Globex's next alert comes after Acme's, which Gina never got.
    const theirs = await raiseAlert(a, await organizationIdOf(b.url, globexToken));
    expect(await globexOnB.waitForAlerts(1)).toEqual([theirs]);
    expect(onB.alerts).toEqual([alert]);
  });

  it('replays on B what was raised on A while the client was away, then passes A\'s live alerts once', async () => {
    const first = await connect(b, { token });
    const seen = await raiseAlert(a, acme);
    await first.waitForAlerts(1);
    first.close();
    const missed = [await raiseAlert(a, acme), await raiseAlert(b, acme)];
    const back = await connect(b, { token, lastAlertId: seen.id });
    expect(await back.waitForAlerts(2)).toEqual(missed);
    const live = await raiseAlert(a, acme);
    expect(await back.waitForAlerts(3)).toEqual([...missed, live]);
  });
});
