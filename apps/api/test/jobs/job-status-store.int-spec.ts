import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { JobStatusEntity } from '../../src/core/jobs/job-status.entity';
import { MAX_ERROR_LENGTH } from '../../src/core/jobs/job-status.store';
import { JobStatusRepository } from '../../src/core/jobs/job-status.repository';
import { createTestDatabase } from '../support/test-database';

/** job_status on real Postgres: the migration matches the entity, and the upsert is safe under concurrency. */
describe('job_status table (real Postgres)', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  let store: JobStatusRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ ...buildDataSourceOptions({ db: { url: db.url, dataDir: 'unused' } }, [JobStatusEntity]), logging: false }).initialize();
    store = new JobStatusRepository(ds.getRepository(JobStatusEntity));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('has a migration that matches the entity (schema builder proposes nothing)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('counts every attempt when many processes write at once', async () => {
    const base = Date.parse('2026-11-25T10:00:00Z');
    const at = (s: number) => new Date(base + s * 1000);
    // 40 attempts over up to 10 pooled connections; every 4th fails. Written in shuffled order.
    const order = Array.from({ length: 40 }, (_, i) => (i * 17) % 40);
    await Promise.all(
      order.map((i) =>
        store.recordAttempt('busy', {
          startedAt: at(i),
          finishedAt: at(i + 0.5),
          ...(i % 4 === 0 ? { error: `failure ${i}` } : {}),
        }),
      ),
    );

    const [row] = await store.find(['busy', 'never-ran']);
    expect(row).toEqual({
      name: 'busy',
      runs: 40,
      failures: 10,
      lastRunAt: at(39).toISOString(),
      lastSuccessAt: at(39.5).toISOString(),
      lastErrorAt: at(36.5).toISOString(),
      lastError: 'failure 36', // the newest failure, whatever order the writes landed in
    });
  });

  it('stores long errors truncated', async () => {
    await store.recordAttempt('noisy', { startedAt: new Date(), finishedAt: new Date(), error: 'x'.repeat(10_000) });
    const [row] = await store.find(['noisy']);
    expect(row.lastError).toHaveLength(MAX_ERROR_LENGTH);
    expect(row).toMatchObject({ runs: 1, failures: 1, lastSuccessAt: null });
  });
});
