import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import type { Queue } from 'bull';
import { JobsBackend, JobsQueue } from './jobs.constants';
import { InProcessJobsAdapter } from './in-process-jobs.adapter';

export interface QueueHealthResult {
  ok: boolean;
  backend: JobsBackend;
  latency_ms: number;
  error?: string;
}

/** For /api/healthz: inject `QueueHealth`; the module binds the implementation of the active backend. */
export abstract class QueueHealth {
  abstract check(): Promise<QueueHealthResult>;
}

const PING_TIMEOUT_MS = 1000;

@Injectable()
export class BullQueueHealth extends QueueHealth {
  constructor(@InjectQueue(JobsQueue.Default) private readonly queue: Queue) {
    super();
  }

  /** A Redis PING with a deadline: ioredis queues commands while disconnected, so a bare ping could hang. */
  async check(): Promise<QueueHealthResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer PING within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.queue.client.ping(), timeout]);
      return { ok: true, backend: 'bull', latency_ms: elapsed(started) };
    } catch (err) {
      return { ok: false, backend: 'bull', latency_ms: elapsed(started), error: (err as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}

@Injectable()
export class InProcessQueueHealth extends QueueHealth {
  constructor(private readonly runner: InProcessJobsAdapter) {
    super();
  }

  async check(): Promise<QueueHealthResult> {
    const ok = !this.runner.stopped;
    return { ok, backend: 'in-process', latency_ms: 0, ...(ok ? {} : { error: 'The job runner is stopping' }) };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
