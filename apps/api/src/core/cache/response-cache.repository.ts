import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A live row: its value and how long it has left (by the database clock). */
export interface LiveCacheEntry<T> {
  value: T;
  ttlMs: number;
}

/**
 * ai_response_cache, addressed by (organization, namespace, SHA-256 of the key). Expiry is judged by the
 * database's now(), so every process agrees on it whatever its own clock says.
 */
@Injectable()
export class ResponseCacheRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The unexpired entry, or null. */
  async findLive<T>(organizationId: string, namespace: string, keyHash: string): Promise<LiveCacheEntry<T> | null> {
    const rows: { value: T; ttl_ms: number }[] = await this.db.query(
      `SELECT value, (extract(epoch FROM expires_at - now()) * 1000)::float8 AS ttl_ms FROM ai_response_cache
        WHERE organization_id = $1 AND namespace = $2 AND key_hash = $3 AND expires_at > now()`,
      [organizationId, namespace, keyHash],
    );
    return rows.length === 0 ? null : { value: rows[0].value, ttlMs: Number(rows[0].ttl_ms) };
  }

  /** Inserts or replaces the entry (one statement, so concurrent writers of one key never conflict). */
  async upsert(organizationId: string, namespace: string, keyHash: string, valueJson: string, ttlSeconds: number): Promise<void> {
    await this.db.query(
      `INSERT INTO ai_response_cache (organization_id, namespace, key_hash, value, expires_at)
       VALUES ($1, $2, $3, $4::jsonb, now() + $5 * interval '1 second')
       ON CONFLICT (organization_id, namespace, key_hash)
       DO UPDATE SET value = excluded.value, created_at = now(), expires_at = excluded.expires_at`,
      [organizationId, namespace, keyHash, valueJson, ttlSeconds],
    );
  }

  /** Deletes expired rows of every organization; returns how many. */
  async deleteExpired(): Promise<number> {
    const result: [unknown[], number] = await this.db.query(`DELETE FROM ai_response_cache WHERE expires_at < now()`);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
