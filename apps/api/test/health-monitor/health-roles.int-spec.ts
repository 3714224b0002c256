import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { startPlatformSim } from '@postprober/platform-sim';
import { DataSource } from 'typeorm';
import { HealthRecorder } from '../../src/tools/health-monitor/recording/health-recorder';
import { HealthSweep } from '../../src/tools/health-monitor/sweep/health-sweep';
import { call, startTestApp, TestApp } from '../support/test-app';
import { sleep, waitFor } from '../support/polling';
import { setUpFirstAdmin } from '../support/tenants';
import { createTestDatabase } from '../support/test-database';
import { AlertsClient, connectAlerts } from './alerts-socket';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const INTERVAL_MS = 1000;
const TICK_MS = 250;

interface MonitorRow {
  monitor_id: string;
  status: string;
  last_check: string | null;
}

/**
 * The production topology: an API process (API_ROLE=api) and a worker (API_ROLE=worker) on one Postgres
 * database and one Redis. Only the worker takes the sweep off the queue; the API process serves its clients
 * the worker's alerts (through the Socket.IO Redis adapter) and its checks (GET /api/health-status reloads
 * from the database after the snapshot's TTL).
 */
describe('health monitor with api and worker roles (Postgres + Redis)', () => {
  const prefix = `pp-health-roles-${randomBytes(4).toString('hex')}`;
  // On the prototypes before the apps exist, so every call is seen; mock.contexts tells the processes apart.
  const sweeps = jest.spyOn(HealthSweep.prototype, 'sweep');
  const records = jest.spyOn(HealthRecorder.prototype, 'record');
  let sim: Awaited<ReturnType<typeof startPlatformSim>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: TestApp;
  let worker: TestApp;
  let token: string;
  let live: AlertsClient | undefined;

  const checksOf = async (monitorId: string): Promise<Date[]> =>
    (
      (await api.app
        .get(DataSource)
        .query(`SELECT "checked_at" FROM "health_checks" WHERE "monitor_id" = $1 ORDER BY "checked_at"`, [monitorId])) as { checked_at: Date }[]
    ).map((r) => new Date(r.checked_at));
  const twitterRequests = () => sim.controls.state().requests.twitter;
  const statusOnApi = async (monitorId: string): Promise<MonitorRow | undefined> =>
    ((await call(api.url, 'GET', '/api/health-status', { token })).body.monitors as MonitorRow[]).find((m) => m.monitor_id === monitorId);
  const lastCheckMs = (row: MonitorRow | undefined) => (row?.last_check ? Date.parse(row.last_check) : Number.NaN);

  beforeAll(async () => {
    sim = await startPlatformSim();
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: '100000',
      MONITOR_ALLOW_PRIVATE: 'true',
      MONITOR_MIN_INTERVAL_SECONDS: '1',
      HEALTH_SWEEP_TICK_MS: String(TICK_MS),
      STATUS_PAGE_URL_TWITTER: sim.urls.statusPage('twitter'),
      STATUS_PAGE_URL_LINKEDIN: sim.urls.statusPage('linkedin'),
      STATUS_PAGE_URL_INSTAGRAM: sim.urls.statusPage('instagram'),
      STATUS_PAGE_URL_FACEBOOK: sim.urls.statusPage('facebook'),
    };
    api = await startTestApp({ ...env, API_ROLE: 'api' });
    worker = await startTestApp({ ...env, API_ROLE: 'worker' });
    token = await setUpFirstAdmin(api.url);
    // The worker's first sweeps seed and probe the four default status-page monitors (300 s interval): let them
    // finish so the platform's request counter below counts only the monitor under test.
    const ds = api.app.get(DataSource);
    const checkedDefaults = async () =>
      Number(
        (
          await ds.query(
            `SELECT count(DISTINCT m."id")::int AS n FROM "monitors" m JOIN "health_checks" c ON c."monitor_id" = m."id" WHERE m."is_default"`,
          )
        )[0].n,
      );
    await waitFor(async () => (await checkedDefaults()) >= 4, 'the default monitors to be checked', 15_000, 100);
  });

  afterAll(async () => {
    live?.close();
    await api?.close();
    await worker?.close();
    await db?.drop();
    await sim?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    sweeps.mockRestore();
    records.mockRestore();
  });

  it('sweeps only on the worker, probes once per interval, and the api process serves its alerts and status', async () => {
    const client = await connectAlerts(api, { token });
    live = client;
    const created = await call(api.url, 'POST', '/api/monitors', {
      token,
      body: {
        name: 'X API',
        platform: 'twitter',
        kind: 'platform-api',
        url: sim.urls.api('twitter'),
        access_token: 'sim-token',
        interval_seconds: INTERVAL_MS / 1000,
        timeout_ms: INTERVAL_MS - 100,
      },
    });
    expect(created.status).toBe(201);
    const monitorId: string = created.body.id;

    // Probing rate: a window of several intervals, started once the monitor is in its rhythm.
    await waitFor(async () => (await checksOf(monitorId)).length >= 2, 'the new monitor to be checked twice', 10_000, 50);
    const before = { at: Date.now(), checks: (await checksOf(monitorId)).length, requests: twitterRequests() };
    await sleep(5 * INTERVAL_MS);
    const checks = await checksOf(monitorId);
    const after = { at: Date.now(), checks: checks.length, requests: twitterRequests() };
    const intervals = (after.at - before.at) / INTERVAL_MS;
    const recorded = after.checks - before.checks;
    // One check per interval plus up to a tick of lateness; two probing processes would give about twice as many.
    expect(recorded).toBeGreaterThanOrEqual(Math.floor(intervals * (INTERVAL_MS / (INTERVAL_MS + 2 * TICK_MS))) - 1);
    expect(recorded).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    // Every request the platform got is one recorded check (one probe may be in flight at either end).
    expect(Math.abs(after.requests - before.requests - recorded)).toBeLessThanOrEqual(1);
    // No two checks of the monitor closer than an interval (slots are fixed-rate, a full interval apart).
    const gaps = checks.slice(1).map((c, i) => c.getTime() - checks[i].getTime());
    expect(Math.min(...gaps)).toBeGreaterThan(INTERVAL_MS * 0.8);

    // The api process has no snapshot of its own checks (it records none): it shows the worker's from the database.
    const healthy = await statusOnApi(monitorId);
    expect(healthy).toMatchObject({ status: 'healthy', last_check: expect.any(String) });

    sim.controls.set('twitter', { down: '503' });
    await waitFor(() => client.alerts.some((a) => a.monitor_id === monitorId), 'the opened alert on the api process', 15_000);
    expect(client.alerts.find((a) => a.monitor_id === monitorId)).toMatchObject({ type: 'opened', platform: 'twitter', kind: 'availability', severity: 'critical' });

    // GET /api/health-status on the api process catches up after its snapshot's TTL.
    let down: MonitorRow | undefined;
    await waitFor(async () => (down = await statusOnApi(monitorId))?.status === 'down', () => `health-status on the api process to say down, not ${JSON.stringify(down)}`, 10_000, 200);
    // A later check than the healthy one, and one the worker stored.
    const downAt = lastCheckMs(down);
    expect(downAt).toBeGreaterThan(lastCheckMs(healthy));
    expect((await checksOf(monitorId)).map((c) => c.getTime())).toContain(downAt);

    // A few more down checks: the alert stays delivered exactly once (no second raiser, no duplicate relay).
    await sleep(3 * INTERVAL_MS);
    const mine = client.alerts.filter((a) => a.monitor_id === monitorId);
    expect(mine.map((a) => a.type)).toEqual(['opened']);
    const stored = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM "alerts" WHERE "monitor_id" = $1`, [monitorId]);
    expect(stored[0].n).toBe(1);

    // Who did the work: every sweep and every recorded check ran in the worker, none in the api process.
    const processOf = (pick: (t: TestApp) => unknown) => (self: unknown) =>
      self === pick(worker) ? 'worker' : self === pick(api) ? 'api' : 'unknown';
    const sweptIn = sweeps.mock.contexts.map(processOf((t) => t.app.get(HealthSweep)));
    const recordedIn = records.mock.contexts.map(processOf((t) => t.app.get(HealthRecorder)));
    expect(sweptIn.length).toBeGreaterThan(5);
    expect(new Set(sweptIn)).toEqual(new Set(['worker']));
    expect(recordedIn.length).toBeGreaterThanOrEqual(after.checks + 4);
    expect(new Set(recordedIn)).toEqual(new Set(['worker']));
  }, 40_000);
});
