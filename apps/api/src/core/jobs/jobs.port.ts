/** A unit of background work a feature registers once at start-up. */
export interface JobDefinition<P = unknown> {
  /** Unique name, e.g. "health-sweep". */
  name: string;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  /** Total attempts including the first (default 3). */
  attempts?: number;
  /** First retry delay; doubles each attempt (default 1000 ms). */
  backoffMs?: number;
}

export interface JobContext {
  jobId: string;
  attempt: number;
}

export interface JobStatus {
  name: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  runs: number;
  failures: number;
}

/**
 * Background work, the same for Bull on Redis and for the in-process runner.
 * Triggers (from @nestjs/schedule) may fire in every process: enqueueForSlot makes one job per time slot.
 */
export interface JobsPort {
  readonly backend: 'bull' | 'in-process';
  register<P>(def: JobDefinition<P>): void;
  /** Adds a job; a jobId already seen (within a day) is not run again. Returns the job id. */
  enqueue<P>(name: string, payload: P, opts?: { jobId?: string }): Promise<string>;
  /** Adds the job for the current slot of `intervalMs` with the deterministic id `${name}:${slot}`. */
  enqueueForSlot<P>(name: string, intervalMs: number, payload: P, now?: Date): Promise<string>;
  status(): Promise<JobStatus[]>;
}

export const JOBS_PORT = Symbol('JOBS_PORT');
