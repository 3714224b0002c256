import type { DataSource } from 'typeorm';
import { AiResponseCache } from '../../../src/core/cache/ai-response-cache.entity';
import { ResponseCacheRepository } from '../../../src/core/cache/response-cache.repository';
import { Organization } from '../../../src/organizations/entities/organization.entity';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';
import { insertOrganization } from '../../support/seed';

describe.each(DRIVERS)('ResponseCacheRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: ResponseCacheRepository;
  let orgA: string;
  let orgB: string;

  const rowCount = async (): Promise<number> => Number((await db.query(`SELECT count(*) AS n FROM "ai_response_cache"`))[0].n);

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [Organization, AiResponseCache]));
    repo = new ResponseCacheRepository(db);
    orgA = await insertOrganization(db, 'A');
    orgB = await insertOrganization(db, 'B');
  }, 120_000);

  afterAll(() => cleanup?.());

  it('findLive returns the stored JSON and the time it has left; null for any other address', async () => {
    await repo.upsert(orgA, 'ns', 'hash-1', JSON.stringify({ text: 'hi', n: 1 }), 3600);
    const live = await repo.findLive<{ text: string; n: number }>(orgA, 'ns', 'hash-1');
    expect(live?.value).toEqual({ text: 'hi', n: 1 });
    expect(live?.ttlMs).toBeGreaterThan(3_500_000);
    expect(live?.ttlMs).toBeLessThanOrEqual(3_600_000);
    expect(await repo.findLive(orgB, 'ns', 'hash-1')).toBeNull();
    expect(await repo.findLive(orgA, 'other', 'hash-1')).toBeNull();
    expect(await repo.findLive(orgA, 'ns', 'hash-2')).toBeNull();
  });

  it('upsert replaces the value and expiry of an existing entry (one row)', async () => {
    const before = await rowCount();
    await repo.upsert(orgA, 'ns', 'hash-1', JSON.stringify({ v: 2 }), 60);
    expect(await rowCount()).toBe(before);
    const live = await repo.findLive(orgA, 'ns', 'hash-1');
    expect(live?.value).toEqual({ v: 2 });
    expect(live?.ttlMs).toBeLessThanOrEqual(60_000);
  });

  it('concurrent upserts of one entry all succeed and leave one row', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => repo.upsert(orgB, 'race', 'k', JSON.stringify({ i }), 3600)));
    const rows = await db.query(`SELECT count(*) AS n FROM "ai_response_cache" WHERE "namespace" = 'race'`);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('an expired entry is not live, and deleteExpired removes only expired rows', async () => {
    await repo.upsert(orgA, 'exp', 'gone-1', '1', -10);
    await repo.upsert(orgB, 'exp', 'gone-2', '2', -10);
    expect(await repo.findLive(orgA, 'exp', 'gone-1')).toBeNull();
    const before = await rowCount();
    expect(await repo.deleteExpired()).toBe(2);
    expect(await rowCount()).toBe(before - 2);
    expect(await repo.deleteExpired()).toBe(0);
    expect((await repo.findLive(orgA, 'ns', 'hash-1'))?.value).toEqual({ v: 2 });
  });
});
