import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../core/database/transactions';
import { Organization } from './entities/organization.entity';

// Advisory-lock key that serializes "create the first admin" across processes and requests.
const FIRST_ADMIN_LOCK = 7_413_001;

/** Customer organizations (the tenant every other row is scoped by). */
@Injectable()
export class OrganizationsRepository {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  findById(id: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  /** Inserts an organization inside `tx`. */
  create(tx: Tx, name: string): Promise<Organization> {
    return tx.getRepository(Organization).save({ name });
  }

  /**
   * Holds the first-admin lock until `tx` ends: a second setup waits here and then sees the first one's
   * admin, so two racing setups cannot both succeed.
   */
  async lockFirstAdminSetup(tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
  }
}
