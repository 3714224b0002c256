import type { DataSource } from 'typeorm';
import { JobStatusEntity } from '../../../src/core/jobs/job-status.entity';
import { JobStatusRepository } from '../../../src/core/jobs/job-status.repository';
import { MAX_ERROR_LENGTH } from '../../../src/core/jobs/job-status.store';
import { DRIVERS, migratedDataSource } from '../../support/dual-database';

const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 10, 0, s));

describe.each(DRIVERS)('JobStatusRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: JobStatusRepository;

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [JobStatusEntity]));
    repo = new JobStatusRepository(db.getRepository(JobStatusEntity));
  }, 120_000);

  afterAll(() => cleanup?.());

  it('find returns nothing for no names and omits names that never ran', async () => {
    expect(await repo.find([])).toEqual([]);
    expect(await repo.find(['never'])).toEqual([]);
  });

  it('counts runs and failures; timestamps stay the newest even when attempts finish out of order', async () => {
    await repo.recordAttempt('sync', { startedAt: at(20), finishedAt: at(21) });
    await repo.recordAttempt('sync', { startedAt: at(30), finishedAt: at(31), error: 'newer failure' });
    await repo.recordAttempt('sync', { startedAt: at(0), finishedAt: at(1), error: 'older failure' });
    await repo.recordAttempt('sync', { startedAt: at(10), finishedAt: at(11) });

    expect(await repo.find(['sync', 'never'])).toEqual([
      {
        name: 'sync',
        runs: 4,
        failures: 2,
        lastRunAt: at(30).toISOString(),
        lastSuccessAt: at(21).toISOString(),
        lastErrorAt: at(31).toISOString(),
        lastError: 'newer failure',
      },
    ]);
  });

  it('keeps jobs apart', async () => {
    await repo.recordAttempt('other', { startedAt: at(5), finishedAt: at(6) });
    const rows = await repo.find(['other', 'sync']);
    expect(rows.map((r) => [r.name, r.runs]).sort()).toEqual([['other', 1], ['sync', 4]]);
  });

  it('truncates long errors', async () => {
    await repo.recordAttempt('noisy', { startedAt: at(0), finishedAt: at(1), error: 'x'.repeat(MAX_ERROR_LENGTH + 500) });
    const [row] = await repo.find(['noisy']);
    expect(row.lastError).toHaveLength(MAX_ERROR_LENGTH);
    expect(row).toMatchObject({ runs: 1, failures: 1, lastSuccessAt: null });
  });
});
