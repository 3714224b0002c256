import type { CheckAssessment, IncidentTrack } from '../deciding/decision.types';
import { EMPTY_TRACK } from '../deciding/incident-track';
import type { Monitor } from '../entities/monitor.entity';
import type { ProbeResult } from '../probes/platform-probe.port';
import { advanceAll, factsOf, sameTransition } from './incident-changes';

const rules = { openAfter: 2, resolveAfter: 2 };
const assessment = (signals: Partial<CheckAssessment['signals']>, reason: string | null = 'HTTP 503'): CheckAssessment => ({
  status: 'down',
  signals: { availability: null, credentials: null, 'rate-limit': null, monitoring: null, ...signals },
  reason,
});
const result: ProbeResult = {
  checkedAt: new Date('2026-11-25T10:00:00Z'),
  latencyMs: 12,
  httpStatus: 503,
  bodyBytes: 20,
  errorClass: 'http-status',
  errorMessage: 'HTTP 503',
  rateLimit: null,
  statusPage: null,
};
const monitor = { name: 'X API', platform: 'twitter', kind: 'platform-api' } as Monitor;

describe('advanceAll', () => {
  it('advances every kind and reports only the kinds whose incident changes', () => {
    const first = advanceAll(new Map(), assessment({ availability: 'critical' }), rules);
    expect(first.changes).toEqual([]);
    expect(first.next.get('availability')).toMatchObject({ badStreak: 1, openSeverity: null });
    expect(first.next.get('credentials')).toEqual(expect.objectContaining({ badStreak: 0, openSeverity: null }));

    const second = advanceAll(first.next, assessment({ availability: 'critical', 'rate-limit': 'info' }), rules);
    expect(second.changes).toEqual([
      { kind: 'availability', track: expect.objectContaining({ openSeverity: 'critical', badStreak: 2 }), transition: { type: 'opened', severity: 'critical' } },
    ]);
    expect(second.next.get('rate-limit')).toMatchObject({ badStreak: 1 });
  });

  it('resolves after two good checks', () => {
    const open: IncidentTrack = { ...EMPTY_TRACK, badStreak: 2, streakSeverity: 'warning', openSeverity: 'warning' };
    const good = assessment({}, null);
    const one = advanceAll(new Map([['availability', open]]), good, rules);
    expect(one.changes).toEqual([]);
    const two = advanceAll(one.next, good, rules);
    expect(two.changes.map((c) => [c.kind, c.transition])).toEqual([['availability', { type: 'resolved', from: 'warning' }]]);
  });
});

describe('factsOf', () => {
  it('describes an opening from the bad streak and the check', () => {
    const step = advanceAll(new Map([['availability', { ...EMPTY_TRACK, badStreak: 1, streakSeverity: 'critical' }]]), assessment({ availability: 'critical' }), rules).changes[0];
    expect(factsOf(monitor, step, assessment({ availability: 'critical' }), result)).toEqual({
      platform: 'twitter',
      monitorName: 'X API',
      probeKind: 'platform-api',
      kind: 'availability',
      event: 'opened',
      severity: 'critical',
      previousSeverity: null,
      reason: 'HTTP 503',
      errorClass: 'http-status',
      consecutiveChecks: 2,
      rateLimit: null,
    });
  });

  it('describes an escalation with the previous severity, and a resolution without a reason', () => {
    const open: IncidentTrack = { ...EMPTY_TRACK, badStreak: 3, streakSeverity: 'warning', openSeverity: 'warning' };
    const esc = advanceAll(new Map([['availability', open]]), assessment({ availability: 'critical' }), rules).changes[0];
    expect(factsOf(monitor, esc, assessment({ availability: 'critical' }), result)).toMatchObject({ event: 'escalated', severity: 'critical', previousSeverity: 'warning' });

    const good = assessment({}, null);
    const once = advanceAll(new Map([['availability', { ...open, openSeverity: 'critical' as const }]]), good, rules);
    const resolved = advanceAll(once.next, good, rules).changes[0];
    expect(factsOf(monitor, resolved, good, { ...result, errorClass: null })).toMatchObject({
      event: 'resolved',
      severity: 'critical',
      reason: null,
      consecutiveChecks: 2,
    });
  });
});

describe('sameTransition', () => {
  it('compares type and severities', () => {
    expect(sameTransition({ type: 'opened', severity: 'warning' }, { type: 'opened', severity: 'warning' })).toBe(true);
    expect(sameTransition({ type: 'opened', severity: 'warning' }, { type: 'opened', severity: 'critical' })).toBe(false);
    expect(sameTransition({ type: 'resolved', from: 'warning' }, null)).toBe(false);
  });
});
