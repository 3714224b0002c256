import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { JobStatusEntity } from './job-status.entity';
import type { JobStatus } from './jobs.port';
import { AttemptOutcome, JobStatusStore, MAX_ERROR_LENGTH } from './job-status.store';

/**
 * One INSERT ... ON CONFLICT per attempt: counters are incremented in SQL, so workers in several
 * processes never overwrite each other's counts. GREATEST keeps timestamps monotonic when attempts
 * finish out of order.
 */
const UPSERT = `
INSERT INTO job_status AS s (name, last_run_at, last_success_at, last_error_at, last_error, runs, failures, updated_at)
VALUES ($1, $2, $3, $4, $5, 1, $6, now())
ON CONFLICT (name) DO UPDATE SET
  last_run_at = GREATEST(s.last_run_at, EXCLUDED.last_run_at),
  last_success_at = GREATEST(s.last_success_at, EXCLUDED.last_success_at),
  last_error_at = GREATEST(s.last_error_at, EXCLUDED.last_error_at),
  last_error = CASE
    WHEN EXCLUDED.last_error_at IS NOT NULL AND (s.last_error_at IS NULL OR EXCLUDED.last_error_at >= s.last_error_at)
    THEN EXCLUDED.last_error ELSE s.last_error END,
  runs = s.runs + 1,
  failures = s.failures + EXCLUDED.failures,
  updated_at = now()`;

/** job_status, the jobs layer's JobStatusStore (unit specs use an in-memory one instead). */
@Injectable()
export class JobStatusRepository implements JobStatusStore {
  constructor(@InjectRepository(JobStatusEntity) private readonly repo: Repository<JobStatusEntity>) {}

  async recordAttempt(name: string, o: AttemptOutcome): Promise<void> {
    const error = o.error?.slice(0, MAX_ERROR_LENGTH) ?? null;
    const failed = error !== null;
    await this.repo.query(UPSERT, [
      name,
      o.startedAt,
      failed ? null : o.finishedAt,
      failed ? o.finishedAt : null,
      error,
      failed ? 1 : 0,
    ]);
  }

  async find(names: string[]): Promise<JobStatus[]> {
    if (names.length === 0) return [];
    const rows = await this.repo.findBy({ name: In(names) });
    return rows.map((r) => ({
      name: r.name,
      lastRunAt: iso(r.lastRunAt),
      lastSuccessAt: iso(r.lastSuccessAt),
      lastErrorAt: iso(r.lastErrorAt),
      lastError: r.lastError,
      runs: r.runs,
      failures: r.failures,
    }));
  }
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}
