import { InjectQueue } from '@nestjs/bull';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ShutdownState } from '../lifecycle/shutdown-state';
import { RepeatFilter } from '../logging/repeat-filter';
import { BULL_BACKOFF_STRATEGY, DAY_MS, FAILED_KEEP_MS, JobsQueue, slotJobId, slotKeepMs } from './jobs.constants';
import type { JobDefinition, JobsPort, JobStatus } from './jobs.port';
import { JobRegistry } from './job-registry';
import { JOBS_OPTIONS, JobsModuleOptions } from './jobs.options';

/** Share of what is left of the shutdown budget the queue may take to close before its clients are cut. */
const CLOSE_SHARE = 0.5;

/**
 * Jobs on Bull (Redis). Every role enqueues; only 'all' and 'worker' processes take jobs off the queue.
 * De-duplication is Bull's: adding an id that still exists in Redis is a no-op, which is why completed jobs
 * are kept for a day instead of being removed at once.
 */
@Injectable()
export class BullJobsAdapter implements JobsPort, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly backend = 'bull' as const;
  private readonly logger = new Logger('Jobs');
  private readonly errorRepeats = new RepeatFilter();

  constructor(
    @InjectQueue(JobsQueue.Default) private readonly queue: Queue,
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOBS_OPTIONS) private readonly options: JobsModuleOptions,
    private readonly shutdown: ShutdownState,
  ) {
    // Connection errors are logged here (without a listener Bull swallows them), a retry loop's copies thinned.
    queue.on('error', (err) => {
      const held = this.errorRepeats.pass(err.message);
      if (held !== null) this.logger.error({ msg: `Queue error: ${err.message}`, ...(held ? { repeated: held } : {}) });
    });
    queue.on('stalled', (job: Job) => this.logger.warn(`Job ${job.id} stalled (its worker died?); it will be retried`));
    // @nestjs/bull closes the queue again on shutdown and gets the same promise as beforeApplicationShutdown.
    const queueWithHook = queue as Queue & { onApplicationShutdown?: () => Promise<void> };
    queueWithHook.onApplicationShutdown = () => this.close();
  }

  get processes(): boolean {
    return this.config.role !== 'api';
  }

  register<P>(def: JobDefinition<P>): void {
    this.registry.register(def);
  }

  async enqueue<P>(name: string, payload: P, opts?: { jobId?: string }): Promise<string> {
    return this.add(name, payload, opts?.jobId, DAY_MS);
  }

  async enqueueForSlot<P>(name: string, intervalMs: number, payload: P, now = new Date()): Promise<string> {
    return this.add(name, payload, slotJobId(name, intervalMs, now), slotKeepMs(intervalMs));
  }

  status(): Promise<JobStatus[]> {
    return this.registry.status();
  }

  /** After every module's onModuleInit, so all features have registered their handlers. */
  onApplicationBootstrap(): void {
    if (!this.processes) return;
    const concurrency = this.options.concurrency;
    // '*' takes every job name; the registry dispatches. The promise settles only when the queue closes.
    this.queue
      .process('*', concurrency, (job: Job) =>
        this.registry.execute(job.name, job.data, { jobId: String(job.id), attempt: job.attemptsMade + 1 }),
      )
      .catch((err: unknown) => this.logger.error(`Job processing stopped: ${(err as Error | undefined)?.message ?? 'the queue closed before it was ready'}`));
    this.logger.log(`Processing queue "${this.queue.name}" (concurrency ${concurrency})`);
  }

  /**
   * Before the database closes: Bull's close() waits for running handlers (the shutdown cuts their probes
   * at half its budget), then disconnects. With Redis unreachable it would wait forever: past most of the
   * budget the clients are disconnected instead.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const left = this.shutdown.remainingMs();
    const boundMs = left === null ? Math.round(this.config.http.shutdownTimeoutMs * CLOSE_SHARE) : Math.round(left * CLOSE_SHARE);
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      this.close().then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), boundMs))),
    ]);
    clearTimeout(timer);
    if (closed) return;
    this.logger.warn({ msg: `Queue did not close within ${boundMs} ms (Redis unreachable?): disconnecting` });
    for (const client of this.queue.clients) client.disconnect();
  }

  /** Never rejects: a queue that could not close cleanly is closed as far as it can be. */
  private close(): Promise<void> {
    quietBlockingReconnect(this.queue);
    return this.queue.close().catch((err: Error) => this.logger.warn({ msg: `Queue closed with an error: ${err.message}` }));
  }

  private async add(name: string, payload: unknown, jobId: string | undefined, keepMs: number): Promise<string> {
    const { attempts, backoffMs } = this.registry.get(name);
    const opts: JobOptions = {
      jobId,
      attempts,
      backoff: { type: BULL_BACKOFF_STRATEGY, options: { delay: backoffMs } },
      removeOnComplete: { age: Math.ceil(keepMs / 1000) },
      removeOnFail: { age: Math.ceil(FAILED_KEEP_MS / 1000) },
    };
    const job = await this.queue.add(name, payload, opts);
    return String(job.id);
  }
}

/**
 * Bull's close() reconnects its blocking client (to abort a waiting BRPOPLPUSH) and handles that promise
 * only once the running jobs finish: should the reconnect fail first (Redis gone, or the clients cut by the
 * bound above), the rejection is unhandled and Node would crash the process mid-shutdown. A closing queue
 * needs no reconnect, so its failure is dropped here.
 */
function quietBlockingReconnect(queue: Queue): void {
  const internals = queue as Queue & { bclientInitialized?: boolean; bclient?: { connect(): Promise<void>; quietConnect?: true } };
  // The getter would create the client; one that was never created has nothing to reconnect.
  if (!internals.bclientInitialized || !internals.bclient || internals.bclient.quietConnect) return;
  const client = internals.bclient;
  const connect = client.connect.bind(client);
  client.connect = () => connect().catch(() => undefined);
  client.quietConnect = true;
}
