import type { MonitorPlatform } from '@postprober/shared/platforms';
import { newestCheck, overallHealth, summarizeHealth, type MonitorHealthRow } from './health-rows';

const AT = '2026-11-25T10:30:00.000Z';
let n = 0;

function row(overrides: Partial<MonitorHealthRow> = {}): MonitorHealthRow {
  n += 1;
  return {
    monitor_id: `m${n}`,
    name: `Monitor ${n}`,
    platform: 'twitter',
    probe_kind: 'platform-api',
    status: 'healthy',
    response_time: 245,
    http_status: 200,
    error_class: null,
    error_rate: 0.3,
    rate_limit_used: null,
    rate_limit_total: null,
    rate_limit_percent: null,
    last_check: AT,
    ...overrides,
  };
}

const pending = (platform: MonitorPlatform) =>
  row({ platform, probe_kind: 'statuspage', status: 'pending', response_time: null, http_status: null, error_rate: null, last_check: null });

describe('summarizeHealth', () => {
  it('gives one row per platform in a stable order, with the sketch fields', () => {
    const out = summarizeHealth([
      row({ platform: 'facebook', response_time: 310.4, error_rate: 0 }),
      row({ platform: 'custom', response_time: 80 }),
      row({ rate_limit_used: 450, rate_limit_total: 1000, rate_limit_percent: 45 }),
      row({ platform: 'linkedin' }),
      // A platform this build does not know (a row written by a newer version) still sorts, last.
      row({ platform: 'acme' as MonitorPlatform }),
    ]);
    expect(out.platforms.map((p) => p.platform)).toEqual(['twitter', 'linkedin', 'facebook', 'custom', 'acme']);
    expect(out.platforms[0]).toEqual({
      platform: 'twitter',
      status: 'healthy',
      response_time: 245,
      error_rate: 0.3,
      rate_limit_used: 450,
      rate_limit_total: 1000,
      rate_limit_percent: 45,
      last_check: AT,
      monitors: 1,
    });
    expect(out.platforms[2]).toMatchObject({ response_time: 310, error_rate: 0, rate_limit_used: null, rate_limit_total: null });
    expect(out.overall_status).toBe('healthy');
  });

  it('takes the worst known status of a platform, and the response time of the monitor behind it', () => {
    const out = summarizeHealth([
      row({ status: 'healthy', response_time: 200 }),
      row({ status: 'degraded', response_time: 1840, error_rate: 10 }),
      row({ probe_kind: 'statuspage', status: 'unknown', response_time: 9000, error_rate: 100 }),
    ]);
    expect(out.platforms[0]).toMatchObject({ status: 'degraded', response_time: 1840, error_rate: 10, monitors: 3 });
  });

  it('prefers API probes over a status page for response time and error rate', () => {
    const out = summarizeHealth([
      row({ probe_kind: 'statuspage', status: 'down', response_time: 80, error_rate: 0 }),
      row({ status: 'healthy', response_time: 260, error_rate: 2 }),
    ]);
    expect(out.platforms[0]).toMatchObject({ status: 'down', response_time: 260, error_rate: 2 });
    const pageOnly = summarizeHealth([row({ probe_kind: 'statuspage', response_time: 80, error_rate: 0 })]);
    expect(pageOnly.platforms[0]).toMatchObject({ response_time: 80, error_rate: 0 });
  });

  it('shows a platform whose monitors were never checked as pending, and one checked without a verdict as unknown', () => {
    const out = summarizeHealth([pending('twitter'), pending('linkedin'), row({ platform: 'linkedin', status: 'unknown', response_time: null, error_rate: null })]);
    expect(out.platforms[0]).toEqual({
      platform: 'twitter',
      status: 'pending',
      response_time: null,
      error_rate: null,
      rate_limit_used: null,
      rate_limit_total: null,
      rate_limit_percent: null,
      last_check: null,
      monitors: 1,
    });
    expect(out.platforms[1]).toMatchObject({ status: 'unknown', last_check: AT, monitors: 2 });
    expect(out.overall_status).toBe('unknown');
  });

  it('reports the most used quota and the latest check', () => {
    const out = summarizeHealth([
      row({ rate_limit_percent: 92, last_check: '2026-11-25T10:29:00.000Z' }),
      row({ rate_limit_used: 450, rate_limit_total: 1000, rate_limit_percent: 45, last_check: '2026-11-25T10:31:00.000Z' }),
    ]);
    expect(out.platforms[0]).toMatchObject({ rate_limit_used: null, rate_limit_total: null, rate_limit_percent: 92, last_check: '2026-11-25T10:31:00.000Z' });
  });

  it('is unknown, not healthy, for an organization whose default monitors have not been checked yet', () => {
    const out = summarizeHealth((['twitter', 'linkedin', 'instagram', 'facebook'] as const).map(pending));
    expect(out.platforms.map((p) => p.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(out.overall_status).toBe('unknown');
    expect(summarizeHealth([]).overall_status).toBe('unknown');
  });
});

describe('overallHealth', () => {
  it.each([
    [[], 'unknown'],
    [['pending', 'pending'], 'unknown'],
    [['unknown', 'unknown'], 'unknown'],
    [['healthy', 'healthy'], 'healthy'],
    [['healthy', 'pending'], 'unknown'],
    [['healthy', 'unknown'], 'unknown'],
    [['healthy', 'degraded'], 'degraded'],
    [['healthy', 'down'], 'degraded'],
    [['degraded', 'pending'], 'degraded'],
    [['down', 'down', 'unknown'], 'down'],
    [['down', 'degraded'], 'degraded'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(overallHealth(statuses)).toBe(expected);
  });
});

describe('newestCheck', () => {
  it('is the latest time, or null when nothing was checked', () => {
    expect(newestCheck([{ last_check: null }, { last_check: '2026-11-25T10:29:00.000Z' }, { last_check: AT }])).toBe(AT);
    expect(newestCheck([{ last_check: null }])).toBeNull();
  });
});
