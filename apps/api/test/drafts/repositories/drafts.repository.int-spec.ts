import type { DataSource } from 'typeorm';
import { DraftsRepository, type DraftFields, type DraftOwner } from '../../../src/drafts/drafts.repository';
import { Draft } from '../../../src/drafts/entities/draft.entity';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { User } from '../../../src/organizations/entities/user.entity';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertOrganization, insertUser } from '../../support/seed';

describe.each(DRIVERS)('DraftsRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: DraftsRepository;
  let alice: DraftOwner;
  let bob: DraftOwner; // same organization, another user
  let carol: DraftOwner; // another organization

  const fields = (content: string): DraftFields => ({ platform: 'twitter', content, hashtags: ['#one', '#two'] });
  const mustFind = async (owner: DraftOwner, id: string): Promise<Draft> => {
    const draft = await repo.findOne(owner, id);
    if (!draft) throw new Error(`draft ${id} not found`);
    return draft;
  };
  const setUpdatedAt = (id: string, iso: string) => db.query(`UPDATE "drafts" SET "updated_at" = $2 WHERE "id" = $1`, [id, iso]);

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, User, Draft]));
    repo = new DraftsRepository(db.getRepository(Draft));
    const orgA = await insertOrganization(db, 'A');
    const orgB = await insertOrganization(db, 'B');
    alice = { organizationId: orgA, userId: await insertUser(db, orgA, 'alice@a.example') };
    bob = { organizationId: orgA, userId: await insertUser(db, orgA, 'bob@a.example') };
    carol = { organizationId: orgB, userId: await insertUser(db, orgB, 'carol@b.example') };
  }, 120_000);

  afterAll(() => cleanup?.());

  it('create stores the owner’s draft with its hashtags in order', async () => {
    const d = await repo.create(alice, fields('hello'));
    expect(await repo.findOne(alice, d.id)).toMatchObject({ ...alice, platform: 'twitter', content: 'hello', hashtags: ['#one', '#two'] });
  });

  it('listFor gives only the owner’s drafts, most recently updated first, at most `limit`', async () => {
    const old = await repo.create(alice, fields('old'));
    const newest = await repo.create(alice, fields('newest'));
    const mid = await repo.create(alice, fields('mid'));
    await repo.create(bob, fields('bob’s'));
    await repo.create(carol, fields('carol’s'));
    await setUpdatedAt(old.id, '2030-01-01T00:00:00Z');
    await setUpdatedAt(mid.id, '2030-01-02T00:00:00Z');
    await setUpdatedAt(newest.id, '2030-01-03T00:00:00Z');

    expect((await repo.listFor(alice, 3)).map((d) => d.content)).toEqual(['newest', 'mid', 'old']);
    expect((await repo.listFor(alice, 2)).map((d) => d.content)).toEqual(['newest', 'mid']);
    expect((await repo.listFor(alice, 100)).map((d) => d.content).sort()).toEqual(['hello', 'mid', 'newest', 'old']);
    expect((await repo.listFor(bob, 100)).map((d) => d.content)).toEqual(['bob’s']);
    expect((await repo.listFor(carol, 100)).map((d) => d.content)).toEqual(['carol’s']);
  });

  it('findOne is scoped by user and by organization', async () => {
    const d = await repo.create(alice, fields('private'));
    expect(await repo.findOne(bob, d.id)).toBeNull();
    expect(await repo.findOne({ organizationId: carol.organizationId, userId: alice.userId }, d.id)).toBeNull();
  });

  it('save writes the changes and moves updated_at forward', async () => {
    const d = await repo.create(alice, fields('before'));
    await setUpdatedAt(d.id, '2020-01-01T00:00:00Z');
    const read = await mustFind(alice, d.id);
    read.content = 'after';
    read.hashtags = [];
    await repo.save(read);
    const stored = await mustFind(alice, d.id);
    expect(stored).toMatchObject({ content: 'after', hashtags: [] });
    expect(stored.updatedAt.getTime()).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
  });

  it('delete removes only the owner’s draft and says whether there was one', async () => {
    const d = await repo.create(alice, fields('doomed'));
    expect(await repo.delete(bob, d.id)).toBe(false);
    expect(await repo.delete(carol, d.id)).toBe(false);
    expect(await repo.findOne(alice, d.id)).not.toBeNull();
    expect(await repo.delete(alice, d.id)).toBe(true);
    expect(await repo.findOne(alice, d.id)).toBeNull();
    expect(await repo.delete(alice, d.id)).toBe(false);
  });
});
