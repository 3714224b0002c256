import type { HealthCheck } from '../entities/health-check.entity';
import type { Monitor } from '../entities/monitor.entity';
import type { DefaultMonitors } from '../monitors/default-monitors';
import type { HealthChecksRepository } from '../recording/health-checks.repository';
import type { QueueHealth } from '../../../core/jobs/queue-health';
import type { AppConfig } from '../../../config/app-config';
import { HealthStatusCache, SNAPSHOT_TTL_MS } from './health-status.cache';
import { ERROR_RATE_CHECKS, errorRateOf, stateAfter } from './monitor-state';

const ORG = 'org-1';
const row = (over: Record<string, unknown> = {}) => ({
  id: 'm1',
  name: 'X API',
  platform: 'twitter',
  kind: 'platform-api',
  checked_at: new Date('2026-11-25T10:00:00Z'),
  status: 'healthy',
  latency_ms: 120,
  http_status: 200,
  error_class: null,
  rate_limit_used: 450,
  rate_limit_total: 500,
  rate_limit_percent: 90,
  checks: 10,
  failed: 1,
  // The fixtures' checks are days old: a 30-day interval keeps them fresh here (staleness has its own tests).
  interval_seconds: 30 * 86_400,
  ...over,
});

/** A HealthChecksRepository whose only allowed call is statusSnapshot(), answering from `rows` and counting calls. */
function fakeDb(rows: () => object[]) {
  const calls: unknown[][] = [];
  const db = {
    statusSnapshot: async (organizationId: string, recentChecks: number) => {
      calls.push([organizationId, recentChecks]);
      return rows();
    },
  };
  return { db: db as unknown as HealthChecksRepository, calls };
}

/** Default monitors that record which organizations were asked for, in the order the cache asked. */
function fakeDefaults(log: unknown[][] = []) {
  return { ensureFor: async (organizationId: string) => void log.push(['ensureFor', organizationId]) } as unknown as DefaultMonitors;
}

const flush = () => new Promise((r) => setImmediate(r));

/** A queue that answers PING as told, counting the pings. */
function fakeQueue(ok = true) {
  const q = { ok, pings: 0, check: async () => (q.pings++, { ok: q.ok, backend: 'bull' as const, latency_ms: 1 }) };
  return q;
}

describe('HealthStatusCache', () => {
  it('loads an organization once, then answers from memory until the TTL passes', async () => {
    const { db, calls } = fakeDb(() => [row()]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    const t0 = Date.now();
    const first = await cache.get(ORG, t0);
    expect(calls).toEqual([[ORG, ERROR_RATE_CHECKS]]);
    expect(first).toEqual({
      platforms: [
        expect.objectContaining({ platform: 'twitter', status: 'healthy', response_time: 120, error_rate: 10, rate_limit_used: 450, rate_limit_total: 500 }),
      ],
      overall_status: 'healthy',
      status_reason: null,
      last_updated: '2026-11-25T10:00:00.000Z',
      monitors: [
        {
          monitor_id: 'm1',
          name: 'X API',
          platform: 'twitter',
          probe_kind: 'platform-api',
          status: 'healthy',
          response_time: 120,
          http_status: 200,
          error_class: null,
          error_rate: 10,
          rate_limit_used: 450,
          rate_limit_total: 500,
          rate_limit_percent: 90,
          last_check: '2026-11-25T10:00:00.000Z',
          interval_seconds: 30 * 86_400,
        },
      ],
    });
    for (let i = 0; i < 100; i++) expect(await cache.get(ORG, t0 + 10)).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('answers a stale snapshot at once and reloads it in the background', async () => {
    let latency = 120;
    const { db, calls } = fakeDb(() => [row({ latency_ms: latency })]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    await cache.get(ORG);
    latency = 999;
    const stale = await cache.get(ORG, Date.now() + SNAPSHOT_TTL_MS + 1);
    expect(stale.monitors[0].response_time).toBe(120);
    await flush();
    expect(calls).toHaveLength(2);
    expect((await cache.get(ORG)).monitors[0].response_time).toBe(999);
  });

  it('on the embedded database (one process) never reloads on a timer: every check arrives through apply()', async () => {
    let latency = 120;
    const { db, calls } = fakeDb(() => [row({ latency_ms: latency })]);
    const embedded = { db: { url: undefined, dataDir: '/tmp/x' } } as unknown as AppConfig;
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth, embedded);
    await cache.get(ORG);
    latency = 999;
    await cache.get(ORG, Date.now() + 10 * SNAPSHOT_TTL_MS);
    await flush();
    expect(calls).toHaveLength(1);
    expect((await cache.get(ORG, Date.now() + 10 * SNAPSHOT_TTL_MS)).monitors[0].response_time).toBe(120);
  });

  it('answers the first read after a monitor change from the database, not the old snapshot', async () => {
    let name = 'X API';
    const { db, calls } = fakeDb(() => [row({ name })]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    await cache.get(ORG);
    name = 'X API (renamed)';
    cache.invalidate(ORG);
    expect((await cache.get(ORG)).monitors[0].name).toBe('X API (renamed)');
    expect(calls).toHaveLength(2);
  });

  it('applies a recorded check without touching the database', async () => {
    const { db, calls } = fakeDb(() => [row()]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    await cache.get(ORG);
    const monitor = { id: 'm1', name: 'X API', platform: 'twitter', kind: 'platform-api', enabled: true } as Monitor;
    const check = {
      status: 'down',
      latencyMs: null,
      httpStatus: 503,
      errorClass: 'http-status',
      rateLimitUsed: null,
      rateLimitTotal: null,
      rateLimitPercent: null,
      checkedAt: new Date('2026-11-25T10:05:00Z'),
    } as HealthCheck;
    cache.apply(ORG, monitor, stateAfter(monitor, check, 0.5));
    const after = await cache.get(ORG);
    expect(calls).toHaveLength(1);
    expect(after.overall_status).toBe('down');
    expect(after.platforms[0]).toMatchObject({ status: 'down', error_rate: 50, last_check: '2026-11-25T10:05:00.000Z' });
    expect(after.last_updated).toBe('2026-11-25T10:05:00.000Z');
  });

  it('seeds a new organization\'s default monitors before its first load', async () => {
    const log: unknown[][] = [];
    const db = {
      statusSnapshot: async (organizationId: string) => {
        log.push(['statusSnapshot', organizationId]);
        return [];
      },
    } as unknown as HealthChecksRepository;
    await new HealthStatusCache(db, fakeDefaults(log), fakeQueue() as unknown as QueueHealth).get(ORG);
    expect(log).toEqual([['ensureFor', ORG], ['statusSnapshot', ORG]]);
  });

  it('shows never-checked monitors as pending with overall unknown, and forgets a failed first load', async () => {
    let fail = true;
    const { db } = fakeDb(() => {
      if (fail) throw new Error('db down');
      return [row({ checked_at: null, status: null, latency_ms: null, http_status: null, rate_limit_percent: null, checks: 0, failed: 0 })];
    });
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    await expect(cache.get(ORG)).rejects.toThrow('db down');
    fail = false;
    const body = await cache.get(ORG);
    expect(body.monitors[0]).toMatchObject({ status: 'pending', last_check: null, error_rate: null });
    expect(body.platforms[0]).toMatchObject({ status: 'pending', error_rate: null, rate_limit_percent: null, last_check: null });
    expect(body.overall_status).toBe('unknown');
  });
});

describe('HealthStatusCache on stale data', () => {
  const checkedAt = new Date('2026-11-25T10:00:00Z');
  const stale = checkedAt.getTime() + 2 * 60_000 + 5_001; // two 60 s intervals and the grace later

  it('turns overall unknown once the data is older than two intervals, re-rendering the held answer in time', async () => {
    const { db } = fakeDb(() => [row({ checked_at: checkedAt, interval_seconds: 60 })]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    const fresh = await cache.get(ORG, checkedAt.getTime() + 1_000);
    expect(fresh).toMatchObject({ overall_status: 'healthy', status_reason: null, platforms: [{ stale: false }] });
    const old = await cache.get(ORG, stale);
    expect(old).toMatchObject({ overall_status: 'unknown', status_reason: 'checks overdue for X (Twitter)', platforms: [{ status: 'healthy', stale: true }] });
  });

  it('says monitoring is paused when the queue does not answer (pinged in the background, not per read)', async () => {
    const { db } = fakeDb(() => [row({ checked_at: checkedAt, interval_seconds: 60 })]);
    const queue = fakeQueue(false);
    const cache = new HealthStatusCache(db, fakeDefaults(), queue as unknown as QueueHealth);
    await cache.get(ORG, stale); // stale: the queue is asked why, behind the read
    await flush();
    expect(queue.pings).toBe(1);
    const explained = await cache.get(ORG, stale + 1_001);
    expect(explained).toMatchObject({ overall_status: 'unknown', status_reason: 'monitoring paused: queue unreachable' });
    await cache.get(ORG, stale + 1_002);
    expect(queue.pings).toBe(1);
  });
});

describe('HealthStatusCache serialized body', () => {
  const checkedAt = new Date('2026-11-25T10:00:00Z');
  const monitor = { id: 'm1', name: 'X API', platform: 'twitter', kind: 'platform-api', enabled: true, intervalSeconds: 60 } as Monitor;
  const check = (over: Partial<HealthCheck> = {}) =>
    ({ status: 'healthy', latencyMs: 120, httpStatus: 200, errorClass: null, rateLimitUsed: null, rateLimitTotal: null, rateLimitPercent: null, checkedAt, ...over }) as HealthCheck;

  it('serializes once per change: reads between changes get the identical string, and its JSON is the DTO', async () => {
    const { db } = fakeDb(() => [row()]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    const t0 = Date.now();
    const first = await cache.body(ORG, t0);
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      for (let i = 0; i < 50; i++) {
        const again = await cache.body(ORG, t0 + i);
        expect(again.json).toBe(first.json);
        expect(again.etag).toBe(first.etag);
      }
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
    expect(JSON.parse(first.json)).toEqual(await cache.get(ORG, t0));
    expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
  });

  it('a recorded check that changes the answer gives a new body and ETag; one that changes nothing shown keeps both', async () => {
    const { db } = fakeDb(() => [row({ checked_at: checkedAt, interval_seconds: 60 })]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    const now = checkedAt.getTime() + 1_000;
    const before = await cache.body(ORG, now);
    cache.apply(ORG, monitor, stateAfter(monitor, check({ latencyMs: 120, rateLimitUsed: 450, rateLimitTotal: 500, rateLimitPercent: 90 }), 0.1));
    const same = await cache.body(ORG, now);
    expect(same.json).toBe(before.json);
    expect(same.etag).toBe(before.etag);
    cache.apply(ORG, monitor, stateAfter(monitor, check({ status: 'down', latencyMs: null, httpStatus: 503, errorClass: 'http-status' }), 0.5));
    const after = await cache.body(ORG, now);
    expect(after.json).not.toBe(before.json);
    expect(after.etag).not.toBe(before.etag);
    expect(JSON.parse(after.json)).toMatchObject({ overall_status: 'down', monitors: [{ status: 'down', http_status: 503 }] });
  });

  it('serializes exactly as JSON.stringify of the answer, re-rendering only the monitor whose state changed', async () => {
    const { db } = fakeDb(() => [row({ checked_at: checkedAt, interval_seconds: 60 }), row({ id: 'm2', name: 'X status', checked_at: checkedAt, interval_seconds: 60 })]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    const now = checkedAt.getTime() + 1_000;
    const before = await cache.body(ORG, now);
    expect(before.json).toBe(JSON.stringify(before.dto));
    cache.apply(ORG, monitor, stateAfter(monitor, check({ status: 'down', latencyMs: null, httpStatus: 503, errorClass: 'http-status' }), 0.5));
    const after = await cache.body(ORG, now);
    expect(after.json).toBe(JSON.stringify(after.dto));
    const changed = after.dto.monitors.findIndex((m) => m.monitor_id === monitor.id);
    const other = 1 - changed;
    expect(after.dto.monitors[changed]).toMatchObject({ status: 'down' });
    expect(after.dto.monitors[changed]).not.toBe(before.dto.monitors[changed]);
    expect(after.dto.monitors[other]).toBe(before.dto.monitors[other]); // its row object reused, not rendered again
  });

  it('re-serializes when a row turns stale with the clock: never healthy for data older than two intervals', async () => {
    const { db } = fakeDb(() => [row({ checked_at: checkedAt, interval_seconds: 60 })]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    const staleAt = checkedAt.getTime() + 2 * 60_000 + 5_000; // the last instant it is still fresh
    const fresh = await cache.body(ORG, checkedAt.getTime() + 1_000);
    expect(JSON.parse(fresh.json)).toMatchObject({ overall_status: 'healthy', status_reason: null });
    expect(await cache.body(ORG, staleAt)).toBe(fresh);
    const stale = await cache.body(ORG, staleAt + 1);
    expect(stale.etag).not.toBe(fresh.etag);
    expect(JSON.parse(stale.json)).toMatchObject({
      overall_status: 'unknown',
      status_reason: 'checks overdue for X (Twitter)',
      platforms: [{ status: 'healthy', stale: true }],
    });
  });

  it('follows the queue: a failed ping re-serializes the stale answer as paused at once', async () => {
    const { db } = fakeDb(() => [row({ checked_at: checkedAt, interval_seconds: 60 })]);
    const queue = fakeQueue(false);
    const cache = new HealthStatusCache(db, fakeDefaults(), queue as unknown as QueueHealth);
    const stale = checkedAt.getTime() + 2 * 60_000 + 5_001;
    const overdue = await cache.body(ORG, stale);
    expect(JSON.parse(overdue.json).status_reason).toBe('checks overdue for X (Twitter)');
    await flush(); // the ping behind the read answers: the queue is down
    const paused = await cache.body(ORG, stale + 1); // well within the periodic re-render's second
    expect(JSON.parse(paused.json)).toMatchObject({ overall_status: 'unknown', status_reason: 'monitoring paused: queue unreachable' });
  });

  it('keeps the same body across the periodic re-render while stale data has not changed', async () => {
    const { db } = fakeDb(() => [row({ checked_at: checkedAt, interval_seconds: 60 })]);
    const cache = new HealthStatusCache(db, fakeDefaults(), fakeQueue() as unknown as QueueHealth);
    const stale = checkedAt.getTime() + 2 * 60_000 + 5_001;
    const first = await cache.body(ORG, stale);
    await flush();
    expect(await cache.body(ORG, stale + 1_500)).toBe(first);
  });
});

describe('errorRateOf', () => {
  it('is the failed share of the newest 20 checks, null with fewer than 5', () => {
    expect(errorRateOf([true, false, true, true])).toBeNull();
    expect(errorRateOf([true, false, true, true, false])).toBe(0.4);
    expect(errorRateOf([...Array(20).fill(true), ...Array(10).fill(false)])).toBe(0);
  });
});
