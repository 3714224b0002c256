import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { IncidentEvent } from '../../../src/tools/health-monitor/entities/incident-event.entity';
import { Incident } from '../../../src/tools/health-monitor/entities/incident.entity';
import { MonitorSchedule } from '../../../src/tools/health-monitor/entities/monitor-schedule.entity';
import { Monitor } from '../../../src/tools/health-monitor/entities/monitor.entity';
import { IncidentsRepository, type NewIncident } from '../../../src/tools/health-monitor/incidents/incidents.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertMonitor, insertOrganization } from '../../support/seed';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));

describe.each(DRIVERS)('IncidentsRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: IncidentsRepository;
  let orgA: string;
  let orgB: string;
  let twitterA: string;
  let linkedinA: string;
  let monitorB: string;

  const incident = (organizationId: string, monitorId: string, message: string, minute: number, extra: Partial<NewIncident> = {}): NewIncident => ({
    organizationId,
    monitorId,
    platform: 'twitter',
    kind: 'availability',
    status: 'open',
    severity: 'warning',
    peakSeverity: 'warning',
    openedAt: at(minute),
    resolvedAt: null,
    message,
    recommendedAction: 'wait',
    engine: 'builtin',
    ...extra,
  });
  const messages = (rows: Incident[]) => rows.map((r) => r.message);

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, Monitor, MonitorSchedule, Incident, IncidentEvent]));
    repo = new IncidentsRepository(db.getRepository(Incident), db.getRepository(IncidentEvent));
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
    twitterA = await insertMonitor(db, orgA, 'twitter', 'twitter');
    linkedinA = await insertMonitor(db, orgA, 'linkedin', 'linkedin');
    monitorB = await insertMonitor(db, orgB, 'other org');
    // Inserted out of time order, so the order cannot come from insertion order.
    await db.transaction(async (tx) => {
      for (const i of [
        incident(orgA, twitterA, 'a-10 resolved', 10, { status: 'resolved', resolvedAt: at(15) }),
        incident(orgA, linkedinA, 'a-30 linkedin', 30, { platform: 'linkedin', kind: 'credentials' }),
        incident(orgA, twitterA, 'a-20 open', 20, { kind: 'rate-limit' }),
        incident(orgB, monitorB, 'b-40 other org', 40),
      ]) {
        await repo.create(tx, i);
      }
    });
  }, 120_000);

  afterAll(() => cleanup?.());

  it("list gives the organization's incidents newest opening first, with the total", async () => {
    const [rows, total] = await repo.list(orgA, { page: 1, pageSize: 10 });
    expect(messages(rows)).toEqual(['a-30 linkedin', 'a-20 open', 'a-10 resolved']);
    expect(total).toBe(3);
    const [other] = await repo.list(orgB, { page: 1, pageSize: 10 });
    expect(messages(other)).toEqual(['b-40 other org']);
  });

  it('list filters by status and platform, and pages with the total for the filter', async () => {
    expect(messages((await repo.list(orgA, { status: 'open', page: 1, pageSize: 10 }))[0])).toEqual(['a-30 linkedin', 'a-20 open']);
    expect(messages((await repo.list(orgA, { status: 'resolved', page: 1, pageSize: 10 }))[0])).toEqual(['a-10 resolved']);
    expect(messages((await repo.list(orgA, { platform: 'twitter', page: 1, pageSize: 10 }))[0])).toEqual(['a-20 open', 'a-10 resolved']);
    expect(await repo.list(orgA, { status: 'open', platform: 'twitter', page: 1, pageSize: 10 })).toEqual([[expect.objectContaining({ message: 'a-20 open' })], 1]);

    const [page2, total] = await repo.list(orgA, { page: 2, pageSize: 2 });
    expect(messages(page2)).toEqual(['a-10 resolved']);
    expect(total).toBe(3);
    expect(await repo.list(orgA, { page: 3, pageSize: 2 })).toEqual([[], 3]);
  });

  it('list breaks a tie in opening time by id', async () => {
    const org = await insertOrganization(db, 'ties');
    const m = await insertMonitor(db, org, 'ties');
    const ids = await db.transaction(async (tx) => [
      (await repo.create(tx, incident(org, m, 'tie 1', 50))).id,
      (await repo.create(tx, incident(org, m, 'tie 2', 50))).id,
      (await repo.create(tx, incident(org, m, 'tie 3', 50))).id,
    ]);
    expect((await repo.list(org, { page: 1, pageSize: 10 }))[0].map((r) => r.id)).toEqual([...ids].sort());
  });

  it('findById reads inside the transaction; save writes the changes back', async () => {
    const [[open]] = await repo.list(orgA, { status: 'open', platform: 'twitter', page: 1, pageSize: 1 });
    await db.transaction(async (tx) => {
      const read = await repo.findById(tx, open.id);
      if (!read) throw new Error('incident not found');
      read.severity = 'critical';
      read.peakSeverity = 'critical';
      await repo.save(tx, read);
    });
    expect(await db.transaction((tx) => repo.findById(tx, open.id))).toMatchObject({ severity: 'critical', peakSeverity: 'critical', status: 'open' });
    expect(await db.transaction((tx) => repo.findById(tx, '00000000-0000-4000-8000-000000000000'))).toBeNull();
  });

  it("addEvent appends to the timeline; findWithEvents gives it oldest first, only to the incident's organization", async () => {
    const i = await db.transaction((tx) => repo.create(tx, incident(orgA, linkedinA, 'with events', 5)));
    await db.transaction(async (tx) => {
      for (const type of ['opened', 'escalated', 'resolved'] as const) {
        await repo.addEvent(tx, { organizationId: orgA, incidentId: i.id, type, severity: 'warning', message: type });
      }
    });
    const found = await repo.findWithEvents(orgA, i.id);
    expect(found?.incident).toMatchObject({ id: i.id, message: 'with events' });
    expect(found?.events.map((e) => e.type)).toEqual(['opened', 'escalated', 'resolved']);
    expect(await repo.findWithEvents(orgB, i.id)).toBeNull();

    const [[bare]] = await repo.list(orgB, { page: 1, pageSize: 1 });
    expect((await repo.findWithEvents(orgB, bare.id))?.events).toEqual([]);
  });

  it('an incident created in a rolled-back transaction does not exist', async () => {
    let id = '';
    await expect(
      db.transaction(async (tx) => {
        id = (await repo.create(tx, incident(orgA, twitterA, 'ghost', 1))).id;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await repo.findWithEvents(orgA, id)).toBeNull();
  });
});
