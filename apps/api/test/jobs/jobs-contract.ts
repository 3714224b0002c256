import type { JobContext, JobDefinition } from '../../src/core/jobs/jobs.port';
import { waitFor } from '../support/polling';
import { JobsProcess } from './jobs-harness';

/**
 * Behaviour both backends must share. `start(jobs)` starts the processes that share one backend
 * (two for Bull on one Redis, one for the in-process runner) with the given jobs registered.
 */
export function describeJobsContract(
  label: string,
  start: (jobs: JobDefinition<never>[]) => Promise<JobsProcess[]>,
): void {
  describe(`jobs contract: ${label}`, () => {
    let processes: JobsProcess[] = [];
    afterEach(async () => {
      await Promise.all(processes.map((p) => p.close()));
      processes = [];
    });

    it('runs a time slot once although every process enqueues it, and again only in the next slot', async () => {
      const runs: string[] = [];
      processes = await start([{ name: 'sweep', handler: async (_p, ctx: JobContext) => void runs.push(ctx.jobId) }]);
      const now = new Date('2026-11-25T10:00:30Z');
      const slot = `sweep:${Math.floor(now.getTime() / 60_000)}`;

      const enqueueAll = (at: Date) =>
        Promise.all(processes.flatMap((p) => [1, 2].map(() => p.jobs.enqueueForSlot('sweep', 60_000, {}, at))));
      expect(new Set(await enqueueAll(now))).toEqual(new Set([slot]));
      await waitFor(async () => (await processes[0].jobs.status())[0].runs === 1, 'the slot job to run');
      await Promise.all(processes.map((p) => p.settle()));

      // A late trigger for the same slot (the job is finished by now) is still a duplicate.
      await enqueueAll(new Date('2026-11-25T10:00:59.999Z'));
      await Promise.all(processes.map((p) => p.settle()));
      expect(runs).toEqual([slot]);

      await enqueueAll(new Date('2026-11-25T10:01:00Z'));
      await waitFor(() => runs.length === 2, 'the next slot to run');
      expect(runs).toEqual([slot, `sweep:${Math.floor(now.getTime() / 60_000) + 1}`]);
    });

    it('retries a failing job with growing delays until it succeeds, and records every attempt', async () => {
      const attempts: Array<{ attempt: number; at: number }> = [];
      processes = await start([
        {
          name: 'flaky',
          attempts: 3,
          backoffMs: 150,
          handler: async (_p, ctx: JobContext) => {
            attempts.push({ attempt: ctx.attempt, at: Date.now() });
            if (ctx.attempt < 3) throw new Error(`upstream failed (attempt ${ctx.attempt})`);
          },
        },
        { name: 'idle', handler: async () => undefined },
      ]);
      const jobs = processes[0].jobs;

      const id = await jobs.enqueue('flaky', { post: 1 }, { jobId: 'flaky:1' });
      expect(id).toBe('flaky:1');
      const [flaky] = await waitFor(async () => {
        const s = await jobs.status();
        return s[0].lastSuccessAt ? s : null;
      }, 'the flaky job to succeed');

      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
      // Lower bounds only: the second wait is twice the first (backoffMs, then 2 * backoffMs).
      expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(150 - 5);
      expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(300 - 5);
      expect(flaky).toMatchObject({ name: 'flaky', runs: 3, failures: 2, lastError: 'upstream failed (attempt 2)' });
      const ms = (iso: string | null) => Date.parse(iso ?? 'missing');
      expect(ms(flaky.lastSuccessAt)).toBeGreaterThan(ms(flaky.lastErrorAt));
      expect(ms(flaky.lastRunAt)).toBeLessThanOrEqual(ms(flaky.lastSuccessAt));
      const [, idle] = await jobs.status();
      expect(idle).toEqual({
        name: 'idle',
        lastRunAt: null,
        lastSuccessAt: null,
        lastErrorAt: null,
        lastError: null,
        runs: 0,
        failures: 0,
      });
    });

    it('gives up after the last attempt and shows the error in status()', async () => {
      let calls = 0;
      processes = await start([
        {
          name: 'doomed',
          attempts: 2,
          backoffMs: 50,
          handler: async () => {
            calls++;
            throw new Error('account suspended');
          },
        },
      ]);
      const jobs = processes[0].jobs;
      await jobs.enqueue('doomed', {}, { jobId: 'doomed:1' });
      await waitFor(async () => (await jobs.status())[0].failures === 2, 'both attempts to fail');
      await Promise.all(processes.map((p) => p.settle()));

      expect(calls).toBe(2);
      const [status] = await jobs.status();
      expect(status).toMatchObject({ runs: 2, failures: 2, lastError: 'account suspended', lastSuccessAt: null });
      expect(status.lastErrorAt).not.toBeNull();
    });

    it('reports a healthy queue backend', async () => {
      processes = await start([]);
      const health = await processes[0].health.check();
      expect(health).toMatchObject({ ok: true, backend: processes[0].jobs.backend });
      expect(health.latency_ms).toBeGreaterThanOrEqual(0);
      expect(health.error).toBeUndefined();
    });
  });
}
