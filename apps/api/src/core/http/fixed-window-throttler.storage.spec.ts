import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  let clock = 1_000_000;
  const storage = new FixedWindowThrottlerStorage(60_000, () => clock);
  afterAll(() => storage.onModuleDestroy());

  it('allows `limit` hits per window, then blocks until the window ends', async () => {
    for (let i = 1; i <= 3; i++) {
      const r = await storage.increment('ip:1', 60_000, 3, 0, 'default');
      expect(r).toMatchObject({ totalHits: i, isBlocked: false, timeToExpire: 60 });
    }
    clock += 20_000;
    const blocked = await storage.increment('ip:1', 60_000, 3, 0, 'default');
    expect(blocked.isBlocked).toBe(true);
    expect(blocked.timeToBlockExpire).toBe(40);
    clock += 40_000;
    expect(await storage.increment('ip:1', 60_000, 3, 0, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps keys and throttler names apart', async () => {
    await storage.increment('ip:2', 60_000, 1, 0, 'default');
    expect((await storage.increment('ip:3', 60_000, 1, 0, 'default')).isBlocked).toBe(false);
    expect((await storage.increment('ip:2', 60_000, 1, 0, 'other')).isBlocked).toBe(false);
    expect((await storage.increment('ip:2', 60_000, 1, 0, 'default')).isBlocked).toBe(true);
  });

  it('honours an explicit block duration longer than the window', async () => {
    await storage.increment('ip:4', 1_000, 1, 0, 'x');
    const r = await storage.increment('ip:4', 1_000, 1, 30_000, 'x');
    expect(r).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock += 5_000;
    expect((await storage.increment('ip:4', 1_000, 1, 30_000, 'x')).isBlocked).toBe(true);
  });
});
