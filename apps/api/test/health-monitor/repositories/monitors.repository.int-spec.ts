import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { DefaultMonitorsSeeded } from '../../../src/tools/health-monitor/entities/default-monitors-seeded.entity';
import { HealthCheck } from '../../../src/tools/health-monitor/entities/health-check.entity';
import { Incident } from '../../../src/tools/health-monitor/entities/incident.entity';
import { MonitorTrack } from '../../../src/tools/health-monitor/entities/monitor-track.entity';
import { Monitor } from '../../../src/tools/health-monitor/entities/monitor.entity';
import { MonitorsRepository, type NewMonitor } from '../../../src/tools/health-monitor/monitors/monitors.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertIncident, insertOrganization } from '../../support/seed';

// Monitors not under test are due far in the future, so claimDue never picks them up.
const FAR_FUTURE = new Date(Date.UTC(2100, 0, 1));
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe.each(DRIVERS)('MonitorsRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: MonitorsRepository;
  let orgA: string;
  let orgB: string;

  const newMonitor = (organizationId: string, name: string, extra: Partial<NewMonitor> = {}): NewMonitor => ({
    organizationId,
    name,
    platform: 'twitter',
    kind: 'http',
    url: 'https://example.com/health',
    method: 'GET',
    headers: {},
    accessTokenEncrypted: null,
    components: [],
    isDefault: false,
    nextCheckAt: FAR_FUTURE,
    ...extra,
  });

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, Monitor, DefaultMonitorsSeeded, HealthCheck, Incident, MonitorTrack]));
    repo = new MonitorsRepository(db.getRepository(Monitor), db);
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('create fills the database defaults; findOne and exists see it only from its own organization', async () => {
    const created = await repo.create({ ...newMonitor(orgA, 'defaults'), nextCheckAt: undefined });
    expect(created).toMatchObject({ enabled: true, timeoutMs: 5000, intervalSeconds: 300, expectedStatus: 200, method: 'GET', headers: {}, components: [] });
    expect(created.nextCheckAt).toBeInstanceOf(Date);
    expect(await repo.findOne(orgA, created.id)).toMatchObject({ id: created.id, name: 'defaults' });
    expect(await repo.findOne(orgB, created.id)).toBeNull();
    expect(await repo.exists(orgA, created.id)).toBe(true);
    expect(await repo.exists(orgB, created.id)).toBe(false);
    // Due now: out of the way of the claimDue spec below.
    await repo.delete(orgA, created.id);
  });

  it('listFor gives the organization its own monitors oldest first; countFor counts them', async () => {
    const org = await insertOrganization(db, 'list');
    const first = await repo.create(newMonitor(org, 'created first'));
    const second = await repo.create(newMonitor(org, 'created second'));
    await repo.create(newMonitor(orgB, 'other organization'));
    // Creation time, not insertion order, decides: make the second one the older.
    await db.query(`UPDATE "monitors" SET "created_at" = now() - interval '1 hour' WHERE "id" = $1`, [second.id]);
    expect((await repo.listFor(org)).map((m) => m.id)).toEqual([second.id, first.id]);
    expect(await repo.countFor(org)).toBe(2);
    expect(await repo.listFor(await insertOrganization(db, 'empty'))).toEqual([]);
  });

  it('save writes the changed fields of a monitor read earlier', async () => {
    const created = await repo.create(newMonitor(orgA, 'before'));
    const read = await repo.findOne(orgA, created.id);
    if (!read) throw new Error('monitor not found');
    read.name = 'after';
    read.headers = { 'x-probe': '1' };
    read.enabled = false;
    await repo.save(read);
    expect(await repo.findOne(orgA, created.id)).toMatchObject({ name: 'after', headers: { 'x-probe': '1' }, enabled: false });
  });

  it("delete removes only the organization's own monitor, with its checks, tracks and incidents", async () => {
    const m = await repo.create(newMonitor(orgA, 'to delete'));
    const incidentId = await insertIncident(db, orgA, m.id);
    await db.query(`INSERT INTO "health_checks" ("organization_id", "monitor_id", "checked_at", "status") VALUES ($1, $2, now(), 'healthy')`, [orgA, m.id]);
    await db.query(`INSERT INTO "monitor_tracks" ("monitor_id", "kind", "organization_id", "open_incident_id") VALUES ($1, 'availability', $2, $3)`, [m.id, orgA, incidentId]);

    expect(await repo.delete(orgB, m.id)).toBe(false);
    expect(await repo.exists(orgA, m.id)).toBe(true);
    expect(await repo.delete(orgA, m.id)).toBe(true);
    expect(await repo.exists(orgA, m.id)).toBe(false);
    expect(await repo.delete(orgA, m.id)).toBe(false);
    for (const table of ['health_checks', 'monitor_tracks', 'incidents']) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS "n" FROM "${table}" WHERE "monitor_id" = $1`, [m.id]);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
  });

  it('claimDue claims enabled due monitors of every organization, most overdue first, up to the limit, and moves them one interval ahead', async () => {
    const older = await repo.create(newMonitor(orgB, 'overdue 10 min', { nextCheckAt: minutesAgo(10), intervalSeconds: 60 }));
    const newer = await repo.create(newMonitor(orgA, 'overdue 5 min', { nextCheckAt: minutesAgo(5), intervalSeconds: 120 }));
    const newest = await repo.create(newMonitor(orgA, 'overdue 1 min', { nextCheckAt: minutesAgo(1) }));
    await repo.create(newMonitor(orgA, 'disabled', { nextCheckAt: minutesAgo(20), enabled: false }));

    const before = Date.now();
    const claimed = await repo.claimDue(2);
    expect(claimed.map((m) => m.id).sort()).toEqual([older.id, newer.id].sort());
    const byId = new Map(claimed.map((m) => [m.id, m]));
    // The returned rows are read after the move; the database clock is this machine's, give or take a few seconds.
    expect(byId.get(older.id)?.nextCheckAt.getTime()).toBeGreaterThan(before + 55_000);
    expect(byId.get(newer.id)?.nextCheckAt.getTime()).toBeGreaterThan(before + 115_000);

    expect((await repo.claimDue(10)).map((m) => m.id)).toEqual([newest.id]);
    expect(await repo.claimDue(10)).toEqual([]);
  });

  // Needs a second connection; PGlite has one and would queue the claim behind the open transaction.
  (driver === 'postgres' ? it : it.skip)('claimDue skips a due monitor another transaction holds', async () => {
    const held = await repo.create(newMonitor(orgA, 'held', { nextCheckAt: minutesAgo(3) }));
    const free = await repo.create(newMonitor(orgA, 'free', { nextCheckAt: minutesAgo(2) }));
    await db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM "monitors" WHERE "id" = $1 FOR UPDATE`, [held.id]);
      expect((await repo.claimDue(10)).map((m) => m.id)).toEqual([free.id]);
    });
    expect((await repo.claimDue(10)).map((m) => m.id)).toEqual([held.id]);
  });

  it('markDefaultsSeeded sets the marker once, and organizationsWithoutDefaults stops listing the organization', async () => {
    const org = await insertOrganization(db, 'seeding');
    expect(await repo.organizationsWithoutDefaults()).toContain(org);
    await expect(
      db.transaction(async (tx) => {
        expect(await repo.markDefaultsSeeded(tx, org)).toBe(true);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await repo.organizationsWithoutDefaults()).toContain(org);

    expect(await db.transaction((tx) => repo.markDefaultsSeeded(tx, org))).toBe(true);
    expect(await db.transaction((tx) => repo.markDefaultsSeeded(tx, org))).toBe(false);
    expect(await repo.organizationsWithoutDefaults()).not.toContain(org);
  });

  it('createMany inserts inside the transaction, and nothing when it rolls back', async () => {
    const org = await insertOrganization(db, 'many');
    await expect(
      db.transaction(async (tx) => {
        await repo.createMany(tx, [newMonitor(org, 'ghost')]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await repo.countFor(org)).toBe(0);

    const created = await db.transaction((tx) => repo.createMany(tx, [newMonitor(org, 'one'), newMonitor(org, 'two', { isDefault: true })]));
    expect(created.map((m) => m.id)).toEqual([expect.any(String), expect.any(String)]);
    expect((await repo.listFor(org)).map((m) => [m.name, m.isDefault]).sort()).toEqual([['one', false], ['two', true]]);
  });
});
