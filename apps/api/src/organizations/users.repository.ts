import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../core/database/transactions';
import { User } from './entities/user.entity';

/** What a new user is stored with; id and created_at come from the database. */
export type NewUser = Omit<User, 'id' | 'createdAt' | 'organization'>;

/**
 * Users. Emails are unique across organizations (users_email_key), so lookups by email are not scoped;
 * everything else is. Methods taking an optional `tx` run inside it when given.
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** The organization's users, oldest first. */
  listFor(organizationId: string): Promise<User[]> {
    return this.users.find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  /** The organization's user, or null (another organization's user is none of its business). */
  findOne(organizationId: string, id: string): Promise<User | null> {
    return this.users.findOneBy({ organizationId, id });
  }

  /** Exact match: callers pass the stored (lower-cased) form. */
  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  emailTaken(email: string, tx?: Tx): Promise<boolean> {
    return this.repo(tx).existsBy({ email });
  }

  /** Whether any organization has an admin (first-run setup is done once one exists). */
  async anyAdmin(tx?: Tx): Promise<boolean> {
    return (await this.repo(tx).countBy({ role: 'admin' })) > 0;
  }

  /** Inserts a user; a taken email fails on users_email_key. */
  create(user: NewUser, tx?: Tx): Promise<User> {
    return this.repo(tx).save(user);
  }

  async recordLogin(id: string, at: Date): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: at });
  }

  private repo(tx?: Tx): Repository<User> {
    return tx ? tx.getRepository(User) : this.users;
  }
}
