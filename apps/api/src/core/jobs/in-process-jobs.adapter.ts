import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DAY_MS, FAILED_KEEP_MS, retryDelayMs, slotJobId, slotKeepMs } from './jobs.constants';
import type { JobDefinition, JobsPort, JobStatus } from './jobs.port';
import { JobRegistry } from './job-registry';

export interface InProcessOptions {
  concurrency: number;
  /** Injectable clock for the de-duplication window (unit specs). */
  now?: () => number;
}

interface PendingRun {
  jobId: string;
  name: string;
  payload: unknown;
  attempt: number;
  /** How long the id stays a duplicate after the job completes. */
  keepMs: number;
}

/**
 * Jobs without Redis: the same contract as Bull inside one process. Ids are remembered like Bull keeps
 * jobs (a day after completion, a week after the last failed attempt), failed attempts are retried after backoffMs * 2^(attempt-1), at most
 * `concurrency` handlers run at once, and shutdown waits for running handlers.
 */
export class InProcessJobsAdapter implements JobsPort, BeforeApplicationShutdown {
  readonly backend = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly now: () => number;
  /** jobId -> time until which a new job with that id is a duplicate. */
  private readonly seen = new Map<string, number>();
  private lastPrune = 0;
  private readonly ready: PendingRun[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private idleWaiters: Array<() => void> = [];
  private stopping = false;

  constructor(
    private readonly registry: JobRegistry,
    private readonly options: InProcessOptions,
  ) {
    if (!(options.concurrency >= 1)) throw new Error('In-process jobs: concurrency must be >= 1');
    this.now = options.now ?? Date.now;
  }

  register<P>(def: JobDefinition<P>): void {
    this.registry.register(def);
  }

  async enqueue<P>(name: string, payload: P, opts?: { jobId?: string }): Promise<string> {
    return this.add(name, payload, opts?.jobId ?? `${name}:${randomUUID()}`, DAY_MS);
  }

  async enqueueForSlot<P>(name: string, intervalMs: number, payload: P, now = new Date()): Promise<string> {
    return this.add(name, payload, slotJobId(name, intervalMs, now), slotKeepMs(intervalMs));
  }

  status(): Promise<JobStatus[]> {
    return this.registry.status();
  }

  get stopped(): boolean {
    return this.stopping;
  }

  /** Resolves once nothing is queued, running or waiting for a retry (specs and shutdown). */
  onIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Pending retries and queued jobs are dropped (they live in memory only); running handlers finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const dropped = this.ready.length + this.retryTimers.size;
    this.retryTimers.forEach(clearTimeout);
    this.retryTimers.clear();
    this.ready.length = 0;
    if (dropped > 0) this.logger.warn(`Stopping: ${dropped} queued or retrying job(s) dropped`);
    await Promise.all([...this.running]);
    this.settle();
  }

  private add(name: string, payload: unknown, jobId: string, keepMs: number): string {
    if (this.stopping) throw new Error(`Cannot enqueue job ${jobId}: the job runner is stopping`);
    this.registry.get(name); // unknown names fail at enqueue time, not later in a worker
    const now = this.now();
    this.prune(now);
    if ((this.seen.get(jobId) ?? 0) > now) return jobId;
    this.seen.set(jobId, now + keepMs);
    this.ready.push({ jobId, name, payload, attempt: 1, keepMs });
    this.pump();
    return jobId;
  }

  private pump(): void {
    while (!this.stopping && this.running.size < this.options.concurrency) {
      const run = this.ready.shift();
      if (!run) return;
      const p: Promise<void> = this.attempt(run).finally(() => {
        this.running.delete(p);
        this.pump();
        this.settle();
      });
      this.running.add(p);
    }
  }

  private async attempt(run: PendingRun): Promise<void> {
    try {
      await this.registry.execute(run.name, run.payload, { jobId: run.jobId, attempt: run.attempt });
      // Like Bull's removeOnComplete/removeOnFail ages: the window counts from when the job finished.
      this.seen.set(run.jobId, this.now() + run.keepMs);
    } catch {
      // execute() already logged and recorded the failure
      const { attempts, backoffMs } = this.registry.get(run.name);
      if (run.attempt >= attempts) this.seen.set(run.jobId, this.now() + FAILED_KEEP_MS);
      if (run.attempt >= attempts || this.stopping) return;
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        this.ready.push({ ...run, attempt: run.attempt + 1 });
        this.pump();
      }, retryDelayMs(backoffMs, run.attempt));
      this.retryTimers.add(timer);
    }
  }

  private isIdle(): boolean {
    return this.ready.length === 0 && this.running.size === 0 && this.retryTimers.size === 0;
  }

  private settle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  /** Forgets expired ids, at most once a minute (a full scan; ids are at most a day's worth). */
  private prune(now: number): void {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
  }
}
