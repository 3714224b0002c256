import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { HealthCheck } from '../../../src/tools/health-monitor/entities/health-check.entity';
import { MonitorSchedule } from '../../../src/tools/health-monitor/entities/monitor-schedule.entity';
import { Monitor } from '../../../src/tools/health-monitor/entities/monitor.entity';
import { HealthChecksRepository, type NewHealthCheck } from '../../../src/tools/health-monitor/recording/health-checks.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertMonitor, insertOrganization } from '../../support/seed';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));

describe.each(DRIVERS)('HealthChecksRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: HealthChecksRepository;
  let orgId: string;
  let monitorA: string;
  let monitorB: string;
  let monitorNone: string;

  const check = (monitorId: string, minute: number, latencyMs: number): NewHealthCheck => ({
    organizationId: orgId,
    monitorId,
    checkedAt: at(minute),
    status: 'healthy',
    latencyMs,
    httpStatus: 200,
    bodyBytes: 10,
    errorClass: null,
    errorMessage: null,
    rateLimitUsed: null,
    rateLimitTotal: null,
    rateLimitPercent: null,
    rateLimitResetAt: null,
  });

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, Monitor, MonitorSchedule, HealthCheck]));
    repo = new HealthChecksRepository(db.getRepository(HealthCheck), db);
    orgId = await insertOrganization(db, 'Repo test');
    monitorA = await insertMonitor(db, orgId, 'A');
    monitorB = await insertMonitor(db, orgId, 'B');
    monitorNone = await insertMonitor(db, orgId, 'never checked');
    // Inserted out of time order, so "newest" cannot come from insertion order.
    await db.transaction(async (tx) => {
      for (const [m, minute, latency] of [
        [monitorA, 5, 105],
        [monitorA, 20, 120],
        [monitorA, 10, 110],
        [monitorB, 30, 230],
        [monitorB, 1, 201],
      ] as const) {
        await repo.insert(tx, check(m, minute, latency));
      }
    });
  }, 120_000);

  afterAll(() => cleanup?.());

  it('latestPerMonitor picks each monitor its newest check, and none for a monitor without checks', async () => {
    const latest = await repo.latestPerMonitor([monitorA, monitorB, monitorNone]);
    expect([...latest.keys()].sort()).toEqual([monitorA, monitorB].sort());
    expect(latest.get(monitorA)).toMatchObject({ latencyMs: 120, checkedAt: at(20) });
    expect(latest.get(monitorB)).toMatchObject({ latencyMs: 230, checkedAt: at(30) });
    expect((await repo.latestPerMonitor([])).size).toBe(0);
  });

  it('recent gives the newest samples first, at most `limit`', async () => {
    expect((await repo.recent(monitorA, 10)).map((r) => r.latencyMs)).toEqual([120, 110, 105]);
    expect((await repo.recent(monitorA, 2)).map((r) => r.latencyMs)).toEqual([120, 110]);
    expect(await repo.recent(monitorNone, 10)).toEqual([]);
  });

  it('history gives the checks since a time oldest first, keeping the newest past the limit', async () => {
    expect((await repo.history(monitorA, at(6), 10)).map((r) => r.latencyMs)).toEqual([110, 120]);
    expect((await repo.history(monitorA, at(0), 2)).map((r) => r.latencyMs)).toEqual([110, 120]);
  });

  it('deleteOlderThan deletes only the rows older than the cutoff, in batches', async () => {
    expect(await repo.deleteOlderThan(at(10), 1)).toBe(2);
    const left: { latency_ms: number }[] = await db.query(`SELECT "latency_ms" FROM "health_checks" ORDER BY "latency_ms"`);
    expect(left.map((r) => r.latency_ms)).toEqual([110, 120, 230]);
    expect(await repo.deleteOlderThan(at(10), 1)).toBe(0);
  });
});
