import { Permits } from './permits';

describe('Permits', () => {
  it('grants up to its size at once and the rest in arrival order as permits come back', async () => {
    const permits = new Permits(2);
    const order: string[] = [];
    const a = await permits.acquire();
    const b = await permits.acquire();
    const c = permits.acquire().then((release) => (order.push('c'), release));
    const d = permits.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(permits.inUse).toBe(2);
    a();
    a(); // a second call gives nothing back twice
    (await c)();
    expect(order).toEqual(['c']);
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
    expect(permits.inUse).toBe(0);
  });

  it('a waiter whose signal aborts stops waiting and takes no permit', async () => {
    const permits = new Permits(1);
    const held = await permits.acquire();
    const cut = new AbortController();
    const waiting = permits.acquire(cut.signal);
    cut.abort(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
    held();
    expect(permits.inUse).toBe(0);
    await expect(permits.acquire(cut.signal)).rejects.toThrow('stopping');
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new Permits(0)).toThrow('positive integer');
  });
});
