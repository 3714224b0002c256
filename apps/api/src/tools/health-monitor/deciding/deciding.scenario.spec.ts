import type { HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { ProbeResult } from '../probes/platform-probe.port';
import { assessCheck } from './assess-check';
import { learnBaseline, toCheckSample, type CheckSample } from './baseline';
import type { IncidentTrack, TrackTransition } from './decision.types';
import { formatMs, formatPercent, formatUtcTime } from './format';
import { EMPTY_TRACK, advanceTrack } from './incident-track';

/** The rules chained as a sweep would: baseline from earlier checks → assessment → one track per kind. */
function monitor() {
  const history: CheckSample[] = [];
  const tracks: Record<IncidentKind, IncidentTrack> = { availability: EMPTY_TRACK, credentials: EMPTY_TRACK, 'rate-limit': EMPTY_TRACK, monitoring: EMPTY_TRACK };
  const log: { check: number; kind: IncidentKind; transition: NonNullable<TrackTransition> }[] = [];
  let check = 0;
  return {
    log,
    check(result: Partial<ProbeResult>) {
      const full: ProbeResult = { checkedAt: new Date(), latencyMs: 100, httpStatus: 200, bodyBytes: 10, errorClass: null, errorMessage: null, rateLimit: null, statusPage: null, ...result };
      const assessment = assessCheck(full, learnBaseline('twitter', history), 'platform-api');
      for (const kind of Object.keys(tracks) as IncidentKind[]) {
        const next = advanceTrack(tracks[kind], assessment.signals[kind], { openAfter: 2, resolveAfter: 2 });
        tracks[kind] = next.track;
        if (next.transition) log.push({ check, kind, transition: next.transition });
      }
      history.unshift(toCheckSample(full, assessment));
      check++;
      return assessment;
    },
  };
}

const ok = (latencyMs = 100) => ({ latencyMs });
const slow = { latencyMs: 2500 };
const down = { errorClass: 'http-status' as const, httpStatus: 503 };

describe('deciding, chained over a run of checks', () => {
  it('learns a baseline, then healthy → slow → down → recovered alerts opened, escalated, resolved once each', () => {
    const m = monitor();
    for (let i = 0; i < 10; i++) expect(m.check(ok(90 + i)).status).toBe('healthy');
    expect(m.check(slow).reason).toBe('latency 2,500 ms vs usual 95 ms (p95 99 ms)');
    [slow, down, down, ok(), ok(), ok()].forEach((r) => m.check(r));
    expect(m.log).toEqual([
      { check: 11, kind: 'availability', transition: { type: 'opened', severity: 'warning' } },
      { check: 12, kind: 'availability', transition: { type: 'escalated', from: 'warning', to: 'critical' } },
      { check: 15, kind: 'availability', transition: { type: 'resolved', from: 'critical' } },
    ]);
  });

  it('a flapping target opens nothing (and its 50% error rate stays below the warning)', () => {
    const m = monitor();
    for (let i = 0; i < 40; i++) m.check(i % 2 ? down : ok());
    expect(m.log).toEqual([]);
  });

  it('an expired token opens a credentials incident, never availability, and the quota an info one', () => {
    const m = monitor();
    const expired = { errorClass: 'credentials' as const, httpStatus: 401 };
    const quota = { rateLimit: { usedPercent: 85, used: 850, total: 1000, resetAt: null, source: 'x-rate-limit' as const } };
    [expired, expired, ok(), ok(), quota, quota].forEach((r) => m.check(r));
    const opened = (kind: IncidentKind, severity: HealthSeverity) => ({ kind, transition: { type: 'opened', severity } });
    expect(m.log).toMatchObject([opened('credentials', 'critical'), { kind: 'credentials', transition: { type: 'resolved' } }, opened('rate-limit', 'info')]);
  });
});

describe('format', () => {
  it('formats milliseconds, percents and UTC times for people', () => {
    expect(formatMs(1839.6)).toBe('1,840 ms');
    expect([formatPercent(55), formatPercent(97.44), formatPercent(0.05)]).toEqual(['55%', '97.4%', '0.1%']);
    expect(formatUtcTime(new Date('2026-11-25T04:05:59Z'))).toBe('04:05 UTC');
  });
});
