import { responseTime } from './health-recorder';

describe('responseTime', () => {
  it('is the time to an answer, whatever its status', () => {
    expect(responseTime({ latencyMs: 120.4, httpStatus: 200, errorClass: null })).toBe(120);
    expect(responseTime({ latencyMs: 95.6, httpStatus: 503, errorClass: 'http-status' })).toBe(96);
  });

  it('is the timeout that ran out when nothing answered in time', () => {
    expect(responseTime({ latencyMs: 5000.2, httpStatus: null, errorClass: 'timeout' })).toBe(5000);
  });

  it('is none when no answer came: a failed lookup or refused connection is not a response time', () => {
    expect(responseTime({ latencyMs: 4.8, httpStatus: null, errorClass: 'dns' })).toBeNull();
    expect(responseTime({ latencyMs: 1.1, httpStatus: null, errorClass: 'connection' })).toBeNull();
    expect(responseTime({ latencyMs: null, httpStatus: null, errorClass: 'blocked-address' })).toBeNull();
  });
});
