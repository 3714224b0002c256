import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { MemoryFront } from './memory-front';
import { ResponseCacheRepository } from './response-cache.repository';
import { ResponseCache } from './response-cache.port';

/** Expired rows are deleted at most this often, on a write (no timer to manage). */
export const CLEANUP_INTERVAL_MS = 60_000;

/** Entries kept in memory per process (values are small JSON answers). */
export const MEMORY_ENTRIES = 2_000;

export const hashCacheKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** ResponseCache in the ai_response_cache table: shared by every process, survives restarts. */
@Injectable()
export class PostgresResponseCache implements ResponseCache, OnModuleDestroy {
  private readonly logger = new Logger(PostgresResponseCache.name);
  private lastCleanup = 0;
  private cleanup: Promise<unknown> = Promise.resolve();
  private readonly memory: MemoryFront;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly rows: ResponseCacheRepository,
    private readonly clock: () => number = Date.now,
  ) {
    this.memory = new MemoryFront(MEMORY_ENTRIES, clock);
  }

  async get<T>(organizationId: string, namespace: string, key: string): Promise<T | null> {
    // The raw key addresses the memory copy: hashing on every hit cost more than the rest of the lookup.
    const memoryKey = `${organizationId}|${namespace}|${key}`;
    const local = this.memory.get(memoryKey);
    if (local) return local.value as T;
    const row = await this.rows.findLive<T>(organizationId, namespace, hashCacheKey(key));
    if (!row) return null;
    this.memory.set(memoryKey, row.value, this.clock() + row.ttlMs);
    return row.value;
  }

  /** Visible in this process at once (before the database write completes). */
  async set<T>(organizationId: string, namespace: string, key: string, value: T, ttlSeconds: number): Promise<void> {
    const hash = hashCacheKey(key);
    // Through JSON, so a memory hit returns the same shape as a database hit (no Dates, no undefined).
    this.memory.set(`${organizationId}|${namespace}|${key}`, JSON.parse(JSON.stringify(value)), this.clock() + ttlSeconds * 1000);
    const write = this.rows.upsert(organizationId, namespace, hash, JSON.stringify(value), ttlSeconds);
    this.track(write);
    await write;
    this.maybeCleanup();
  }

  /** Deletes expired rows of every organization; returns how many. */
  deleteExpired(): Promise<number> {
    return this.rows.deleteExpired();
  }

  /** Waits for writes and a cleanup in flight, so shutdown does not close the database under them. */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending, this.cleanup]);
  }

  // Callers may not await set() (an answer need not wait for the write): shutdown still does.
  private track(write: Promise<unknown>): void {
    const settled: Promise<void> = write.then(
      () => void this.pending.delete(settled),
      () => void this.pending.delete(settled),
    );
    this.pending.add(settled);
  }

  // Not awaited: the caller's answer must not wait for housekeeping; a failure is only logged.
  private maybeCleanup(): void {
    const now = this.clock();
    if (now - this.lastCleanup < CLEANUP_INTERVAL_MS) return;
    this.lastCleanup = now;
    this.cleanup = this.deleteExpired().catch((err: unknown) =>
      this.logger.warn(`Could not delete expired cache rows: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
}
