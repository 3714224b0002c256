import type { IncidentKind } from '@postprober/shared/health-events';
import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { Incident } from '../../../src/tools/health-monitor/entities/incident.entity';
import { MonitorTrack } from '../../../src/tools/health-monitor/entities/monitor-track.entity';
import { MonitorSchedule } from '../../../src/tools/health-monitor/entities/monitor-schedule.entity';
import { Monitor } from '../../../src/tools/health-monitor/entities/monitor.entity';
import { MonitorTracksRepository, type MonitorTrackRow } from '../../../src/tools/health-monitor/recording/monitor-tracks.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { sleep } from '../../support/polling';
import { insertIncident, insertMonitor, insertOrganization } from '../../support/seed';

describe.each(DRIVERS)('MonitorTracksRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: MonitorTracksRepository;
  let orgId: string;

  const track = (monitorId: string, kind: IncidentKind, extra: Partial<MonitorTrackRow> = {}): MonitorTrackRow => ({
    monitorId,
    kind,
    organizationId: orgId,
    badStreak: 0,
    goodStreak: 0,
    streakSeverity: null,
    lowerStreak: 0,
    lowerSeverity: null,
    openSeverity: null,
    openIncidentId: null,
    updatedAt: new Date(),
    ...extra,
  });

  /** Runs `hold` in one transaction and, while it holds, `wait` in a second one; gives the order things happened. */
  async function secondWaitsForFirst(hold: (tx: DataSource['manager']) => Promise<void>, wait: (tx: DataSource['manager']) => Promise<void>): Promise<string[]> {
    const events: string[] = [];
    let second: Promise<void> = Promise.resolve();
    await db.transaction(async (tx) => {
      await hold(tx);
      events.push('first holds');
      second = db.transaction(async (tx2) => {
        await wait(tx2);
        events.push('second got it');
      });
      await sleep(300);
      events.push('first done');
    });
    await second;
    return events;
  }

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, Monitor, MonitorSchedule, Incident, MonitorTrack]));
    repo = new MonitorTracksRepository(db.getRepository(MonitorTrack));
    orgId = await insertOrganization(db, 'Tracks');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('read gives an empty map for a monitor without tracks', async () => {
    expect((await repo.read(await insertMonitor(db, orgId, 'untracked'))).size).toBe(0);
  });

  it('upsert inserts tracks, then overwrites them by (monitor, kind); read gives only that monitor\'s, by kind', async () => {
    const m = await insertMonitor(db, orgId, 'tracked');
    const other = await insertMonitor(db, orgId, 'other');
    const incidentId = await insertIncident(db, orgId, m);
    await db.transaction((tx) =>
      repo.upsert(tx, [
        track(m, 'availability', { badStreak: 2, streakSeverity: 'warning' }),
        track(m, 'rate-limit', { goodStreak: 1 }),
        track(other, 'availability', { badStreak: 9 }),
      ]),
    );
    await db.transaction((tx) =>
      repo.upsert(tx, [track(m, 'availability', { badStreak: 3, streakSeverity: 'critical', openSeverity: 'critical', openIncidentId: incidentId })]),
    );
    await db.transaction((tx) => repo.upsert(tx, []));

    const tracks = await repo.read(m);
    expect([...tracks.keys()].sort()).toEqual(['availability', 'rate-limit']);
    expect(tracks.get('availability')).toMatchObject({ badStreak: 3, streakSeverity: 'critical', openSeverity: 'critical', openIncidentId: incidentId });
    expect(tracks.get('rate-limit')).toMatchObject({ goodStreak: 1, badStreak: 0 });
    expect((await repo.read(other)).get('availability')).toMatchObject({ badStreak: 9 });
  });

  it('an upsert in a rolled-back transaction leaves no track', async () => {
    const m = await insertMonitor(db, orgId, 'rolled back');
    await expect(
      db.transaction(async (tx) => {
        await repo.upsert(tx, [track(m, 'credentials', { badStreak: 1 })]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await repo.read(m)).size).toBe(0);
  });

  it('readForUpdate reads the tracks inside the transaction and makes a second reader wait until it ends', async () => {
    const m = await insertMonitor(db, orgId, 'locked rows');
    await db.transaction((tx) => repo.upsert(tx, [track(m, 'availability', { badStreak: 1 })]));
    let seen: number | undefined;
    const events = await secondWaitsForFirst(
      async (tx) => {
        seen = (await repo.readForUpdate(tx, m)).get('availability')?.badStreak;
        await repo.upsert(tx, [track(m, 'availability', { badStreak: 2 })]);
      },
      async (tx) => {
        // Sees the first transaction's write: it waited for the commit.
        expect((await repo.readForUpdate(tx, m)).get('availability')?.badStreak).toBe(2);
      },
    );
    expect(seen).toBe(1);
    expect(events).toEqual(['first holds', 'first done', 'second got it']);
  });

  // PGlite runs one transaction at a time, so there these only show the lock is accepted and does not deadlock.
  it('lockMonitor makes a second recording of the same monitor wait until the first transaction ends', async () => {
    const m = await insertMonitor(db, orgId, 'advisory');
    const events = await secondWaitsForFirst(
      (tx) => repo.lockMonitor(tx, m),
      (tx) => repo.lockMonitor(tx, m),
    );
    expect(events).toEqual(['first holds', 'first done', 'second got it']);
  });

  // Needs two connections at once, which PGlite does not have.
  (driver === 'postgres' ? it : it.skip)('lockMonitor on another monitor does not wait', async () => {
    const a = await insertMonitor(db, orgId, 'lock a');
    const b = await insertMonitor(db, orgId, 'lock b');
    await db.transaction(async (tx) => {
      await repo.lockMonitor(tx, a);
      await db.transaction((tx2) => repo.lockMonitor(tx2, b));
    });
  });
});
