import { summarize } from './latency-chart';

describe('summarize', () => {
  it('describes checks, failures and latency spread', () => {
    expect(summarize('X', [])).toBe('X: no checks in this period yet.');
    expect(
      summarize('X', [
        { checked_at: 'a', status: 'healthy', latency_ms: 300, http_status: 200 },
        { checked_at: 'b', status: 'healthy', latency_ms: 100, http_status: 200 },
        { checked_at: 'c', status: 'degraded', latency_ms: 900, http_status: 200 },
      ]),
    ).toBe('X: 3 checks, 1 not healthy; latency median 300 ms, fastest 100 ms, slowest 900 ms.');
    expect(summarize('X', [{ checked_at: 'a', status: 'down', latency_ms: null, http_status: null }])).toBe(
      'X: 1 check, 1 not healthy, no latency recorded.',
    );
  });
});
