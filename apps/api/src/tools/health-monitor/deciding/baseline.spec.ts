import type { ProbeResult } from '../probes/platform-probe.port';
import { DEFAULT_BASELINES, countsAsFailure, learnBaseline, toCheckSample, type CheckSample } from './baseline';

const healthy = (latencyMs: number): CheckSample => ({ latencyMs, ok: true, healthy: true });
const slow = (latencyMs: number): CheckSample => ({ latencyMs, ok: true, healthy: false });
const failed = (latencyMs: number | null = 5000): CheckSample => ({ latencyMs, ok: false, healthy: false });

describe('learnBaseline', () => {
  it('uses the sketch defaults on a cold start (p95 = 2 × default)', () => {
    expect(learnBaseline('twitter', [])).toEqual({ medianMs: 250, p95Ms: 500, errorRate: 0.005, errorWindow: 0, samples: 0, coldStart: true });
    expect(learnBaseline('linkedin', [])).toMatchObject({ medianMs: 300, p95Ms: 600, errorRate: 0.008 });
    expect(learnBaseline('instagram', [])).toMatchObject({ medianMs: 400, p95Ms: 800, errorRate: 0.01 });
    expect(learnBaseline('facebook', [])).toMatchObject({ medianMs: 350, p95Ms: 700, errorRate: 0.01 });
    expect(learnBaseline('custom', [])).toMatchObject({ medianMs: 500, p95Ms: 1000, errorRate: 0.01 });
  });

  it('stays cold with 4 healthy samples and learns from the 5th', () => {
    const four = [100, 110, 120, 130].map(healthy);
    expect(learnBaseline('twitter', four)).toMatchObject({ coldStart: true, medianMs: 250, samples: 4 });
    expect(learnBaseline('twitter', [...four, healthy(140)])).toMatchObject({ coldStart: false, medianMs: 120, p95Ms: 140, samples: 5 });
  });

  it('takes the median and nearest-rank p95 of the latest 50 healthy checks only', () => {
    // Newest first: 50 checks at 100 ms, then 50 older ones at 900 ms that fall outside the window.
    const samples = [...Array.from({ length: 50 }, () => healthy(100)), ...Array.from({ length: 50 }, () => healthy(900))];
    expect(learnBaseline('linkedin', samples)).toMatchObject({ medianMs: 100, p95Ms: 100, samples: 50 });

    const ramp = Array.from({ length: 20 }, (_, i) => healthy((i + 1) * 10)); // 10..200
    expect(learnBaseline('linkedin', ramp)).toMatchObject({ medianMs: 105, p95Ms: 190 });
  });

  it('excludes slow and failed checks, so an outage does not raise the baseline', () => {
    const outage = [...Array.from({ length: 10 }, () => slow(4000)), ...Array.from({ length: 10 }, () => failed())];
    const before = [120, 100, 140, 110, 130].map(healthy);
    expect(learnBaseline('twitter', [...outage, ...before])).toMatchObject({ medianMs: 120, p95Ms: 140, coldStart: false });
  });

  it('measures the error rate over the latest 20 checks once there are 5', () => {
    const mixed = [failed(), healthy(100), failed(), healthy(100)];
    expect(learnBaseline('twitter', mixed)).toMatchObject({ errorRate: 0.005, errorWindow: 0 });
    expect(learnBaseline('twitter', [...mixed, healthy(100)])).toMatchObject({ errorRate: 0.4, errorWindow: 5 });

    const window = [...Array.from({ length: 15 }, () => failed()), ...Array.from({ length: 5 }, () => healthy(100))];
    const older = Array.from({ length: 30 }, () => healthy(100));
    expect(learnBaseline('twitter', [...window, ...older])).toMatchObject({ errorRate: 0.75, errorWindow: 20, coldStart: false });
  });

  it('still reports the error rate while latency is cold (a monitor failing every check)', () => {
    const allFailed = Array.from({ length: 20 }, () => failed());
    expect(learnBaseline('facebook', allFailed)).toMatchObject({ coldStart: true, medianMs: 350, errorRate: 1, errorWindow: 20 });
  });
});

describe('toCheckSample', () => {
  const result = (errorClass: ProbeResult['errorClass']): ProbeResult => ({
    checkedAt: new Date(),
    latencyMs: 90,
    httpStatus: null,
    bodyBytes: null,
    errorClass,
    errorMessage: null,
    rateLimit: null,
    statusPage: null,
  });

  it('counts only the platform failing as a failure', () => {
    expect(['timeout', 'dns', 'connection', 'tls', 'http-status', 'bad-response'].every((c) => countsAsFailure(c as never))).toBe(true);
    expect([null, 'credentials', 'rate-limited', 'blocked-address'].some((c) => countsAsFailure(c as never))).toBe(false);
  });

  it('is healthy only when the check was assessed healthy', () => {
    const ok = { status: 'healthy', signals: { availability: null, credentials: null, 'rate-limit': null, monitoring: null }, reason: null } as const;
    expect(toCheckSample(result(null), ok)).toEqual({ latencyMs: 90, ok: true, healthy: true });
    expect(toCheckSample(result('credentials'), { ...ok, status: 'degraded' })).toEqual({ latencyMs: 90, ok: true, healthy: false });
    expect(toCheckSample(result('timeout'), { ...ok, status: 'down' })).toEqual({ latencyMs: 90, ok: false, healthy: false });
  });

  it('has a default for every platform', () => {
    expect(Object.keys(DEFAULT_BASELINES).sort()).toEqual(['custom', 'facebook', 'instagram', 'linkedin', 'twitter']);
  });
});
