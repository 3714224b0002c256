import { getQueueToken } from '@nestjs/bull';
import { Test, TestingModule } from '@nestjs/testing';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { AppConfig, parseConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/core/database/database.module';
import { InProcessJobsAdapter } from '../../src/core/jobs/in-process-jobs.adapter';
import { JobsBackend, JobsQueue } from '../../src/core/jobs/jobs.constants';
import { JobsModule } from '../../src/core/jobs/jobs.module';
import { JOBS_PORT, JobDefinition, JobsPort } from '../../src/core/jobs/jobs.port';
import { QueueHealth } from '../../src/core/jobs/queue-health';
import { waitFor } from '../support/polling';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export type Role = AppConfig['role'];

/** One Nest application context standing in for one API process. */
export interface JobsProcess {
  jobs: JobsPort;
  health: QueueHealth;
  /** The Bull queue of this process (bull backend only). */
  queue?: Queue;
  /** Resolves when this backend has nothing waiting, running or delayed. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface ProcessOptions {
  backend: JobsBackend;
  databaseUrl: string;
  queuePrefix: string;
  role?: Role;
  redisUrl?: string;
  jobs: JobDefinition<never>[];
}

/** Builds the context like the app does (config, database, jobs), registers the jobs, then starts it. */
export async function startJobsProcess(o: ProcessOptions): Promise<JobsProcess> {
  const config = parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: o.databaseUrl,
    QUEUE_PREFIX: o.queuePrefix,
    API_ROLE: o.role ?? 'all',
    ...(o.backend === 'bull' ? { REDIS_URL: o.redisUrl ?? TEST_REDIS_URL } : {}),
  });
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), JobsModule.forRoot({ backend: o.backend })],
  }).compile();
  // Expected attempt failures would flood the output; errors still show.
  moduleRef.useLogger(['error']);
  const jobs = moduleRef.get<JobsPort>(JOBS_PORT);
  o.jobs.forEach((def) => jobs.register(def));
  await moduleRef.init();

  const queue = o.backend === 'bull' ? moduleRef.get<Queue>(getQueueToken(JobsQueue.Default)) : undefined;
  return {
    jobs,
    health: moduleRef.get(QueueHealth),
    queue,
    settle: queue ? () => bullSettled(queue) : () => (jobs as InProcessJobsAdapter).onIdle(),
    close: () => moduleRef.close(),
  };
}

async function bullSettled(queue: Queue): Promise<void> {
  await waitFor(async () => {
    const c = await queue.getJobCounts();
    return c.waiting + c.active + c.delayed === 0;
  }, 'the Bull queue to drain');
}

/** A prefix no other run or test shares, so parallel CI jobs on one Redis never see each other's jobs. */
export function uniquePrefix(label: string): string {
  return `jobs-test-${label}-${process.pid}-${Date.now().toString(36)}`;
}

/** Deletes every Redis key under `prefix` (SCAN, not KEYS, so a shared Redis is not blocked). */
export async function deleteRedisKeys(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  const redis = new Redis(url);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
  return deleted;
}
