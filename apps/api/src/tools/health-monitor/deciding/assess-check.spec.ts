import type { ProbeResult, RateLimitReading, StatusPageReading } from '../probes/platform-probe.port';
import { assessCheck, assessStatusPage, slowReason } from './assess-check';
import type { Baseline } from './decision.types';

const LEARNED: Baseline = { medianMs: 120, p95Ms: 300, errorRate: 0, errorWindow: 20, samples: 50, coldStart: false };
const NO_SIGNALS = { availability: null, credentials: null, 'rate-limit': null, monitoring: null };

function result(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    checkedAt: new Date('2026-11-25T14:00:00Z'),
    latencyMs: 110,
    httpStatus: 200,
    bodyBytes: 20,
    errorClass: null,
    errorMessage: null,
    rateLimit: null,
    statusPage: null,
    ...overrides,
  };
}

function quota(usedPercent: number, resetAt: Date | null = null): RateLimitReading {
  return { usedPercent, used: usedPercent * 10, total: 1000, resetAt, source: 'x-rate-limit' };
}

function page(indicator: StatusPageReading['indicator'], components: StatusPageReading['components'] = [], description = ''): ProbeResult {
  return result({ statusPage: { indicator, description, components } });
}

describe('assessCheck', () => {
  it('finds a normal answer healthy with no signal', () => {
    expect(assessCheck(result(), LEARNED, 'platform-api')).toEqual({ status: 'healthy', signals: NO_SIGNALS, reason: null });
  });

  describe('availability critical → down', () => {
    it.each([
      ['timeout', result({ errorClass: 'timeout', latencyMs: 5000, httpStatus: null }), 'timed out after 5,000 ms'],
      ['dns', result({ errorClass: 'dns', httpStatus: null, errorMessage: 'getaddrinfo ENOTFOUND api.x.com' }), 'DNS lookup failed'],
      ['connection', result({ errorClass: 'connection', httpStatus: null }), 'connection failed'],
      ['tls', result({ errorClass: 'tls', httpStatus: null }), 'TLS handshake failed'],
      ['5xx', result({ errorClass: 'http-status', httpStatus: 503 }), 'HTTP 503'],
      ['unexpected status', result({ errorClass: 'http-status', httpStatus: 404 }), 'HTTP 404'],
    ])('%s', (_label, probe, reason) => {
      expect(assessCheck(probe, LEARNED, 'http')).toEqual({ status: 'down', signals: { ...NO_SIGNALS, availability: 'critical' }, reason });
    });
  });

  describe('latency far above the baseline → warning, degraded', () => {
    it('uses the largest of 3 × median, 2 × p95 and median + 250 ms', () => {
      // 3 × 120 = 360, 2 × 300 = 600, 120 + 250 = 370: the bar is 600 ms.
      expect(assessCheck(result({ latencyMs: 600 }), LEARNED, 'http').status).toBe('healthy');
      expect(assessCheck(result({ latencyMs: 1840 }), LEARNED, 'http')).toEqual({
        status: 'degraded',
        signals: { ...NO_SIGNALS, availability: 'warning' },
        reason: 'latency 1,840 ms vs usual 120 ms (p95 300 ms)',
      });
      const steady: Baseline = { ...LEARNED, medianMs: 40, p95Ms: 50 };
      expect(slowReason(290, steady)).toBeNull(); // median + 250 protects a fast, steady target
      expect(slowReason(291, steady)).not.toBeNull();
      const spread: Baseline = { ...LEARNED, medianMs: 200, p95Ms: 250 };
      expect(slowReason(600, spread)).toBeNull();
      expect(slowReason(601, spread)).not.toBeNull(); // 3 × median
    });

    it('says "expected" while the baseline is a cold-start default', () => {
      const cold: Baseline = { medianMs: 250, p95Ms: 500, errorRate: 0.005, errorWindow: 0, samples: 0, coldStart: true };
      expect(assessCheck(result({ latencyMs: 1200 }), cold, 'platform-api').reason).toBe('latency 1,200 ms vs expected 250 ms (p95 500 ms)');
    });

    it('does not judge a status page on its latency', () => {
      expect(assessCheck(page('none', [], 'All Systems Operational'), LEARNED, 'statuspage').status).toBe('healthy');
      expect(assessCheck({ ...page('none'), latencyMs: 9000 }, LEARNED, 'statuspage').status).toBe('healthy');
    });
  });

  describe('elevated error rate → warning', () => {
    it('needs more than 50% over a full window of 20', () => {
      const elevated = assessCheck(result(), { ...LEARNED, errorRate: 0.55 }, 'http');
      expect(elevated).toEqual({ status: 'degraded', signals: { ...NO_SIGNALS, availability: 'warning' }, reason: '55% of the last 20 checks failed' });
      // Flapping up/down every other check is exactly 50%: not elevated.
      expect(assessCheck(result(), { ...LEARNED, errorRate: 0.5 }, 'http').status).toBe('healthy');
      expect(assessCheck(result(), { ...LEARNED, errorRate: 0.8, errorWindow: 19 }, 'http').status).toBe('healthy');
    });

    it('keeps the per-check critical as the worst signal and reason', () => {
      const out = assessCheck(result({ errorClass: 'http-status', httpStatus: 502 }), { ...LEARNED, errorRate: 0.9 }, 'http');
      expect(out).toMatchObject({ status: 'down', signals: { availability: 'critical' }, reason: 'HTTP 502' });
    });
  });

  it('treats an expired token as credentials, not availability', () => {
    const out = assessCheck(result({ errorClass: 'credentials', httpStatus: 401 }), LEARNED, 'platform-api');
    expect(out).toEqual({ status: 'degraded', signals: { ...NO_SIGNALS, credentials: 'critical' }, reason: 'access token expired or revoked' });
  });

  describe('rate limits → info, never availability', () => {
    it('reports a reading above 80%', () => {
      const reset = new Date('2026-11-25T14:05:00Z');
      expect(assessCheck(result({ rateLimit: quota(85, reset) }), LEARNED, 'platform-api')).toEqual({
        status: 'healthy',
        signals: { ...NO_SIGNALS, 'rate-limit': 'info' },
        reason: 'quota 85% used (resets 14:05 UTC)',
      });
      expect(assessCheck(result({ rateLimit: quota(80) }), LEARNED, 'platform-api').signals['rate-limit']).toBeNull();
    });

    it('reports a refusal (429) as info with status degraded: nothing can be posted until the reset', () => {
      const out = assessCheck(result({ errorClass: 'rate-limited', httpStatus: 429, rateLimit: quota(100) }), LEARNED, 'platform-api');
      expect(out).toEqual({ status: 'degraded', signals: { ...NO_SIGNALS, 'rate-limit': 'info' }, reason: 'rate limit reached' });
    });

    it('lets a latency warning outrank the quota notice for the reason', () => {
      const out = assessCheck(result({ latencyMs: 2000, rateLimit: quota(90) }), LEARNED, 'platform-api');
      expect(out.signals).toEqual({ ...NO_SIGNALS, availability: 'warning', 'rate-limit': 'info' });
      expect(out.reason).toContain('latency 2,000 ms');
    });
  });

  describe('status pages', () => {
    it('maps indicators: major/critical → down, minor → degraded, none → healthy', () => {
      expect(assessCheck(page('major', [], 'Major System Outage'), LEARNED, 'statuspage')).toEqual({
        status: 'down',
        signals: { ...NO_SIGNALS, availability: 'critical' },
        reason: 'status page reports a major outage: Major System Outage',
      });
      expect(assessCheck(page('critical', [{ name: 'API', status: 'major_outage' }]), LEARNED, 'statuspage').reason).toBe(
        'status page reports a major outage: API',
      );
      expect(assessCheck(page('minor', [], 'Elevated errors'), LEARNED, 'statuspage')).toMatchObject({
        status: 'degraded',
        signals: { availability: 'warning' },
        reason: 'status page reports a minor incident: Elevated errors',
      });
    });

    it('maps watched components: major_outage → critical, partial_outage/degraded_performance → warning', () => {
      expect(assessCheck(page('none', [{ name: 'API', status: 'major_outage' }]), LEARNED, 'statuspage')).toMatchObject({ status: 'down' });
      const partial = page('minor', [
        { name: 'API', status: 'partial_outage' },
        { name: 'Media upload', status: 'partial_outage' },
        { name: 'Web', status: 'operational' },
      ]);
      expect(assessCheck(partial, LEARNED, 'statuspage')).toMatchObject({ status: 'degraded', reason: 'status page reports a partial outage: API, Media upload' });
      expect(assessStatusPage({ indicator: 'none', description: '', components: [{ name: 'API', status: 'degraded_performance' }] }).signal).toEqual({
        severity: 'warning',
        reason: 'status page reports degraded performance: API',
      });
    });

    it('shows maintenance as degraded without a signal', () => {
      const out = assessCheck(page('maintenance', [{ name: 'API', status: 'under_maintenance' }]), LEARNED, 'statuspage');
      expect(out).toEqual({ status: 'degraded', signals: NO_SIGNALS, reason: 'scheduled maintenance: API' });
    });

    it.each([
      ['timeout', { errorClass: 'timeout', latencyMs: 5000 }, 'status page unreachable: timed out after 5,000 ms'],
      ['dns', { errorClass: 'dns' }, 'status page unreachable: DNS lookup failed'],
      ['connection', { errorClass: 'connection' }, 'status page unreachable: connection failed'],
      ['bad-response', { errorClass: 'bad-response' }, 'status page unreadable'],
      ['http-status', { errorClass: 'http-status', httpStatus: 503 }, 'status page unreachable: HTTP 503'],
      ['rate-limited', { errorClass: 'rate-limited', httpStatus: 429, rateLimit: quota(100) }, 'status page unreachable'],
    ] as const)('an unreadable page (%s) is a monitoring warning, status unknown', (_label, overrides, reason) => {
      expect(assessCheck(result(overrides), LEARNED, 'statuspage')).toEqual({ status: 'unknown', signals: { ...NO_SIGNALS, monitoring: 'warning' }, reason });
    });
  });

  it('treats a blocked target address as a monitoring warning, status unknown', () => {
    const out = assessCheck(result({ errorClass: 'blocked-address', latencyMs: null, httpStatus: null }), { ...LEARNED, errorRate: 1 }, 'http');
    expect(out).toEqual({ status: 'unknown', signals: { ...NO_SIGNALS, monitoring: 'warning' }, reason: 'target address is not allowed (private or loopback)' });
  });

  it('treats an unparseable platform answer as an availability warning', () => {
    expect(assessCheck(result({ errorClass: 'bad-response' }), LEARNED, 'platform-api')).toMatchObject({ status: 'degraded', signals: { availability: 'warning' } });
  });
});

describe('assessCheck error rate on checks that did not reach the platform', () => {
  it.each(['credentials', 'rate-limited'] as const)('does not add an availability warning to a %s check', (errorClass) => {
    const out = assessCheck(result({ errorClass }), { ...LEARNED, errorRate: 0.9 }, 'platform-api');
    expect(out.signals.availability).toBeNull();
  });
});
