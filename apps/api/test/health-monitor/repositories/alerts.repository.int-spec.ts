import type { DataSource, EntityManager } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { User } from '../../../src/organizations/entities/user.entity';
import { AlertsRepository, type NewAlertRow } from '../../../src/tools/health-monitor/alerts/alerts.repository';
import { AlertRead } from '../../../src/tools/health-monitor/alerts/entities/alert-read.entity';
import { Alert } from '../../../src/tools/health-monitor/alerts/entities/alert.entity';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { sleep } from '../../support/polling';
import { insertOrganization, insertUser } from '../../support/seed';

const ids = (rows: Alert[]) => rows.map((r) => r.id);

describe.each(DRIVERS)('AlertsRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: AlertsRepository;
  let orgA: string;
  let orgB: string;
  let userA: string;
  /** Organization A's alert ids in the order appended; B's are interleaved between them. */
  let alertsA: string[];

  const row = (organizationId: string, message: string): NewAlertRow => ({
    organizationId,
    type: 'opened',
    incidentId: '00000000-0000-4000-8000-000000000001',
    monitorId: '00000000-0000-4000-8000-000000000002',
    platform: 'twitter',
    kind: 'availability',
    severity: 'warning',
    message,
    action: 'wait',
  });
  const append = (organizationId: string, message: string) => db.transaction((tx) => repo.append(tx, row(organizationId, message)));

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, User, Alert, AlertRead]));
    repo = new AlertsRepository(db.getRepository(Alert), db.getRepository(AlertRead));
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
    userA = await insertUser(db, orgA, 'reader@a.test');
    alertsA = [];
    for (let i = 1; i <= 4; i++) {
      alertsA.push((await append(orgA, `a${i}`)).id);
      await append(orgB, `b${i}`);
    }
  }, 120_000);

  afterAll(() => cleanup?.());

  it('append refuses to run outside a transaction', async () => {
    await expect(repo.append(db.manager, row(orgA, 'loose'))).rejects.toThrow(/inside a transaction/);
  });

  it('append gives increasing bigint ids as decimal strings', () => {
    expect(alertsA).toEqual(alertsA.map(() => expect.stringMatching(/^\d+$/)));
    const asNumbers = alertsA.map(BigInt);
    expect([...asNumbers].sort((x, y) => (x < y ? -1 : 1))).toEqual(asNumbers);
  });

  it("after replays the organization's alerts after an id, oldest first, up to the limit", async () => {
    expect(ids(await repo.after(orgA, null, 10))).toEqual(alertsA);
    expect(ids(await repo.after(orgA, alertsA[1], 10))).toEqual(alertsA.slice(2));
    expect(ids(await repo.after(orgA, null, 2))).toEqual(alertsA.slice(0, 2));
    expect(await repo.after(orgA, alertsA[3], 10)).toEqual([]);
    expect((await repo.after(orgB, null, 10)).map((a) => a.message)).toEqual(['b1', 'b2', 'b3', 'b4']);
  });

  it('latest gives the newest alerts first; newestId the greatest id, or null without alerts', async () => {
    expect(ids(await repo.latest(orgA, 2))).toEqual([alertsA[3], alertsA[2]]);
    expect(await repo.newestId(orgA)).toBe(alertsA[3]);
    const empty = await insertOrganization(db, 'no alerts');
    expect(await repo.latest(empty, 10)).toEqual([]);
    expect(await repo.newestId(empty)).toBeNull();
  });

  it('countAfter counts the alerts after an id, up to the cap', async () => {
    expect(await repo.countAfter(orgA, null, 100)).toBe(4);
    expect(await repo.countAfter(orgA, alertsA[0], 100)).toBe(3);
    expect(await repo.countAfter(orgA, null, 2)).toBe(2);
    expect(await repo.countAfter(orgA, alertsA[3], 100)).toBe(0);
  });

  it('moveReadMarker moves forward only, never past the newest alert, and only for that user and organization', async () => {
    expect(await repo.readMarker(orgA, userA)).toBeNull();
    await repo.moveReadMarker(orgA, userA, alertsA[1]);
    expect(await repo.readMarker(orgA, userA)).toBe(alertsA[1]);
    await repo.moveReadMarker(orgA, userA, alertsA[0]);
    expect(await repo.readMarker(orgA, userA)).toBe(alertsA[1]);
    await repo.moveReadMarker(orgA, userA, '999999999999');
    expect(await repo.readMarker(orgA, userA)).toBe(alertsA[3]);

    const otherUser = await insertUser(db, orgA, 'unread@a.test');
    expect(await repo.readMarker(orgA, otherUser)).toBeNull();
    expect(await repo.readMarker(orgB, userA)).toBeNull();
  });

  it('moveReadMarker sets no marker in an organization without alerts', async () => {
    const empty = await insertOrganization(db, 'nothing to read');
    const user = await insertUser(db, empty, 'reader@empty.test');
    await repo.moveReadMarker(empty, user, '5');
    expect(await repo.readMarker(empty, user)).toBeNull();
  });

  // On PostgreSQL this shows the per-organization lock; PGlite runs one transaction at a time, so there it
  // only shows the lock is accepted and does not deadlock the queued transaction.
  it("append makes a second append of the same organization wait until the first transaction commits, so ids commit in order", async () => {
    const org = await insertOrganization(db, 'ordered');
    const events: string[] = [];
    let second: Promise<Alert> | undefined;
    const first = await db.transaction(async (tx: EntityManager) => {
      const alert = await repo.append(tx, row(org, 'first'));
      events.push('first appended');
      second = db.transaction(async (tx2) => {
        const a = await repo.append(tx2, row(org, 'second'));
        events.push('second appended');
        return a;
      });
      await sleep(300);
      events.push('first committing');
      return alert;
    });
    const later = await second;
    expect(events).toEqual(['first appended', 'first committing', 'second appended']);
    expect(BigInt(later?.id ?? 0)).toBeGreaterThan(BigInt(first.id));
    expect((await repo.after(org, null, 10)).map((a) => a.message)).toEqual(['first', 'second']);
  });
});
