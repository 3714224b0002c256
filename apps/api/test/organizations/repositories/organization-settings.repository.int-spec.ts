import type { DataSource } from 'typeorm';
import { OrganizationSettings } from '../../../src/organizations/entities/organization-settings.entity';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { OrganizationSettingsRepository } from '../../../src/organizations/organization-settings.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertOrganization } from '../../support/seed';

describe.each(DRIVERS)('OrganizationSettingsRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: OrganizationSettingsRepository;
  let orgA: string;
  let orgB: string;

  const rowCount = async (): Promise<number> => Number((await db.query(`SELECT count(*) AS n FROM "organization_settings"`))[0].n);

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, OrganizationSettings]));
    repo = new OrganizationSettingsRepository(db.getRepository(OrganizationSettings));
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('findFor is null for an organization that never saved', async () => {
    expect(await repo.findFor(orgA)).toBeNull();
  });

  it('upsertBrandedHashtags creates the row, then replaces it (one row per organization)', async () => {
    expect((await repo.upsertBrandedHashtags(orgA, ['#Acme', '#Rockets'], new Date())).brandedHashtags).toEqual(['#Acme', '#Rockets']);
    expect(await rowCount()).toBe(1);
    const replaced = await repo.upsertBrandedHashtags(orgA, ['#AcmeOnly'], new Date());
    expect(replaced).toMatchObject({ organizationId: orgA, brandedHashtags: ['#AcmeOnly'] });
    expect(replaced.updatedAt).toBeInstanceOf(Date);
    expect(await rowCount()).toBe(1);
    expect((await repo.findFor(orgA))?.brandedHashtags).toEqual(['#AcmeOnly']);
  });

  it('keeps organizations apart', async () => {
    await repo.upsertBrandedHashtags(orgB, [], new Date());
    expect((await repo.findFor(orgB))?.brandedHashtags).toEqual([]);
    expect((await repo.findFor(orgA))?.brandedHashtags).toEqual(['#AcmeOnly']);
    expect(await rowCount()).toBe(2);
  });
});
