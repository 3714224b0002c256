import { pathOf, RequestLog } from './request-log';

describe('RequestLog', () => {
  it('counts requests per path, ignoring the query, and keeps the latest headers', () => {
    const log = new RequestLog();
    log.record('/bench/1', { authorization: 'Bearer a' });
    log.record('/bench/1', { authorization: 'Bearer b' });
    log.record('/bench/2', {});
    expect(log.count('/bench/1')).toBe(2);
    expect(log.count('http://127.0.0.1:4100/bench/1?x=1')).toBe(2);
    expect(log.lastHeaders('/bench/1')).toEqual({ authorization: 'Bearer b' });
    expect(log.count('/bench/3')).toBe(0);
    expect(log.lastHeaders('/bench/3')).toBeUndefined();
    log.clear();
    expect(log.count('/bench/1')).toBe(0);
  });

  it('pathOf takes the path of a path or a full URL', () => {
    expect(pathOf('/x/2/users/me?a=1')).toBe('/x/2/users/me');
    expect(pathOf('http://127.0.0.1:4100/twitter/health')).toBe('/twitter/health');
  });
});
