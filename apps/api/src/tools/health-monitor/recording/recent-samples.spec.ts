import { RecentSamples } from './recent-samples';

const sample = (latencyMs: number) => ({ latencyMs, ok: true, healthy: true });

describe('RecentSamples', () => {
  it('knows nothing of a monitor until its samples were read, so a push alone does not invent a history', () => {
    const memo = new RecentSamples(3);
    memo.push('m', sample(1));
    expect(memo.get('m')).toBeUndefined();
  });

  it('keeps the newest `limit` samples, newest first, and never changes an array it handed out', () => {
    const memo = new RecentSamples(3);
    memo.set('m', [sample(3), sample(2), sample(1), sample(0)]);
    expect(memo.get('m')?.map((s) => s.latencyMs)).toEqual([3, 2, 1]);
    const before = memo.get('m');
    memo.push('m', sample(4));
    expect(memo.get('m')?.map((s) => s.latencyMs)).toEqual([4, 3, 2]);
    expect(before?.map((s) => s.latencyMs)).toEqual([3, 2, 1]);
  });

  it('starts over past its monitor bound', () => {
    const memo = new RecentSamples(2, 2);
    memo.set('a', [sample(1)]);
    memo.set('b', [sample(2)]);
    memo.set('a', [sample(3)]); // known monitor: no reset
    expect(memo.get('b')).toBeDefined();
    memo.set('c', [sample(4)]);
    expect(memo.get('a')).toBeUndefined();
    expect(memo.get('c')?.[0].latencyMs).toBe(4);
  });
});
