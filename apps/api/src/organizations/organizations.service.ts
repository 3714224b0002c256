import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { hashPassword } from './password';

export interface NewAdmin {
  email: string;
  name: string;
  password: string;
}

// Serializes "create the first admin" across processes and requests.
const FIRST_ADMIN_LOCK = 7_413_001;

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async hasAnyAdmin(): Promise<boolean> {
    return (await this.db.getRepository(User).countBy({ role: 'admin' })) > 0;
  }

  async get(id: string): Promise<Organization> {
    const org = await this.db.getRepository(Organization).findOneBy({ id });
    if (!org) throw new NotFoundException('Organization not found');
    return org;
  }

  /** First-run setup: refused once any admin exists, even when two requests race. */
  async createFirst(orgName: string, admin: NewAdmin): Promise<User> {
    const passwordHash = await hashPassword(admin.password);
    return this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      if ((await m.getRepository(User).countBy({ role: 'admin' })) > 0) {
        throw new ConflictException('Setup is already done: sign in instead');
      }
      return this.insertOrgWithAdmin(m, orgName, admin, passwordHash);
    });
  }

  /** A further customer organization with its first admin (used by operators and tests). */
  async createWithAdmin(orgName: string, admin: NewAdmin): Promise<User> {
    const passwordHash = await hashPassword(admin.password);
    return this.db.transaction((m) => this.insertOrgWithAdmin(m, orgName, admin, passwordHash));
  }

  private async insertOrgWithAdmin(m: EntityManager, orgName: string, admin: NewAdmin, passwordHash: string) {
    const email = admin.email.trim().toLowerCase();
    if (await m.getRepository(User).existsBy({ email })) {
      throw new ConflictException('email is already registered');
    }
    const org = await m.getRepository(Organization).save({ name: orgName.trim() });
    return m.getRepository(User).save({
      organizationId: org.id,
      email,
      name: admin.name.trim(),
      role: 'admin',
      passwordHash,
      lastLoginAt: null,
    });
  }
}
