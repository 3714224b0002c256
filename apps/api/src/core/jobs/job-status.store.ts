import type { JobStatus } from './jobs.port';

/** The outcome of one attempt, as written to job_status. */
export interface AttemptOutcome {
  startedAt: Date;
  finishedAt: Date;
  /** Set when the attempt failed. */
  error?: string;
}

/** Persistence edge of the jobs layer: the job_status table (or an in-memory stand-in in unit specs). */
export interface JobStatusStore {
  /** Atomically counts one run (and a failure if `error` is set); safe with several processes. */
  recordAttempt(name: string, outcome: AttemptOutcome): Promise<void>;
  /** Rows for the given names; names that never ran are absent. */
  find(names: string[]): Promise<JobStatus[]>;
}

export const JOB_STATUS_STORE = Symbol('JOB_STATUS_STORE');

/** Keeps stored errors bounded; a stack trace belongs in the log, not in the admin table. */
export const MAX_ERROR_LENGTH = 2000;

export function neverRun(name: string): JobStatus {
  return { name, lastRunAt: null, lastSuccessAt: null, lastErrorAt: null, lastError: null, runs: 0, failures: 0 };
}
