import { ExclusiveLease, LeaseTimeoutError } from './exclusive-lease';

describe('ExclusiveLease', () => {
  it('grants immediately when free and again after release', async () => {
    const lease = new ExclusiveLease();
    const release = await lease.acquire(0);
    expect(lease.isHeld).toBe(true);
    release();
    expect(lease.isHeld).toBe(false);
    (await lease.acquire(0))();
    expect(lease.isHeld).toBe(false);
  });

  it('lets one holder in at a time, in FIFO order', async () => {
    const lease = new ExclusiveLease();
    const order: string[] = [];
    const first = await lease.acquire(0);
    const second = lease.acquire(0).then((release) => {
      order.push('second');
      return release;
    });
    const third = lease.acquire(0).then((release) => {
      order.push('third');
      release();
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(lease.queued).toBe(2);
    first();
    (await second)();
    await third;
    expect(order).toEqual(['second', 'third']);
    expect(lease.isHeld).toBe(false);
  });

  it('ignores a second release of the same grant', async () => {
    const lease = new ExclusiveLease();
    const first = await lease.acquire(0);
    const secondGranted = lease.acquire(0);
    first();
    const second = await secondGranted;
    first(); // must not release the second holder's lease
    expect(lease.isHeld).toBe(true);
    second();
    expect(lease.isHeld).toBe(false);
  });

  it('rejects a waiter after its timeout with the given message and drops it from the queue', async () => {
    const lease = new ExclusiveLease((ms) => `busy for ${ms} ms`);
    const first = await lease.acquire(0);
    await expect(lease.acquire(20)).rejects.toEqual(new LeaseTimeoutError('busy for 20 ms'));
    expect(lease.queued).toBe(0);
    first();
    expect(lease.isHeld).toBe(false);
  });
});
