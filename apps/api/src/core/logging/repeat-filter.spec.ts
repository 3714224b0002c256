import { RepeatFilter } from './repeat-filter';

describe('RepeatFilter', () => {
  it('passes the first of identical messages, holds the rest back until the period ends, then says how many', () => {
    let t = 0;
    const filter = new RepeatFilter(1_000, () => t);
    expect(filter.pass('connect ECONNREFUSED')).toBe(0);
    t = 300;
    expect(filter.pass('connect ECONNREFUSED')).toBeNull();
    t = 600;
    expect(filter.pass('connect ECONNREFUSED')).toBeNull();
    t = 1_000;
    expect(filter.pass('connect ECONNREFUSED')).toBe(2);
  });

  it('passes a different message at once', () => {
    let t = 0;
    const filter = new RepeatFilter(1_000, () => t);
    filter.pass('connect ECONNREFUSED');
    t = 10;
    expect(filter.pass('Connection is closed.')).toBe(0);
    t = 20;
    expect(filter.pass('connect ECONNREFUSED')).toBe(0);
  });
});
