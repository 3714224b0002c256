import { FailedHandshakes } from './failed-handshakes';

describe('FailedHandshakes', () => {
  let now = 0;
  const limiter = () => new FailedHandshakes(3, 60_000, () => now);

  beforeEach(() => (now = 1_000_000));

  it('blocks an address after the allowed failures, until its window ends', () => {
    const l = limiter();
    for (let i = 0; i < 2; i++) l.recordFailure('10.0.0.1');
    expect(l.blocked('10.0.0.1')).toBe(false);
    l.recordFailure('10.0.0.1');
    expect(l.blocked('10.0.0.1')).toBe(true);
    now += 59_999;
    expect(l.blocked('10.0.0.1')).toBe(true);
    now += 1;
    expect(l.blocked('10.0.0.1')).toBe(false);
  });

  it('counts each address on its own', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('10.0.0.1');
    expect(l.blocked('10.0.0.2')).toBe(false);
  });
});
