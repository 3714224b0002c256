import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ApiKeysRepository } from './api-keys.repository';
import type { AuthPrincipal } from './auth-principal';
import { CreateApiKeyDto } from './dto/api-key.dto';
import { ApiKey } from './entities/api-key.entity';

export const API_KEY_PREFIX = 'ppk_';
// A revoked key stops working at once in this process, and within this long in the others.
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 10_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class ApiKeysService {
  private readonly cache = new Map<string, { principal: AuthPrincipal; expires: number }>();

  constructor(private readonly keys: ApiKeysRepository) {}

  /** Keys have 256 bits of entropy, so a fast hash is enough (a slow one would cost every request). */
  async create(owner: AuthPrincipal, dto: CreateApiKeyDto): Promise<{ entity: ApiKey; key: string }> {
    const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const entity = await this.keys.create({
      organizationId: owner.organizationId,
      createdBy: owner.kind === 'user' ? owner.id : null,
      name: dto.name,
      prefix: key.slice(0, 12),
      keyHash: sha256(key),
      role: dto.role ?? 'member',
      lastUsedAt: null,
      revokedAt: null,
    });
    return { entity, key };
  }

  list(organizationId: string): Promise<ApiKey[]> {
    return this.keys.listActive(organizationId);
  }

  async revoke(organizationId: string, id: string): Promise<void> {
    const key = await this.keys.findActive(organizationId, id);
    if (!key) throw new NotFoundException('API key not found');
    await this.keys.markRevoked(id, new Date());
    this.cache.delete(key.keyHash);
  }

  async authenticate(key: string): Promise<AuthPrincipal | null> {
    if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return null;
    const hash = sha256(key);
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.expires > now) return hit.principal;

    const row = await this.keys.findActiveByHash(hash);
    if (!row) {
      this.cache.delete(hash);
      return null;
    }
    const principal: AuthPrincipal = { kind: 'api-key', id: row.id, organizationId: row.organizationId, role: row.role };
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(hash, { principal, expires: now + CACHE_TTL_MS });
    // Refreshed on cache misses only: at most about once a minute per key and process.
    await this.keys.markUsed(row.id, new Date());
    return principal;
  }
}
