import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InProcessJobsAdapter } from './in-process-jobs.adapter';
import { JobRegistry } from './job-registry';
import { JobsScheduler } from './jobs.scheduler';
import { InMemoryJobStatusStore } from './testing/in-memory-job-status.store';

describe('JobsScheduler', () => {
  let registry: SchedulerRegistry;
  let runner: InProcessJobsAdapter;
  let scheduler: JobsScheduler;

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 }); // slot 1000 of a 1 s interval
    registry = new SchedulerRegistry();
    runner = new InProcessJobsAdapter(new JobRegistry(new InMemoryJobStatusStore()), { concurrency: 1 });
    scheduler = new JobsScheduler(runner, registry);
  });
  afterEach(() => {
    registry.getIntervals().forEach((n) => registry.deleteInterval(n));
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('enqueues one job per slot although it ticks twice per interval', async () => {
    const ran: Array<[string, number]> = [];
    runner.register({ name: 'tick', handler: async (p: { n: number }, ctx) => void ran.push([ctx.jobId, p.n]) });
    let n = 0;
    scheduler.every('tick', 1000, () => ({ n: ++n }));

    expect(registry.getIntervals()).toEqual(['jobs:tick']);
    await jest.advanceTimersByTimeAsync(2999); // ticks at +500 ... +2500
    await runner.onIdle();

    expect(n).toBe(5);
    expect(ran).toEqual([
      ['tick:1000', 1],
      ['tick:1001', 2],
      ['tick:1002', 4],
    ]);
  });

  it('logs a failed enqueue and keeps ticking', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    scheduler.every('unregistered', 1000, () => ({}));
    await jest.advanceTimersByTimeAsync(1000);
    expect(error).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith('Could not enqueue scheduled job "unregistered": Job "unregistered" is not registered');
  });

  it('rejects intervals that cannot be split into ticks', () => {
    expect(() => scheduler.every('x', 1, () => ({}))).toThrow('intervalMs must be an integer >= 2');
  });
});
