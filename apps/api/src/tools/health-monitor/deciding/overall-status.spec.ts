import { overallStatus, summarizeHealth, type MonitorSnapshot } from './overall-status';

const AT = new Date('2026-11-25T10:30:00Z');

function snap(overrides: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  return { platform: 'twitter', probeKind: 'platform-api', status: 'healthy', latencyMs: 245, errorRate: 0.003, rateLimit: null, lastCheck: AT, ...overrides };
}

describe('summarizeHealth', () => {
  it('gives one row per platform in a stable order, with the sketch fields', () => {
    const out = summarizeHealth([
      snap({ platform: 'facebook', latencyMs: 310.4, errorRate: 0 }),
      snap({ platform: 'custom', latencyMs: 80 }),
      snap({ rateLimit: { used: 450, total: 1000, usedPercent: 45 } }),
      snap({ platform: 'linkedin' }),
    ]);
    expect(out.platforms.map((p) => p.platform)).toEqual(['twitter', 'linkedin', 'facebook', 'custom']);
    expect(out.platforms[0]).toEqual({
      platform: 'twitter',
      status: 'healthy',
      response_time: 245,
      error_rate: 0.3,
      rate_limit_used: 450,
      rate_limit_total: 1000,
      rate_limit_percent: 45,
      last_check: '2026-11-25T10:30:00.000Z',
      monitors: 1,
    });
    expect(out.platforms[2]).toMatchObject({ response_time: 310, error_rate: 0, rate_limit_used: null, rate_limit_total: null });
    expect(out.overall_status).toBe('healthy');
  });

  it('takes the worst known status of a platform, and the response time of the monitor behind it', () => {
    const out = summarizeHealth([
      snap({ status: 'healthy', latencyMs: 200 }),
      snap({ status: 'degraded', latencyMs: 1840, errorRate: 0.1 }),
      snap({ probeKind: 'statuspage', status: 'unknown', latencyMs: 9000, errorRate: 1 }),
    ]);
    expect(out.platforms[0]).toMatchObject({ status: 'degraded', response_time: 1840, error_rate: 10, monitors: 3 });
  });

  it('prefers API probes over a status page for response time and error rate', () => {
    const out = summarizeHealth([
      snap({ probeKind: 'statuspage', status: 'down', latencyMs: 80, errorRate: 0 }),
      snap({ status: 'healthy', latencyMs: 260, errorRate: 0.02 }),
    ]);
    expect(out.platforms[0]).toMatchObject({ status: 'down', response_time: 260, error_rate: 2 });
    const pageOnly = summarizeHealth([snap({ probeKind: 'statuspage', latencyMs: 80, errorRate: 0 })]);
    expect(pageOnly.platforms[0]).toMatchObject({ response_time: 80, error_rate: 0 });
  });

  it('is unknown only when every monitor of the platform is unknown, with nulls for what was never measured', () => {
    const out = summarizeHealth([snap({ status: 'unknown', latencyMs: null, errorRate: null, lastCheck: null })]);
    expect(out.platforms[0]).toMatchObject({ status: 'unknown', response_time: null, error_rate: null, last_check: null });
  });

  it('reports the most used quota and the latest check', () => {
    const out = summarizeHealth([
      snap({ rateLimit: { used: null, total: null, usedPercent: 92 }, lastCheck: new Date('2026-11-25T10:29:00Z') }),
      snap({ rateLimit: { used: 450, total: 1000, usedPercent: 45 }, lastCheck: new Date('2026-11-25T10:31:00Z') }),
    ]);
    expect(out.platforms[0]).toMatchObject({ rate_limit_used: null, rate_limit_total: null, rate_limit_percent: 92, last_check: '2026-11-25T10:31:00.000Z' });
  });
});

describe('overallStatus', () => {
  it.each([
    [[], 'healthy'],
    [['healthy', 'healthy'], 'healthy'],
    [['healthy', 'unknown'], 'healthy'],
    [['healthy', 'degraded'], 'degraded'],
    [['healthy', 'down'], 'degraded'],
    [['down', 'down', 'unknown'], 'down'],
    [['down', 'degraded'], 'degraded'],
    [['unknown', 'unknown'], 'degraded'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(overallStatus(statuses)).toBe(expected);
  });
});
