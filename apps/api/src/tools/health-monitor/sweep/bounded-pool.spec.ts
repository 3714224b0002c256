import { runBounded } from './bounded-pool';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runBounded', () => {
  it('never has more than `concurrency` items in flight, and runs them all', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await runBounded([...Array(20).keys()], 3, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(5 + (i % 4));
      inFlight--;
      return i * 2;
    });
    expect(peak).toBe(3);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : null))).toEqual([...Array(20).keys()].map((i) => i * 2));
  });

  it('lets a hanging item hold only its own slot', async () => {
    const done: number[] = [];
    const started = Date.now();
    const pool = runBounded([0, 1, 2, 3, 4, 5], 2, async (i) => {
      await sleep(i === 0 ? 300 : 10);
      done.push(i);
    });
    await sleep(150);
    // Items 1–5 went through the other slot while item 0 hangs.
    expect(done).toEqual([1, 2, 3, 4, 5]);
    await pool;
    expect(done).toEqual([1, 2, 3, 4, 5, 0]);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('reports a failing item and keeps going', async () => {
    const results = await runBounded([1, 2, 3], 1, async (i) => {
      if (i === 2) throw new Error('boom');
      return i;
    });
    expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: 'boom' }) });
    expect(results[2]).toEqual({ status: 'fulfilled', value: 3 });
  });

  it('handles no items and rejects a bad concurrency', async () => {
    await expect(runBounded([], 5, async () => 1)).resolves.toEqual([]);
    await expect(runBounded([1], 0, async () => 1)).rejects.toThrow('concurrency');
  });
});
