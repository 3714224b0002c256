import { createTestDatabase } from '../support/test-database';
import { describeJobsContract } from './jobs-contract';
import { startJobsProcess } from './jobs-harness';

/** The in-process runner (no Redis) with job_status on a fresh Postgres database: same contract as Bull. */
describe('in-process jobs backend (real Postgres)', () => {
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  describeJobsContract('in-process, one process', async (jobs) => [
    await startJobsProcess({ backend: 'in-process', databaseUrl: db.url, queuePrefix: 'unused', jobs }),
  ]);
});
