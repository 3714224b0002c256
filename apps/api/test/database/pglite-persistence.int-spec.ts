import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { MIGRATIONS } from '../../src/migrations';
import { createTestDataDir } from '../support/test-database';
import { CREATE_PROBE_ROWS, ProbeRow } from './probe-row';

/** Opens the folder like the API does (migrations included) and reports how long it took. */
async function timedOpen(dir: string): Promise<{ dataSource: DataSource; ms: number }> {
  const started = performance.now();
  const dataSource = await new DataSource(buildDataSourceOptions({ db: { dataDir: dir } }, [ProbeRow])).initialize();
  return { dataSource, ms: Math.round(performance.now() - started) };
}

describe('PGlite keeps data on disk', () => {
  let data: { dir: string; remove(): Promise<void> };
  afterAll(() => data?.remove());

  it('finds the rows again after closing and reopening the same folder, without re-running migrations', async () => {
    data = await createTestDataDir({ empty: true });
    const first = await timedOpen(data.dir);
    expect(existsSync(join(data.dir, 'pgdata', 'PG_VERSION'))).toBe(true);
    await first.dataSource.query(CREATE_PROBE_ROWS);
    const saved = await first.dataSource.getRepository(ProbeRow).save({ label: 'kept', amount: '3.10', meta: { tags: ['a'] } });
    const [{ applied }] = await first.dataSource.query('SELECT count(*)::int AS applied FROM migrations');
    expect(applied).toBe(MIGRATIONS.length);
    await first.dataSource.destroy();
    expect(existsSync(join(data.dir, 'pgdata.lock'))).toBe(false);

    const second = await timedOpen(data.dir);
    const found = await second.dataSource.getRepository(ProbeRow).findOneByOrFail({ id: saved.id });
    expect(found).toEqual({ id: saved.id, label: 'kept', amount: '3.10', meta: { tags: ['a'] }, createdAt: saved.createdAt });
    const [{ applied: appliedAfter }] = await second.dataSource.query('SELECT count(*)::int AS applied FROM migrations');
    expect(appliedAfter).toBe(MIGRATIONS.length);
    await second.dataSource.destroy();

    // Measured, not asserted (timing targets belong in benchmarks).
    console.log(`PGlite first start (initdb + ${MIGRATIONS.length} migrations): ${first.ms} ms; reopen: ${second.ms} ms; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  }, 180_000);
});
