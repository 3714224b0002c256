import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { MonitorSchedule } from '../../../src/tools/health-monitor/entities/monitor-schedule.entity';
import { Monitor } from '../../../src/tools/health-monitor/entities/monitor.entity';
import { MonitorScheduleRepository } from '../../../src/tools/health-monitor/sweep/monitor-schedule.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertOrganization } from '../../support/seed';

const FAR_FUTURE = new Date(Date.UTC(2100, 0, 1));
const GRACE_MS = 15_000;

describe.each(DRIVERS)('MonitorScheduleRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: MonitorScheduleRepository;
  let org: string;

  /** A monitor whose first slot is `dueAt`; returns its id. */
  const monitor = async (dueAt: Date, opts: { intervalSeconds?: number; timeoutMs?: number; enabled?: boolean } = {}) => {
    const [{ id }] = await db.query(
      `INSERT INTO "monitors" ("organization_id", "name", "platform", "kind", "url", "interval_seconds", "timeout_ms", "enabled")
       VALUES ($1, 'm', 'twitter', 'http', 'https://example.com', $2, $3, $4) RETURNING "id"`,
      [org, opts.intervalSeconds ?? 60, opts.timeoutMs ?? 5_000, opts.enabled ?? true],
    );
    await db.transaction((tx) => repo.insert(tx, [{ monitorId: id, organizationId: org, dueAt }]));
    return id as string;
  };
  const row = async (id: string): Promise<MonitorSchedule> => (await db.getRepository(MonitorSchedule).findOneByOrFail({ monitorId: id }));
  /** The database's clock (the claim's "now"), which may differ from this process's by a little. */
  const dbNow = async (): Promise<number> => new Date((await db.query(`SELECT now() AS "t"`))[0].t).getTime();
  /** Parks every monitor not under test far in the future. */
  const parkAll = () => db.query(`UPDATE "monitor_schedule" SET "due_at" = $1, "lease_until" = NULL, "lease_token" = NULL`, [FAR_FUTURE]);

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, Monitor, MonitorSchedule]));
    repo = new MonitorScheduleRepository(db);
    org = await insertOrganization(db, 'schedule');
  }, 120_000);

  beforeEach(() => parkAll());
  afterAll(() => cleanup?.());

  it('claims enabled monitors due within the horizon, earliest first, up to the limit', async () => {
    const now = await dbNow();
    const late = await monitor(new Date(now - 30_000));
    const onTime = await monitor(new Date(now - 1_000));
    const soon = await monitor(new Date(now + 1_500));
    await monitor(new Date(now + 10_000)); // beyond the horizon
    await monitor(new Date(now - 60_000), { enabled: false });

    const first = await repo.claimDue(2, 2_000, GRACE_MS);
    expect(first.map((c) => c.monitorId)).toEqual([late, onTime]);
    const second = await repo.claimDue(10, 2_000, GRACE_MS);
    expect(second.map((c) => c.monitorId)).toEqual([soon]);
    // A slot claimed ahead starts at its own time, not now.
    expect(second[0].slot.getTime()).toBe(now + 1_500);
    expect(await repo.claimDue(10, 2_000, GRACE_MS)).toEqual([]);
    expect(new Set([...first, ...second].map((c) => c.token)).size).toBe(3);
  });

  it('moves a claimed monitor to its next fixed-rate slot: previous slot + interval, skipping slots already past', async () => {
    const now = await dbNow();
    const slot = new Date(Math.floor(now / 1000) * 1000 - 5_000);
    const onTime = await monitor(slot, { intervalSeconds: 60 });
    // Three and a half intervals overdue: the slots in between are skipped, the phase is kept.
    const missed = new Date(slot.getTime() - 210_000);
    const behind = await monitor(missed, { intervalSeconds: 60 });

    const claims = await repo.claimDue(10, 2_000, GRACE_MS);
    const byId = new Map(claims.map((c) => [c.monitorId, c]));
    expect(byId.get(onTime)?.slot).toEqual(slot);
    expect((await row(onTime)).dueAt).toEqual(new Date(slot.getTime() + 60_000));
    // The slot run is the latest one already past; the next keeps the original phase.
    expect(byId.get(behind)?.slot).toEqual(new Date(missed.getTime() + 180_000));
    expect((await row(behind)).dueAt).toEqual(new Date(missed.getTime() + 240_000));
    expect((await row(behind)).dueAt.getTime()).toBeGreaterThan(now);
  });

  it('never claims a monitor while its lease runs; a lease that ran out unreleased is claimed again and reported as lapsed', async () => {
    const now = await dbNow();
    const id = await monitor(new Date(now - 1_000), { intervalSeconds: 1, timeoutMs: 500 });
    const [claim] = await repo.claimDue(10, 2_000, GRACE_MS);
    expect(claim).toMatchObject({ monitorId: id, lapsedAt: null });
    const leased = await row(id);
    expect(leased.leaseToken).toBe(claim.token);
    // The lease covers the slot, the timeout and the grace.
    expect(leased.leaseUntil?.getTime()).toBeGreaterThanOrEqual(claim.slot.getTime() + 500 + GRACE_MS - 1);

    // Due again (1 s interval) but in flight: not claimed.
    await db.query(`UPDATE "monitor_schedule" SET "due_at" = now() - interval '1 second' WHERE "monitor_id" = $1`, [id]);
    expect(await repo.claimDue(10, 2_000, GRACE_MS)).toEqual([]);

    // Its process died: the lease runs out without a release.
    await db.query(`UPDATE "monitor_schedule" SET "lease_until" = now() - interval '1 second' WHERE "monitor_id" = $1`, [id]);
    const [again] = await repo.claimDue(10, 2_000, GRACE_MS);
    expect(again.monitorId).toBe(id);
    expect(again.lapsedAt).toBeInstanceOf(Date);
    expect(again.token).not.toBe(claim.token);
  });

  it('release ends only the lease its token holds, and gives a slot back when asked', async () => {
    const now = await dbNow();
    const slot = new Date(Math.floor(now / 1000) * 1000 - 1_000);
    const id = await monitor(slot);
    const [claim] = await repo.claimDue(10, 2_000, GRACE_MS);
    await repo.release(id, '00000000-0000-4000-8000-000000000000');
    expect((await row(id)).leaseToken).toBe(claim.token);
    await repo.release(id, claim.token, claim.slot);
    expect(await row(id)).toMatchObject({ leaseToken: null, leaseUntil: null, dueAt: slot });
    // Given back, the slot is claimed by the next sweep.
    const [retaken] = await repo.claimDue(10, 2_000, GRACE_MS);
    expect(retaken).toMatchObject({ monitorId: id, slot, lapsedAt: null });
    await repo.release(id, retaken.token);
    expect((await row(id)).dueAt).toEqual(new Date(slot.getTime() + 60_000));
  });

  it('advanceRecorded keeps check order: a result older than the newest recorded one is refused; it ends the lease', async () => {
    const now = await dbNow();
    const id = await monitor(new Date(now - 1_000));
    const [claim] = await repo.claimDue(10, 2_000, GRACE_MS);
    const newer = new Date(now);
    const older = new Date(now - 20_000);
    expect(await db.transaction((tx) => repo.advanceRecorded(tx, id, newer, claim.token))).toBe(true);
    expect(await row(id)).toMatchObject({ lastCheckedAt: newer, leaseToken: null, leaseUntil: null });
    expect(await db.transaction((tx) => repo.advanceRecorded(tx, id, older, null))).toBe(false);
    expect(await db.transaction((tx) => repo.advanceRecorded(tx, id, newer, null))).toBe(false);
    expect((await row(id)).lastCheckedAt).toEqual(newer);
    // Rolled back with its transaction.
    await expect(
      db.transaction(async (tx) => {
        await repo.advanceRecorded(tx, id, new Date(now + 1_000), null);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await row(id)).lastCheckedAt).toEqual(newer);
  });

  it('lease (check now) is refused while a check is in flight and leaves the slots alone', async () => {
    const id = await monitor(FAR_FUTURE);
    const token = await repo.lease(id, 10_000);
    expect(token).toEqual(expect.any(String));
    expect(await repo.lease(id, 10_000)).toBeNull();
    expect((await row(id)).dueAt).toEqual(FAR_FUTURE);
    await repo.release(id, token as string);
    expect(await repo.lease(id, 10_000)).toEqual(expect.any(String));
  });

  // Needs a second connection; PGlite has one and would queue the claim behind the open transaction.
  (driver === 'postgres' ? it : it.skip)('skips a due monitor another transaction holds', async () => {
    const now = await dbNow();
    const held = await monitor(new Date(now - 3_000));
    const free = await monitor(new Date(now - 2_000));
    await db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM "monitor_schedule" WHERE "monitor_id" = $1 FOR UPDATE`, [held]);
      expect((await repo.claimDue(10, 2_000, GRACE_MS)).map((c) => c.monitorId)).toEqual([free]);
    });
    expect((await repo.claimDue(10, 2_000, GRACE_MS)).map((c) => c.monitorId)).toEqual([held]);
  });

  it('vacuum reclaims the dead row versions that rewriting every row leaves behind', async () => {
    const size = async () => Number((await db.query(`SELECT pg_relation_size('monitor_schedule') AS "n"`))[0].n);
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push(await monitor(FAR_FUTURE));
    await repo.vacuum();
    const base = await size();
    // As a claim does: due_at is indexed, so these are not HOT updates that pages could prune by themselves.
    const rewrite = () => db.query(`UPDATE "monitor_schedule" SET "due_at" = "due_at" + interval '1 second', "last_checked_at" = clock_timestamp()`);
    // Without a vacuum between them, each rewrite of every row adds a full set of row versions.
    for (let i = 0; i < 6; i++) await rewrite();
    const grown = await size();
    expect(grown).toBeGreaterThan(base * 1.5);
    // With one after each rewrite, the freed space is reused and the table stops growing.
    await repo.vacuum();
    const settled = await size();
    for (let i = 0; i < 6; i++) {
      await rewrite();
      await repo.vacuum();
    }
    expect(await size()).toBeLessThanOrEqual(settled);
  });
});
