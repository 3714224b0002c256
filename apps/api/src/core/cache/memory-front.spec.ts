import { MemoryFront } from './memory-front';

describe('MemoryFront', () => {
  let now = 1000;
  const front = () => new MemoryFront(2, () => now);

  it('returns a value until it expires', () => {
    const m = front();
    m.set('a', { v: 1 }, now + 100);
    expect(m.get('a')).toEqual({ value: { v: 1 } });
    now += 100;
    expect(m.get('a')).toBeNull();
    expect(m.size).toBe(0);
  });

  it('keeps falsy values distinct from a miss', () => {
    const m = front();
    m.set('zero', 0, now + 100);
    expect(m.get('zero')).toEqual({ value: 0 });
    expect(m.get('missing')).toBeNull();
  });

  it('evicts the least recently used entry beyond its size', () => {
    const m = front();
    m.set('a', 1, now + 100);
    m.set('b', 2, now + 100);
    m.get('a'); // a is now more recent than b
    m.set('c', 3, now + 100);
    expect(m.get('b')).toBeNull();
    expect(m.get('a')).toEqual({ value: 1 });
    expect(m.get('c')).toEqual({ value: 3 });
    expect(m.size).toBe(2);
  });
});
