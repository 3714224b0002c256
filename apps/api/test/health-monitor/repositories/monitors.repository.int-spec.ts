import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { DefaultMonitorsSeeded } from '../../../src/tools/health-monitor/entities/default-monitors-seeded.entity';
import { HealthCheck } from '../../../src/tools/health-monitor/entities/health-check.entity';
import { Incident } from '../../../src/tools/health-monitor/entities/incident.entity';
import { MonitorSchedule } from '../../../src/tools/health-monitor/entities/monitor-schedule.entity';
import { MonitorTrack } from '../../../src/tools/health-monitor/entities/monitor-track.entity';
import { Monitor } from '../../../src/tools/health-monitor/entities/monitor.entity';
import { MonitorsRepository, type NewMonitor } from '../../../src/tools/health-monitor/monitors/monitors.repository';
import { MonitorScheduleRepository } from '../../../src/tools/health-monitor/sweep/monitor-schedule.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertIncident, insertOrganization } from '../../support/seed';

const FAR_FUTURE = new Date(Date.UTC(2100, 0, 1));

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
    firstDueAt: FAR_FUTURE,
    ...extra,
  });

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, Monitor, MonitorSchedule, DefaultMonitorsSeeded, HealthCheck, Incident, MonitorTrack]));
    repo = new MonitorsRepository(db.getRepository(Monitor), db, new MonitorScheduleRepository(db));
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('create fills the database defaults and a schedule row due now; findOne and exists see it only from its own organization', async () => {
    const before = Date.now();
    const created = await repo.create({ ...newMonitor(orgA, 'defaults'), firstDueAt: undefined });
    expect(created).toMatchObject({ enabled: true, timeoutMs: 5000, intervalSeconds: 300, expectedStatus: 200, method: 'GET', headers: {}, components: [] });
    expect(created.schedule).toMatchObject({ monitorId: created.id, organizationId: orgA, leaseUntil: null, leaseToken: null, lastCheckedAt: null });
    expect(Math.abs((created.schedule?.dueAt.getTime() ?? 0) - before)).toBeLessThan(5_000);
    expect(await repo.findOne(orgA, created.id)).toMatchObject({ id: created.id, name: 'defaults', schedule: { dueAt: created.schedule?.dueAt } });
    expect(await repo.findOne(orgB, created.id)).toBeNull();
    expect(await repo.exists(orgA, created.id)).toBe(true);
    expect(await repo.exists(orgB, created.id)).toBe(false);
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

  it('save writes the changed fields of a monitor read earlier, and moves its next slot only when asked', async () => {
    const created = await repo.create(newMonitor(orgA, 'before'));
    const read = await repo.findOne(orgA, created.id);
    if (!read) throw new Error('monitor not found');
    read.name = 'after';
    read.headers = { 'x-probe': '1' };
    read.enabled = false;
    const saved = await repo.save(read);
    expect(saved).toMatchObject({ name: 'after', headers: { 'x-probe': '1' }, enabled: false, schedule: { dueAt: FAR_FUTURE } });
    expect(await repo.findOne(orgA, created.id)).toMatchObject({ name: 'after', headers: { 'x-probe': '1' }, enabled: false });

    const soon = new Date(Date.now() + 60_000);
    expect((await repo.save(saved, { dueAt: soon, onlyEarlier: true })).schedule?.dueAt).toEqual(soon);
    // onlyEarlier keeps an earlier slot; otherwise the slot is set as given.
    expect((await repo.save(saved, { dueAt: FAR_FUTURE, onlyEarlier: true })).schedule?.dueAt).toEqual(soon);
    expect((await repo.save(saved, { dueAt: FAR_FUTURE, onlyEarlier: false })).schedule?.dueAt).toEqual(FAR_FUTURE);
  });

  it('findByIds reads monitors of any organization', async () => {
    const a = await repo.create(newMonitor(orgA, 'by id A'));
    const b = await repo.create(newMonitor(orgB, 'by id B'));
    expect((await repo.findByIds([a.id, b.id])).map((m) => m.name).sort()).toEqual(['by id A', 'by id B']);
    expect(await repo.findByIds([])).toEqual([]);
  });

  it("delete removes only the organization's own monitor, with its schedule, checks, tracks and incidents", async () => {
    const m = await repo.create(newMonitor(orgA, 'to delete'));
    const incidentId = await insertIncident(db, orgA, m.id);
    await db.query(`INSERT INTO "health_checks" ("organization_id", "monitor_id", "checked_at", "status") VALUES ($1, $2, now(), 'healthy')`, [orgA, m.id]);
    await db.query(`INSERT INTO "monitor_tracks" ("monitor_id", "kind", "organization_id", "open_incident_id") VALUES ($1, 'availability', $2, $3)`, [m.id, orgA, incidentId]);

    expect(await repo.delete(orgB, m.id)).toBe(false);
    expect(await repo.exists(orgA, m.id)).toBe(true);
    expect(await repo.delete(orgA, m.id)).toBe(true);
    expect(await repo.exists(orgA, m.id)).toBe(false);
    expect(await repo.delete(orgA, m.id)).toBe(false);
    for (const table of ['monitor_schedule', 'health_checks', 'monitor_tracks', 'incidents']) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS "n" FROM "${table}" WHERE "monitor_id" = $1`, [m.id]);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
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
    expect((await repo.listFor(org)).map((m) => [m.name, m.isDefault, m.schedule?.dueAt]).sort()).toEqual([
      ['one', false, FAR_FUTURE],
      ['two', true, FAR_FUTURE],
    ]);
  });
});
