import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Transactions, type Tx } from '../core/database/transactions';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationsRepository } from './organizations.repository';
import { hashPassword } from './password';
import { UsersRepository } from './users.repository';

export interface NewAdmin {
  email: string;
  name: string;
  password: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
  ) {}

  hasAnyAdmin(): Promise<boolean> {
    return this.users.anyAdmin();
  }

  async get(id: string): Promise<Organization> {
    const org = await this.organizations.findById(id);
    if (!org) throw new NotFoundException('Organization not found');
    return org;
  }

  /** First-run setup: refused once any admin exists, even when two requests race. */
  async createFirst(orgName: string, admin: NewAdmin): Promise<User> {
    const passwordHash = await hashPassword(admin.password);
    return this.transactions.run(async (tx) => {
      await this.organizations.lockFirstAdminSetup(tx);
      if (await this.users.anyAdmin(tx)) {
        throw new ConflictException('Setup is already done: sign in instead');
      }
      return this.insertOrgWithAdmin(tx, orgName, admin, passwordHash);
    });
  }

  /** A further customer organization with its first admin (used by operators and tests). */
  async createWithAdmin(orgName: string, admin: NewAdmin): Promise<User> {
    const passwordHash = await hashPassword(admin.password);
    return this.transactions.run((tx) => this.insertOrgWithAdmin(tx, orgName, admin, passwordHash));
  }

  private async insertOrgWithAdmin(tx: Tx, orgName: string, admin: NewAdmin, passwordHash: string): Promise<User> {
    const email = admin.email.trim().toLowerCase();
    if (await this.users.emailTaken(email, tx)) {
      throw new ConflictException('email is already registered');
    }
    const org = await this.organizations.create(tx, orgName.trim());
    return this.users.create(
      { organizationId: org.id, email, name: admin.name.trim(), role: 'admin', passwordHash, lastLoginAt: null },
      tx,
    );
  }
}
