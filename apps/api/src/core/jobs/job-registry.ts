import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS } from './jobs.constants';
import type { JobContext, JobDefinition, JobStatus } from './jobs.port';
import { JOB_STATUS_STORE, JobStatusStore, neverRun } from './job-status.store';

/** A definition with its defaults filled in. */
export type RegisteredJob = Required<JobDefinition<unknown>>;

/**
 * The job definitions of this process and the one place an attempt is executed, so both backends log and
 * record status the same way.
 */
@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, RegisteredJob>();

  constructor(@Inject(JOB_STATUS_STORE) private readonly store: JobStatusStore) {}

  register<P>(def: JobDefinition<P>): void {
    if (this.jobs.has(def.name)) throw new Error(`Job "${def.name}" is already registered`);
    const attempts = def.attempts ?? DEFAULT_ATTEMPTS;
    const backoffMs = def.backoffMs ?? DEFAULT_BACKOFF_MS;
    if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`Job "${def.name}": attempts must be >= 1`);
    if (!(backoffMs >= 0)) throw new Error(`Job "${def.name}": backoffMs must be >= 0`);
    this.jobs.set(def.name, { name: def.name, handler: def.handler as RegisteredJob['handler'], attempts, backoffMs });
  }

  get(name: string): RegisteredJob {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`Job "${name}" is not registered`);
    return job;
  }

  names(): string[] {
    return [...this.jobs.keys()].sort();
  }

  /** Runs one attempt; records it and rethrows a failure so the backend can retry. */
  async execute(name: string, payload: unknown, ctx: JobContext): Promise<void> {
    const job = this.get(name);
    const startedAt = new Date();
    try {
      await job.handler(payload, ctx);
    } catch (err) {
      const error = err instanceof Error ? err.message || err.name : String(err);
      const last = ctx.attempt >= job.attempts ? ', giving up' : '';
      this.logger.warn(`Job ${ctx.jobId} attempt ${ctx.attempt}/${job.attempts} failed${last}: ${error}`);
      await this.record(ctx.jobId, name, { startedAt, finishedAt: new Date(), error });
      throw err;
    }
    await this.record(ctx.jobId, name, { startedAt, finishedAt: new Date() });
  }

  /** Every registered job, including ones that never ran. */
  async status(): Promise<JobStatus[]> {
    const names = this.names();
    const rows = new Map((await this.store.find(names)).map((r) => [r.name, r]));
    return names.map((n) => rows.get(n) ?? neverRun(n));
  }

  /** A status write must never turn a successful job into a retried one: log and go on. */
  private async record(jobId: string, name: string, outcome: Parameters<JobStatusStore['recordAttempt']>[1]) {
    try {
      await this.store.recordAttempt(name, outcome);
    } catch (err) {
      this.logger.error(`Could not record the status of job ${jobId}: ${(err as Error).message}`);
    }
  }
}
