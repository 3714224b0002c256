import { spawn } from 'node:child_process';
import { AddressInfo, createServer, Socket } from 'node:net';
import Redis from 'ioredis';
import type { Job, Queue } from 'bull';
import type { JobContext } from '../../src/core/jobs/jobs.port';
import { createTestDatabase } from '../support/test-database';
import { describeJobsContract } from './jobs-contract';
import { sleep, waitFor } from '../support/polling';
import { freePort } from '../support/throwaway-postgres';
import { deleteRedisKeys, JobsProcess, ProcessOptions, startJobsProcess, uniquePrefix } from './jobs-harness';

/** Bull on the real Redis (TEST_REDIS_URL) with job_status on a fresh Postgres database. */
describe('Bull jobs backend (real Redis, real Postgres)', () => {
  const runPrefix = uniquePrefix('bull');
  let db: { url: string; drop(): Promise<void> };
  let testNo = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
    await deleteRedisKeys(runPrefix);
  });

  /** Each test gets its own queue prefix: leftovers of one test can never reach another's workers. */
  const options = (jobs: ProcessOptions['jobs'], prefix = `${runPrefix}-${++testNo}`) =>
    (role: ProcessOptions['role']): ProcessOptions => ({ backend: 'bull', databaseUrl: db.url, queuePrefix: prefix, role, jobs });

  // Two application contexts on one Redis and one database: two API processes.
  describeJobsContract('bull, two processes', async (jobs) => {
    const opts = options(jobs);
    const first = await startJobsProcess(opts('all'));
    return [first, await startJobsProcess(opts('all'))];
  });

  describe('roles and Redis state', () => {
    let processes: JobsProcess[] = [];
    afterEach(async () => {
      await Promise.all(processes.map((p) => p.close()));
      processes = [];
    });

    it('an "api" process only enqueues; a "worker" process runs the jobs', async () => {
      const ranIn: string[] = [];
      const def = (where: string) => ({ name: 'report', handler: async (_p: unknown, ctx: JobContext) => void ranIn.push(`${where}:${ctx.jobId}`) });
      const prefix = `${runPrefix}-roles`;
      const api = await startJobsProcess(options([def('api')], prefix)('api'));
      processes.push(api);

      const ids = await Promise.all([1, 2, 3, 4].map((n) => api.jobs.enqueue('report', { n }, { jobId: `report:${n}` })));
      const states = await Promise.all(ids.map(async (id) => (await jobOf(api, id)).getState()));
      expect(states).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);

      const worker = await startJobsProcess(options([def('worker')], prefix)('worker'));
      processes.push(worker);
      await waitFor(() => ranIn.length === 4, 'the worker to run all four jobs');
      await worker.settle();
      // The api process was up the whole time; every job still ran in the worker.
      expect(ranIn.sort()).toEqual(['worker:report:1', 'worker:report:2', 'worker:report:3', 'worker:report:4']);
      const [status] = await api.jobs.status();
      expect(status).toMatchObject({ name: 'report', runs: 4, failures: 0 });
    });

    it('keeps the finished slot job in Redis (so duplicates are recognised) and a failed job as failed', async () => {
      const prefix = `${runPrefix}-state`;
      const p = await startJobsProcess(
        options(
          [
            { name: 'ok', handler: async () => undefined },
            { name: 'bad', attempts: 1, handler: async () => Promise.reject(new Error('nope')) },
          ],
          prefix,
        )('all'),
      );
      processes.push(p);
      const okId = await p.jobs.enqueueForSlot('ok', 1000, {}, new Date(5_500));
      const badId = await p.jobs.enqueue('bad', {});
      await waitFor(async () => (await queueOf(p).getJobCounts()).failed === 1, 'the bad job to fail');
      await p.settle();

      expect(okId).toBe('ok:5');
      const ok = await jobOf(p, okId);
      expect(await ok.getState()).toBe('completed');
      expect(ok.opts).toMatchObject({ attempts: 3, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 604_800 } });
      const bad = await jobOf(p, badId);
      expect(await bad.getState()).toBe('failed');
      expect(bad.failedReason).toBe('nope');
      expect(await queueOf(p).getJobCounts()).toMatchObject({ completed: 1, failed: 1, waiting: 0, active: 0, delayed: 0 });
    });

    it('on shutdown lets the running job finish and record its status before the database closes', async () => {
      const prefix = `${runPrefix}-shutdown`;
      let started = false;
      let finished = false;
      const slow = {
        name: 'slow',
        handler: async () => {
          started = true;
          await sleep(300);
          finished = true;
        },
      };
      const observer = await startJobsProcess(options([slow], prefix)('api'));
      processes.push(observer);
      const worker = await startJobsProcess(options([slow], prefix)('worker'));
      await worker.jobs.enqueue('slow', {}, { jobId: 'slow:1' });
      await waitFor(() => started, 'the slow job to start');

      await worker.close();
      expect(finished).toBe(true);
      const [status] = await observer.jobs.status();
      expect(status).toMatchObject({ name: 'slow', runs: 1, failures: 0 });
      expect(await (await jobOf(observer, 'slow:1')).getState()).toBe('completed');
    });

    it('reports Redis as unhealthy when it does not answer PING in time', async () => {
      // Accepts connections and never replies: a hung Redis, the case where a bare PING would wait forever.
      const sockets = new Set<Socket>();
      const silent = createServer((s) => {
        sockets.add(s);
      });
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      try {
        const p = await startJobsProcess({
          ...options([], `${runPrefix}-hung`)('api'),
          redisUrl: `redis://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        });
        processes.push(p);
        const health = await p.health.check();
        expect(health).toMatchObject({ ok: false, backend: 'bull', error: 'Redis did not answer PING within 1000 ms' });
        // It waited for the 1 s deadline (timers may fire a fraction of a millisecond early by this clock).
        expect(health.latency_ms).toBeGreaterThanOrEqual(995);
        await p.close();
        processes = [];
      } finally {
        sockets.forEach((s) => s.destroy());
        await new Promise((r) => silent.close(r));
      }
    });

    it('a worker closes within its bound, without an error, when Redis stops answering', async () => {
      const redis = await startStoppableRedis();
      try {
        const p = await startJobsProcess({
          ...options([{ name: 'quick', handler: async () => undefined }], `${runPrefix}-hung-worker`)('worker'),
          redisUrl: redis.url,
        });
        await p.jobs.enqueue('quick', {});
        await p.settle();
        redis.freeze();
        const started = performance.now();
        await expect(p.close()).resolves.toBeUndefined();
        // Half of the default 10 s shutdown budget, then the clients are cut.
        expect(performance.now() - started).toBeLessThan(8_000);
      } finally {
        await redis.kill();
      }
    });
  });
});

/** A redis-server of this test's own; `freeze()` SIGSTOPs it: connections stay open and nothing answers. */
async function startStoppableRedis(): Promise<{ url: string; freeze(): void; kill(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 100 });
  await waitFor(() => probe.ping().then(() => true, () => false), 'the throwaway redis-server to answer');
  probe.disconnect();
  return {
    url,
    freeze: () => void child.kill('SIGSTOP'),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function queueOf(p: JobsProcess): Queue {
  if (!p.queue) throw new Error('not a Bull process');
  return p.queue;
}

async function jobOf(p: JobsProcess, id: string): Promise<Job> {
  const job = await queueOf(p).getJob(id);
  if (!job) throw new Error(`job ${id} is not in Redis`);
  return job;
}
