import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { OrganizationsRepository } from '../../../src/organizations/organizations.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { sleep } from '../../support/polling';

describe.each(DRIVERS)('OrganizationsRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: OrganizationsRepository;

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization]));
    repo = new OrganizationsRepository(db.getRepository(Organization));
  }, 120_000);

  afterAll(() => cleanup?.());

  it('create inserts inside the transaction; findById finds it after commit', async () => {
    const org = await db.transaction((tx) => repo.create(tx, 'Acme'));
    expect(org.id).toEqual(expect.any(String));
    expect(await repo.findById(org.id)).toMatchObject({ id: org.id, name: 'Acme' });
    expect(await repo.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('an organization created in a rolled-back transaction does not exist', async () => {
    let id = '';
    await expect(
      db.transaction(async (tx) => {
        id = (await repo.create(tx, 'Ghost')).id;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await repo.findById(id)).toBeNull();
  });

  // On PostgreSQL this fails without the advisory lock; PGlite runs one transaction at a time, so there it
  // only shows the lock is accepted and does not deadlock the queued transaction.
  it('lockFirstAdminSetup makes a second setup wait until the first transaction ends', async () => {
    const events: string[] = [];
    let second: Promise<void> = Promise.resolve();
    await db.transaction(async (tx) => {
      await repo.lockFirstAdminSetup(tx);
      events.push('first locked');
      second = db.transaction(async (tx2) => {
        await repo.lockFirstAdminSetup(tx2);
        events.push('second locked');
      });
      await sleep(300);
      events.push('first done');
    });
    await second;
    expect(events).toEqual(['first locked', 'first done', 'second locked']);
  });
});
