import { Logger } from '@nestjs/common';
import { DAY_MS } from './jobs.constants';
import { InProcessJobsAdapter } from './in-process-jobs.adapter';
import { JobRegistry } from './job-registry';
import type { JobContext } from './jobs.port';
import { InMemoryJobStatusStore } from './testing/in-memory-job-status.store';

function setup(opts: { concurrency?: number; now?: () => number } = {}) {
  const store = new InMemoryJobStatusStore();
  const runner = new InProcessJobsAdapter(new JobRegistry(store), { concurrency: opts.concurrency ?? 4, now: opts.now });
  return { store, runner };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('InProcessJobsAdapter', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs a job id once within a day and again after the day has passed', async () => {
    let clock = 1_000_000;
    const { runner } = setup({ now: () => clock });
    const seen: string[] = [];
    runner.register({ name: 'sync', handler: async (p: { n: number }, ctx) => void seen.push(`${ctx.jobId}/${p.n}`) });

    expect(await runner.enqueue('sync', { n: 1 }, { jobId: 'sync:a' })).toBe('sync:a');
    await runner.enqueue('sync', { n: 2 }, { jobId: 'sync:a' });
    await runner.onIdle();
    clock += DAY_MS - 1;
    await runner.enqueue('sync', { n: 3 }, { jobId: 'sync:a' });
    await runner.onIdle();
    expect(seen).toEqual(['sync:a/1']);

    clock += 1;
    await runner.enqueue('sync', { n: 4 }, { jobId: 'sync:a' });
    await runner.onIdle();
    expect(seen).toEqual(['sync:a/1', 'sync:a/4']);
  });

  it('keeps the id of a job that failed for good for a week, as Bull keeps failed jobs', async () => {
    let clock = 1_000_000;
    const { runner } = setup({ now: () => clock });
    let calls = 0;
    runner.register({ name: 'bad', attempts: 1, handler: async () => Promise.reject(new Error(`call ${++calls}`)) });

    await runner.enqueue('bad', {}, { jobId: 'bad:1' });
    await runner.onIdle();
    clock += 7 * DAY_MS - 1;
    await runner.enqueue('bad', {}, { jobId: 'bad:1' });
    await runner.onIdle();
    expect(calls).toBe(1);
    clock += 1;
    await runner.enqueue('bad', {}, { jobId: 'bad:1' });
    await runner.onIdle();
    expect(calls).toBe(2);
  });

  it('gives jobs without an id a fresh id each time', async () => {
    const { runner } = setup();
    let runs = 0;
    runner.register({ name: 'ping', handler: async () => void runs++ });
    const a = await runner.enqueue('ping', {});
    const b = await runner.enqueue('ping', {});
    await runner.onIdle();
    expect(a).not.toBe(b);
    expect(a.startsWith('ping:')).toBe(true);
    expect(runs).toBe(2);
  });

  it('derives slot ids from the interval and runs each slot once', async () => {
    const { runner } = setup();
    const ids: string[] = [];
    runner.register({ name: 'sweep', handler: async (_p, ctx) => void ids.push(ctx.jobId) });

    expect(await runner.enqueueForSlot('sweep', 60_000, {}, new Date(120_000))).toBe('sweep:2');
    expect(await runner.enqueueForSlot('sweep', 60_000, {}, new Date(179_999))).toBe('sweep:2');
    expect(await runner.enqueueForSlot('sweep', 60_000, {}, new Date(180_000))).toBe('sweep:3');
    await runner.onIdle();
    expect(ids).toEqual(['sweep:2', 'sweep:3']);
    await expect(runner.enqueueForSlot('sweep', 0, {})).rejects.toThrow('intervalMs must be a positive integer');
  });

  describe('retries', () => {
    beforeEach(() => jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') }));
    afterEach(() => jest.useRealTimers());

    it('retries after backoffMs, then twice that, and records every attempt', async () => {
      const { runner } = setup();
      const attempts: JobContext[] = [];
      runner.register({
        name: 'flaky',
        attempts: 3,
        backoffMs: 100,
        handler: async (_p, ctx) => {
          attempts.push(ctx);
          if (ctx.attempt < 3) throw new Error(`boom ${ctx.attempt}`);
        },
      });

      await runner.enqueue('flaky', {}, { jobId: 'flaky:1' });
      await jest.advanceTimersByTimeAsync(99);
      expect(attempts).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(attempts).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(199);
      expect(attempts).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(1);
      await runner.onIdle();

      expect(attempts).toEqual([
        { jobId: 'flaky:1', attempt: 1 },
        { jobId: 'flaky:1', attempt: 2 },
        { jobId: 'flaky:1', attempt: 3 },
      ]);
      const [status] = await runner.status();
      expect(status).toMatchObject({ name: 'flaky', runs: 3, failures: 2, lastError: 'boom 2' });
      expect(status.lastSuccessAt).toBe('2026-11-25T10:00:00.300Z');
      expect(status.lastErrorAt).toBe('2026-11-25T10:00:00.100Z');
      expect(warn).toHaveBeenCalledWith('Job flaky:1 attempt 1/3 failed: boom 1');
      expect(warn).toHaveBeenCalledWith('Job flaky:1 attempt 2/3 failed: boom 2');
    });

    it('stops after the last attempt and keeps the error in the status', async () => {
      const { runner } = setup();
      let calls = 0;
      runner.register({
        name: 'broken',
        attempts: 2,
        backoffMs: 10,
        handler: async () => {
          calls++;
          throw new Error('always');
        },
      });
      await runner.enqueue('broken', {}, { jobId: 'broken:1' });
      await jest.advanceTimersByTimeAsync(1000);
      await runner.onIdle();

      expect(calls).toBe(2);
      const [status] = await runner.status();
      expect(status).toMatchObject({ runs: 2, failures: 2, lastError: 'always', lastSuccessAt: null });
      expect(warn).toHaveBeenLastCalledWith('Job broken:1 attempt 2/2 failed, giving up: always');
    });
  });

  it('lists every registered job, including ones that never ran', async () => {
    const { runner } = setup();
    runner.register({ name: 'b-ran', handler: async () => undefined });
    runner.register({ name: 'a-idle', handler: async () => undefined });
    await runner.enqueue('b-ran', {});
    await runner.onIdle();

    const status = await runner.status();
    expect(status.map((s) => [s.name, s.runs, s.failures])).toEqual([
      ['a-idle', 0, 0],
      ['b-ran', 1, 0],
    ]);
    expect(status[0]).toMatchObject({ lastRunAt: null, lastSuccessAt: null, lastErrorAt: null, lastError: null });
    expect(status[1].lastSuccessAt).not.toBeNull();
  });

  it('never runs more handlers at once than the concurrency limit', async () => {
    const { runner } = setup({ concurrency: 2 });
    const gate = deferred();
    let active = 0;
    let peak = 0;
    let done = 0;
    runner.register({
      name: 'slow',
      handler: async () => {
        active++;
        peak = Math.max(peak, active);
        await gate.promise;
        active--;
        done++;
      },
    });
    for (let i = 0; i < 5; i++) await runner.enqueue('slow', { i });
    await new Promise((r) => setImmediate(r));
    expect(active).toBe(2);
    gate.resolve();
    await runner.onIdle();
    expect(done).toBe(5);
    expect(peak).toBe(2);
  });

  it('on shutdown waits for running handlers, drops pending retries and refuses new jobs', async () => {
    const { runner } = setup({ concurrency: 1 });
    const gate = deferred();
    let finished = false;
    let failingCalls = 0;
    runner.register({
      name: 'long',
      handler: async () => {
        await gate.promise;
        finished = true;
      },
    });
    runner.register({
      name: 'failing',
      attempts: 5,
      backoffMs: 60_000,
      handler: async () => {
        failingCalls++;
        throw new Error('x');
      },
    });
    await runner.enqueue('failing', {});
    await new Promise((r) => setImmediate(r));
    expect(failingCalls).toBe(1); // its retry now waits a minute
    await runner.enqueue('long', {});

    let stopped = false;
    const stopping = runner.beforeApplicationShutdown().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    await expect(runner.enqueue('long', {})).rejects.toThrow('the job runner is stopping');

    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    expect(failingCalls).toBe(1);
    await runner.onIdle(); // resolves: the retry timer was cleared
  });

  it('rejects unknown and duplicate job names', async () => {
    const { runner } = setup();
    runner.register({ name: 'one', handler: async () => undefined });
    expect(() => runner.register({ name: 'one', handler: async () => undefined })).toThrow('already registered');
    expect(() => runner.register({ name: 'two', attempts: 0, handler: async () => undefined })).toThrow('attempts must be >= 1');
    await expect(runner.enqueue('nope', {})).rejects.toThrow('Job "nope" is not registered');
  });
});
