import type { DataSource } from 'typeorm';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { User } from '../../../src/organizations/entities/user.entity';
import { UsersRepository, type NewUser } from '../../../src/organizations/users.repository';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertOrganization } from '../../support/seed';

describe.each(DRIVERS)('UsersRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: UsersRepository;
  let orgA: string;
  let orgB: string;

  const user = (organizationId: string, email: string, role: NewUser['role'] = 'member'): NewUser => ({
    organizationId,
    email,
    name: email.split('@')[0],
    role,
    passwordHash: 'hash',
    lastLoginAt: null,
  });

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, User]));
    repo = new UsersRepository(db.getRepository(User));
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('anyAdmin is false until some organization has an admin', async () => {
    await repo.create(user(orgA, 'member@a.example'));
    expect(await repo.anyAdmin()).toBe(false);
    await repo.create(user(orgB, 'admin@b.example', 'admin'));
    expect(await repo.anyAdmin()).toBe(true);
  });

  it('listFor gives the organization’s users only, oldest first', async () => {
    const second = await repo.create(user(orgA, 'second@a.example'));
    await db.query(`UPDATE "users" SET "created_at" = '2000-01-01T00:00:00Z' WHERE "id" = $1`, [second.id]);
    const emails = (await repo.listFor(orgA)).map((u) => u.email);
    expect(emails).toEqual(['second@a.example', 'member@a.example']);
    expect((await repo.listFor(orgB)).map((u) => u.email)).toEqual(['admin@b.example']);
  });

  it('findOne is scoped by organization', async () => {
    const u = await repo.create(user(orgA, 'scoped@a.example'));
    expect((await repo.findOne(orgA, u.id))?.email).toBe('scoped@a.example');
    expect(await repo.findOne(orgB, u.id)).toBeNull();
  });

  it('findByEmail and emailTaken match the stored email across organizations', async () => {
    expect((await repo.findByEmail('admin@b.example'))?.organizationId).toBe(orgB);
    expect(await repo.findByEmail('nobody@example.com')).toBeNull();
    expect(await repo.emailTaken('admin@b.example')).toBe(true);
    expect(await repo.emailTaken('nobody@example.com')).toBe(false);
  });

  it('refuses a second user with a taken email, even in another organization (users_email_key)', async () => {
    await expect(repo.create(user(orgA, 'admin@b.example'))).rejects.toThrow(/users_email_key|unique/i);
  });

  it('writes inside a transaction are seen by it and gone after a rollback', async () => {
    await expect(
      db.transaction(async (tx) => {
        await repo.create(user(orgA, 'rolled-back@a.example'), tx);
        expect(await repo.emailTaken('rolled-back@a.example', tx)).toBe(true);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await repo.emailTaken('rolled-back@a.example')).toBe(false);
  });

  it('recordLogin sets last_login_at', async () => {
    const u = await repo.create(user(orgA, 'login@a.example'));
    const at = new Date('2030-04-01T09:00:00Z');
    await repo.recordLogin(u.id, at);
    expect((await repo.findOne(orgA, u.id))?.lastLoginAt?.toISOString()).toBe(at.toISOString());
  });
});
