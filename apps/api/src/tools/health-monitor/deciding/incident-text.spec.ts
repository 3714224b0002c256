import type { HealthSeverity, IncidentKind } from '@postprober/shared/health-events';
import type { MonitorPlatform } from '../probes/platform-probe.port';
import { checkIncidentText } from './incident-prompt';
import { MESSAGE_MAX, ACTION_MAX, displayName, fit, incidentTemplate, type IncidentEvent, type IncidentFacts } from './incident-text';

const RESET = new Date('2026-11-25T14:05:00Z');

function facts(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
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
    ...overrides,
  };
}

describe('incidentTemplate', () => {
  it('writes the sketch examples', () => {
    expect(incidentTemplate(facts())).toEqual({
      message: 'X API is down: HTTP 503 on 2 consecutive checks',
      recommended_action: 'Pause scheduled X posts and retry after recovery',
    });
    expect(incidentTemplate(facts({ kind: 'credentials', reason: 'access token expired or revoked', errorClass: 'credentials' }))).toEqual({
      message: 'X posting blocked: access token expired or revoked',
      recommended_action: 'Reconnect the X account in Settings',
    });
    expect(
      incidentTemplate(facts({ kind: 'rate-limit', severity: 'info', reason: 'quota 92% used (resets 14:05 UTC)', errorClass: null, rateLimit: { usedPercent: 92, resetAt: RESET } })),
    ).toEqual({
      message: 'X API quota 92% used (resets 14:05 UTC)',
      recommended_action: 'Space out scheduled posts until the quota resets at 14:05 UTC',
    });
  });

  it('words escalation, de-escalation and recovery', () => {
    expect(incidentTemplate(facts({ event: 'escalated', previousSeverity: 'warning' })).message).toBe('X API is now down: HTTP 503');
    expect(incidentTemplate(facts({ platform: 'linkedin', event: 'opened', severity: 'warning', reason: 'latency 1,840 ms vs usual 120 ms (p95 300 ms)' }))).toEqual({
      message: 'LinkedIn API is degraded: latency 1,840 ms vs usual 120 ms (p95 300 ms) on 2 consecutive checks',
      recommended_action: 'LinkedIn posts may be delayed; allow extra time for scheduled posts',
    });
    expect(incidentTemplate(facts({ event: 'de-escalated', severity: 'warning', previousSeverity: 'critical', reason: 'latency 900 ms vs usual 120 ms (p95 300 ms)' })).message).toBe(
      'X API partly recovered, still degraded: latency 900 ms vs usual 120 ms (p95 300 ms)',
    );
    expect(incidentTemplate(facts({ platform: 'instagram', event: 'resolved', reason: null, consecutiveChecks: 2 }))).toEqual({
      message: 'Instagram API is back to normal after 2 healthy checks',
      recommended_action: 'Resume scheduled Instagram posts',
    });
  });

  it('names custom monitors by their name and points monitoring problems at the monitor', () => {
    const blocked = facts({ platform: 'custom', monitorName: 'Company blog', probeKind: 'http', kind: 'monitoring', severity: 'warning', errorClass: 'blocked-address', reason: 'target address is not allowed (private or loopback)' });
    expect(incidentTemplate(blocked)).toEqual({
      message: 'Company blog monitor cannot check: target address is not allowed (private or loopback)',
      recommended_action: 'Point this monitor at a public address',
    });
    const page = facts({ platform: 'facebook', probeKind: 'statuspage', kind: 'monitoring', severity: 'warning', errorClass: 'timeout', reason: 'status page unreachable: timed out after 5,000 ms' });
    expect(incidentTemplate(page).recommended_action).toBe('Check the status page URL; Facebook itself may be fine');
  });

  it('cuts long messages at a word, with an ellipsis', () => {
    const long = facts({ reason: `status page reports a major outage: ${Array.from({ length: 20 }, (_, i) => `Component ${i}`).join(', ')}` });
    const { message } = incidentTemplate(long);
    expect(message.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(message).toMatch(/^X API is down: status page reports a major outage: Component 0, .*Component \d+…$/);
    expect(fit('a'.repeat(150), 100)).toBe(`${'a'.repeat(99)}…`);
    expect(fit('  short \n text ', 100)).toBe('short text');
  });

  it('shortens a long custom monitor name', () => {
    expect(displayName({ platform: 'custom', monitorName: `  ${'Very long monitor name '.repeat(4)}` })).toHaveLength(40);
    expect(displayName({ platform: 'custom', monitorName: '   ' })).toBe('Custom monitor');
    expect(displayName({ platform: 'twitter', monitorName: 'anything' })).toBe('X');
  });

  describe('every kind × event × severity × platform', () => {
    const kinds: IncidentKind[] = ['availability', 'credentials', 'rate-limit', 'monitoring'];
    const events: IncidentEvent[] = ['opened', 'escalated', 'de-escalated', 'resolved'];
    const severities: HealthSeverity[] = ['info', 'warning', 'critical'];
    const platforms: MonitorPlatform[] = ['twitter', 'linkedin', 'instagram', 'facebook', 'custom'];
    const longReason = 'status page reports a partial outage: Publishing API, Media uploads, Webhooks, Analytics, Login';
    const cases = kinds.flatMap((kind) =>
      events.flatMap((event) =>
        severities.flatMap((severity) =>
          platforms.flatMap((platform) =>
            [null, 'HTTP 503', longReason].map((reason) =>
              facts({
                kind,
                event,
                severity,
                platform,
                reason,
                monitorName: platform === 'custom' ? 'A rather long custom monitor name for the blog' : 'unused',
                previousSeverity: event === 'escalated' || event === 'de-escalated' ? 'warning' : null,
                rateLimit: kind === 'rate-limit' ? { usedPercent: 97.4, resetAt: RESET } : null,
                consecutiveChecks: 12,
              }),
            ),
          ),
        ),
      ),
    );

    it(`keeps all ${cases.length} messages within ${MESSAGE_MAX} characters, and passes the writer's own check`, () => {
      expect(cases).toHaveLength(4 * 4 * 3 * 5 * 3);
      for (const f of cases) {
        const text = incidentTemplate(f);
        expect(text.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
        expect(text.message.length).toBeGreaterThan(0);
        expect(text.recommended_action.length).toBeLessThanOrEqual(ACTION_MAX);
        expect(text.recommended_action.length).toBeGreaterThan(0);
        expect({ f, violation: checkIncidentText(f, text) }).toEqual({ f, violation: null });
      }
    });
  });
});
