import type { DataSource } from 'typeorm';
import { ApiKeysRepository, type NewApiKey } from '../../../src/auth/api-keys.repository';
import { ApiKey } from '../../../src/auth/entities/api-key.entity';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { User } from '../../../src/organizations/entities/user.entity';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertOrganization, insertUser } from '../../support/seed';

describe.each(DRIVERS)('ApiKeysRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: ApiKeysRepository;
  let orgA: string;
  let orgB: string;
  let userA: string;

  const key = (organizationId: string, name: string): NewApiKey => ({
    organizationId,
    createdBy: null,
    name,
    prefix: 'ppk_' + name,
    keyHash: 'hash-' + name,
    role: 'member',
    lastUsedAt: null,
    revokedAt: null,
  });
  // created_at is set explicitly so "newest first" cannot come from insertion order.
  const setCreatedAt = (id: string, iso: string) => db.query(`UPDATE "api_keys" SET "created_at" = $2 WHERE "id" = $1`, [id, iso]);

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, User, ApiKey]));
    repo = new ApiKeysRepository(db.getRepository(ApiKey));
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
    userA = await insertUser(db, orgA, 'a@example.com', 'admin');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('create stores the key and returns it with its generated id and created_at', async () => {
    const created = await repo.create({ ...key(orgA, 'created'), createdBy: userA, role: 'admin' });
    expect(created.id).toEqual(expect.any(String));
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await repo.findActive(orgA, created.id)).toMatchObject({ name: 'created', createdBy: userA, role: 'admin', keyHash: 'hash-created' });
  });

  it('listActive gives only the organization’s unrevoked keys, newest first', async () => {
    const old = await repo.create(key(orgA, 'old'));
    const mid = await repo.create(key(orgA, 'mid'));
    const newest = await repo.create(key(orgA, 'newest'));
    const revoked = await repo.create(key(orgA, 'revoked'));
    const other = await repo.create(key(orgB, 'other-org'));
    await setCreatedAt(newest.id, '2030-01-03T00:00:00Z');
    await setCreatedAt(old.id, '2030-01-01T00:00:00Z');
    await setCreatedAt(mid.id, '2030-01-02T00:00:00Z');
    await repo.markRevoked(revoked.id, new Date());

    const names = (await repo.listActive(orgA)).map((k) => k.name);
    expect(names.slice(0, 3)).toEqual(['newest', 'mid', 'old']);
    expect(names).not.toContain('revoked');
    expect(names).not.toContain('other-org');
    expect((await repo.listActive(orgB)).map((k) => k.id)).toEqual([other.id]);
  });

  it('findActive is scoped by organization and ignores revoked keys', async () => {
    const k = await repo.create(key(orgA, 'scoped'));
    expect(await repo.findActive(orgB, k.id)).toBeNull();
    expect((await repo.findActive(orgA, k.id))?.id).toBe(k.id);
    const at = new Date('2030-02-01T12:00:00Z');
    await repo.markRevoked(k.id, at);
    expect(await repo.findActive(orgA, k.id)).toBeNull();
    const [row] = await db.query(`SELECT "revoked_at" FROM "api_keys" WHERE "id" = $1`, [k.id]);
    expect(new Date(row.revoked_at).toISOString()).toBe(at.toISOString());
  });

  it('findActiveByHash finds an unrevoked key by its hash only', async () => {
    const k = await repo.create(key(orgB, 'by-hash'));
    expect((await repo.findActiveByHash('hash-by-hash'))?.id).toBe(k.id);
    expect(await repo.findActiveByHash('hash-unknown')).toBeNull();
    await repo.markRevoked(k.id, new Date());
    expect(await repo.findActiveByHash('hash-by-hash')).toBeNull();
  });

  it('markUsed sets last_used_at', async () => {
    const k = await repo.create(key(orgA, 'used'));
    const at = new Date('2030-03-01T08:30:00Z');
    await repo.markUsed(k.id, at);
    expect((await repo.findActive(orgA, k.id))?.lastUsedAt?.toISOString()).toBe(at.toISOString());
  });

  it('refuses a second key with the same hash (api_keys_key_hash_key)', async () => {
    await repo.create(key(orgA, 'dup'));
    await expect(repo.create({ ...key(orgB, 'dup'), name: 'again' })).rejects.toThrow(/api_keys_key_hash_key|unique/i);
  });
});
