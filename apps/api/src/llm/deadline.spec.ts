import { Deadline } from './deadline';

describe('Deadline', () => {
  it('counts the remaining time down from the budget and never below zero', () => {
    let now = 1_000;
    const deadline = new Deadline(500, () => now);
    expect(deadline.remainingMs()).toBe(500);
    now = 1_300;
    expect(deadline.remainingMs()).toBe(200);
    expect(deadline.expired).toBe(false);
    now = 2_000;
    expect(deadline.remainingMs()).toBe(0);
    expect(deadline.expired).toBe(true);
    deadline.dispose();
  });

  it('cuts a sleep short and aborts its signal when the budget runs out', async () => {
    const deadline = new Deadline(50);
    const started = Date.now();
    expect(await deadline.sleep(5_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(deadline.signal.aborted).toBe(true);
  });

  it('completes a sleep that fits in the budget', async () => {
    const deadline = new Deadline(5_000);
    expect(await deadline.sleep(10)).toBe(true);
    expect(deadline.signal.aborted).toBe(false);
    deadline.dispose();
  });

  it('ends at once when its cancel signal fires (the process is stopping)', async () => {
    const stop = new AbortController();
    const deadline = new Deadline(60_000, Date.now, stop.signal);
    const sleeping = deadline.sleep(60_000);
    stop.abort(new Error('stopping'));
    expect(await sleeping).toBe(false);
    expect(deadline.expired).toBe(true);
    deadline.dispose();
  });
});
