import type { JobStatus } from '../jobs.port';
import { AttemptOutcome, JobStatusStore, MAX_ERROR_LENGTH, neverRun } from '../job-status.store';

/** Same bookkeeping as the job_status upsert, kept in a Map: for unit specs of the runner and controller. */
export class InMemoryJobStatusStore implements JobStatusStore {
  readonly rows = new Map<string, JobStatus>();

  async recordAttempt(name: string, o: AttemptOutcome): Promise<void> {
    const row = this.rows.get(name) ?? neverRun(name);
    const error = o.error?.slice(0, MAX_ERROR_LENGTH) ?? null;
    const failed = error !== null;
    this.rows.set(name, {
      name,
      lastRunAt: latest(row.lastRunAt, o.startedAt),
      lastSuccessAt: failed ? row.lastSuccessAt : latest(row.lastSuccessAt, o.finishedAt),
      lastErrorAt: failed ? latest(row.lastErrorAt, o.finishedAt) : row.lastErrorAt,
      lastError: error ?? row.lastError,
      runs: row.runs + 1,
      failures: row.failures + (failed ? 1 : 0),
    });
  }

  async find(names: string[]): Promise<JobStatus[]> {
    return names.flatMap((n) => {
      const row = this.rows.get(n);
      return row ? [{ ...row }] : [];
    });
  }
}

function latest(current: string | null, at: Date): string {
  const next = at.toISOString();
  return current !== null && current > next ? current : next;
}
