import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiKey } from './entities/api-key.entity';

/** What a new key is stored with; id and created_at come from the database. */
export type NewApiKey = Omit<ApiKey, 'id' | 'createdAt' | 'organization' | 'creator'>;

/** Integrators' keys (api_keys). "Active" means not revoked; a revoked row is kept for the record. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>) {}

  create(key: NewApiKey): Promise<ApiKey> {
    return this.keys.save(key);
  }

  /** The organization's active keys, newest first. */
  listActive(organizationId: string): Promise<ApiKey[]> {
    return this.keys.find({ where: { organizationId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** The organization's active key, or null (another organization's key is "not found"). */
  findActive(organizationId: string, id: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ organizationId, id, revokedAt: IsNull() });
  }

  /** The active key with this SHA-256, or null. */
  findActiveByHash(keyHash: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ keyHash, revokedAt: IsNull() });
  }

  async markRevoked(id: string, at: Date): Promise<void> {
    await this.keys.update({ id }, { revokedAt: at });
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: at });
  }
}
