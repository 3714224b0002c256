import { DataSource } from 'typeorm';
import { AiResponseCache } from '../../src/core/cache/ai-response-cache.entity';
import { CLEANUP_INTERVAL_MS, PostgresResponseCache, hashCacheKey } from '../../src/core/cache/postgres-response-cache';
import { ResponseCacheRepository } from '../../src/core/cache/response-cache.repository';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { Organization } from '../../src/organizations/entities/organization.entity';
import { createTestDataDir, createTestDatabase } from '../support/test-database';

type Db = { options: () => ReturnType<typeof buildDataSourceOptions>; remove(): Promise<void> };

const postgres = async (): Promise<Db> => {
  const db = await createTestDatabase();
  return { options: () => buildDataSourceOptions({ db: { url: db.url, dataDir: 'unused' } }, [AiResponseCache, Organization]), remove: db.drop };
};
const pglite = async (): Promise<Db> => {
  const data = await createTestDataDir();
  return { options: () => buildDataSourceOptions({ db: { dataDir: data.dir } }, [AiResponseCache, Organization]), remove: data.remove };
};

/** The Postgres-backed response cache, on a real server and on PGlite (the embedded default). */
describe.each([
  ['PostgreSQL', postgres],
  ['PGlite', pglite],
])('PostgresResponseCache on %s', (_name, open) => {
  let db: Db;
  let ds: DataSource;
  let now = 1_000_000;
  let cache: PostgresResponseCache;
  let orgA: string;
  let orgB: string;

  /** Another process: same table, its own memory. */
  const otherProcess = () => new PostgresResponseCache(new ResponseCacheRepository(ds), () => now);
  const rowCount = async (): Promise<number> => Number((await ds.query(`SELECT count(*) AS n FROM ai_response_cache`))[0].n);
  const newOrg = async (name: string): Promise<string> => (await ds.getRepository(Organization).save({ name })).id;

  beforeAll(async () => {
    db = await open();
    ds = await new DataSource({ ...db.options(), logging: false }).initialize();
    cache = new PostgresResponseCache(new ResponseCacheRepository(ds), () => now);
    orgA = await newOrg('A');
    orgB = await newOrg('B');
  }, 60_000);
  afterAll(async () => {
    await cache?.onModuleDestroy();
    await ds?.destroy();
    await db?.remove();
  });

  it('returns what was set, as JSON, per organization and namespace', async () => {
    const value = { text: 'Hello 👋', score: 72, list: ['a', 'b'], nested: { ok: true } };
    await cache.set(orgA, 'optimize-content', 'twitter|hello', value, 3600);

    expect(await cache.get(orgA, 'optimize-content', 'twitter|hello')).toEqual(value);
    expect(await cache.get(orgB, 'optimize-content', 'twitter|hello')).toBeNull();
    expect(await cache.get(orgA, 'hashtags', 'twitter|hello')).toBeNull();
    expect(await cache.get(orgA, 'optimize-content', 'twitter|other')).toBeNull();
    // Through the table, not this process's memory:
    expect(await otherProcess().get(orgA, 'optimize-content', 'twitter|hello')).toEqual(value);
    expect(await otherProcess().get(orgB, 'optimize-content', 'twitter|hello')).toBeNull();
  });

  it('answers from memory in the process that wrote or read it, until the entry expires', async () => {
    const other = otherProcess();
    await cache.set(orgA, 'mem', 'k', { v: 1 }, 60);
    expect(await other.get(orgA, 'mem', 'k')).toEqual({ v: 1 }); // read through the table, remembered
    await ds.query(`DELETE FROM ai_response_cache WHERE namespace = 'mem'`);
    expect(await cache.get(orgA, 'mem', 'k')).toEqual({ v: 1 });
    expect(await other.get(orgA, 'mem', 'k')).toEqual({ v: 1 });
    now += 61_000; // past the TTL in both processes' memory
    expect(await cache.get(orgA, 'mem', 'k')).toBeNull();
    expect(await other.get(orgA, 'mem', 'k')).toBeNull();
  });

  it('stores the key as its sha256 only', async () => {
    await cache.set(orgA, 'ns', 'a secret user text', { v: 1 }, 3600);
    const rows: { key_hash: string }[] = await ds.query(`SELECT key_hash FROM ai_response_cache WHERE namespace = 'ns'`);
    expect(rows).toEqual([{ key_hash: hashCacheKey('a secret user text') }]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('overwrites on a second set (upsert), also when run concurrently', async () => {
    await cache.set(orgA, 'up', 'k', { v: 1 }, 3600);
    await cache.set(orgA, 'up', 'k', { v: 2 }, 3600);
    expect(await cache.get(orgA, 'up', 'k')).toEqual({ v: 2 });
    expect(await otherProcess().get(orgA, 'up', 'k')).toEqual({ v: 2 });

    await Promise.all(Array.from({ length: 10 }, (_, i) => cache.set(orgA, 'race', 'k', { v: i }, 3600)));
    const rows: { n: string }[] = await ds.query(`SELECT count(*) AS n FROM ai_response_cache WHERE namespace = 'race'`);
    expect(Number(rows[0].n)).toBe(1);
    expect(await otherProcess().get<{ v: number }>(orgA, 'race', 'k')).toEqual({ v: expect.any(Number) });
  });

  it('ignores expired rows, and a new set revives the key', async () => {
    await cache.set(orgA, 'exp', 'k', { v: 'old' }, 3600);
    await ds.query(`UPDATE ai_response_cache SET expires_at = now() - interval '1 second' WHERE namespace = 'exp'`);
    const other = otherProcess();
    expect(await other.get(orgA, 'exp', 'k')).toBeNull();

    await cache.set(orgA, 'exp', 'k', { v: 'new' }, 3600);
    expect(await other.get(orgA, 'exp', 'k')).toEqual({ v: 'new' });
  });

  it('deletes expired rows on a write, at most once per interval', async () => {
    const expire = (ns: string) => ds.query(`UPDATE ai_response_cache SET expires_at = now() - interval '1 hour' WHERE namespace = $1`, [ns]);
    now += CLEANUP_INTERVAL_MS; // the earlier tests' first write already cleaned up once
    await cache.set(orgA, 'old1', 'k', 1, 3600);
    await expire('old1');
    const before = await rowCount();

    await cache.set(orgA, 'fresh', 'k', 1, 3600); // within the interval: no cleanup
    await cache.onModuleDestroy();
    expect(await rowCount()).toBe(before + 1);

    now += CLEANUP_INTERVAL_MS;
    await cache.set(orgA, 'fresh', 'k2', 1, 3600);
    await cache.onModuleDestroy(); // waits for the cleanup it started
    expect(await rowCount()).toBe(before + 1); // +1 new row, -1 expired
    const namespaces: { namespace: string }[] = await ds.query(`SELECT DISTINCT namespace FROM ai_response_cache`);
    expect(namespaces.map((r) => r.namespace)).not.toContain('old1');
  });

  it('deleteExpired reports how many rows it removed', async () => {
    await cache.set(orgB, 'gone', 'a', 1, 3600);
    await cache.set(orgB, 'gone', 'b', 1, 3600);
    await ds.query(`UPDATE ai_response_cache SET expires_at = now() - interval '1 minute' WHERE namespace = 'gone'`);
    expect(await cache.deleteExpired()).toBe(2);
    expect(await cache.deleteExpired()).toBe(0);
  });

  it('is deleted with its organization', async () => {
    const org = await newOrg('Short-lived');
    await cache.set(org, 'ns', 'k', { v: 1 }, 3600);
    await ds.getRepository(Organization).delete(org);
    const rows: unknown[] = await ds.query(`SELECT 1 FROM ai_response_cache WHERE organization_id = $1`, [org]);
    expect(rows).toEqual([]);
  });
});
