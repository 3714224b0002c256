import type { MonitorPlatform } from '@postprober/shared/platforms';
import { isPausedReason, isStale, MONITORING_PAUSED, newestCheck, overallHealth, staleAt, summarizeHealth, type MonitorHealthRow } from './health-rows';

const AT = '2026-11-25T10:30:00.000Z';
/** A moment just after AT: every row checked at AT is fresh. */
const NOW = Date.parse(AT) + 1_000;
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
    interval_seconds: 60,
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
    ], NOW);
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
      stale: false,
    });
    expect(out.platforms[2]).toMatchObject({ response_time: 310, error_rate: 0, rate_limit_used: null, rate_limit_total: null });
    expect(out.overall_status).toBe('healthy');
  });

  it('takes the worst known status of a platform, and the response time of the monitor behind it', () => {
    const out = summarizeHealth([
      row({ status: 'healthy', response_time: 200 }),
      row({ status: 'degraded', response_time: 1840, error_rate: 10 }),
      row({ probe_kind: 'statuspage', status: 'unknown', response_time: 9000, error_rate: 100 }),
    ], NOW);
    expect(out.platforms[0]).toMatchObject({ status: 'degraded', response_time: 1840, error_rate: 10, monitors: 3 });
  });

  it('prefers API probes over a status page for response time and error rate', () => {
    const out = summarizeHealth([
      row({ probe_kind: 'statuspage', status: 'down', response_time: 80, error_rate: 0 }),
      row({ status: 'healthy', response_time: 260, error_rate: 2 }),
    ], NOW);
    expect(out.platforms[0]).toMatchObject({ status: 'down', response_time: 260, error_rate: 2 });
    const pageOnly = summarizeHealth([row({ probe_kind: 'statuspage', response_time: 80, error_rate: 0 })], NOW);
    expect(pageOnly.platforms[0]).toMatchObject({ response_time: 80, error_rate: 0 });
  });

  it('shows a platform whose monitors were never checked as pending, and one checked without a verdict as unknown', () => {
    const out = summarizeHealth([pending('twitter'), pending('linkedin'), row({ platform: 'linkedin', status: 'unknown', response_time: null, error_rate: null })], NOW);
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
      stale: false,
    });
    expect(out.platforms[1]).toMatchObject({ status: 'unknown', last_check: AT, monitors: 2 });
    expect(out.overall_status).toBe('unknown');
  });

  it('reports the most used quota and the latest check', () => {
    const out = summarizeHealth([
      row({ rate_limit_percent: 92, last_check: '2026-11-25T10:29:00.000Z' }),
      row({ rate_limit_used: 450, rate_limit_total: 1000, rate_limit_percent: 45, last_check: '2026-11-25T10:31:00.000Z' }),
    ], NOW);
    expect(out.platforms[0]).toMatchObject({ rate_limit_used: null, rate_limit_total: null, rate_limit_percent: 92, last_check: '2026-11-25T10:31:00.000Z' });
  });

  it('is unknown, not healthy, for an organization whose default monitors have not been checked yet', () => {
    const out = summarizeHealth((['twitter', 'linkedin', 'instagram', 'facebook'] as const).map(pending), NOW);
    expect(out.platforms.map((p) => p.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(out.overall_status).toBe('unknown');
    expect(summarizeHealth([], NOW).overall_status).toBe('unknown');
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

describe('stale data', () => {
  it('turns a checked row stale after two intervals plus the grace, never a row that was not checked', () => {
    const r = row({ interval_seconds: 60 });
    expect(staleAt(r)).toBe(Date.parse(AT) + 125_000);
    expect(isStale(r, Date.parse(AT) + 125_000)).toBe(false);
    expect(isStale(r, Date.parse(AT) + 125_001)).toBe(true);
    expect(isStale(pending('twitter'), Date.parse(AT) + 10 * 86_400_000)).toBe(false);
  });

  it('marks the platform stale and makes the overall status unknown with a reason, never healthy on old news', () => {
    const later = Date.parse(AT) + 10 * 60_000;
    const rows = [row({ platform: 'twitter' }), row({ platform: 'linkedin', interval_seconds: 3600 })];
    expect(summarizeHealth(rows, NOW)).toMatchObject({ overall_status: 'healthy', status_reason: null });
    const out = summarizeHealth(rows, later);
    expect(out.platforms.map((p) => [p.platform, p.status, p.stale])).toEqual([
      ['twitter', 'healthy', true],
      ['linkedin', 'healthy', false],
    ]);
    expect(out.overall_status).toBe('unknown');
    expect(out.status_reason).toBe('checks overdue for X (Twitter)');
    expect(summarizeHealth(rows, later, MONITORING_PAUSED.queue).status_reason).toBe('monitoring paused: queue unreachable');
    expect(isPausedReason(MONITORING_PAUSED.database)).toBe(true);
    expect(isPausedReason(out.status_reason)).toBe(false);
  });
});
