/* The probe adapters against the platform simulator over real sockets. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlatformSim, SIM_PLATFORMS, SimPlatform, startPlatformSim } from '@postprober/platform-sim';
import { sendProbeRequest } from '../../src/tools/health-monitor/probes/http-request';
import { HttpProbe } from '../../src/tools/health-monitor/probes/http.probe';
import { PlatformApiProbe } from '../../src/tools/health-monitor/probes/platform-api.probe';
import type { ProbeTarget } from '../../src/tools/health-monitor/probes/platform-probe.port';
import { StatusPageProbe } from '../../src/tools/health-monitor/probes/statuspage.probe';

const allowed = { allowPrivate: true };
const http = new HttpProbe(allowed);
const api = new PlatformApiProbe(allowed);
const statusPage = new StatusPageProbe(allowed);

const target = (over: Partial<ProbeTarget> & Pick<ProbeTarget, 'url'>): ProbeTarget => ({
  kind: 'http',
  platform: 'custom',
  method: 'GET',
  headers: {},
  timeoutMs: 2000,
  expectedStatus: 200,
  components: [],
  ...over,
});

describe('probe adapters against the platform simulator', () => {
  let sim: PlatformSim;
  const apiTarget = (platform: SimPlatform, over: Partial<ProbeTarget> = {}) =>
    target({ kind: 'platform-api', platform, url: sim.urls.api(platform), headers: { authorization: 'Bearer sim-token' }, ...over });

  beforeAll(async () => (sim = await startPlatformSim()));
  afterEach(() => sim.controls.reset());
  afterAll(() => sim.close());

  describe('http', () => {
    it('reports a healthy endpoint with latency and body size', async () => {
      const result = await http.probe(target({ url: sim.urls.health('twitter') }));
      expect(result).toMatchObject({ httpStatus: 200, errorClass: null, errorMessage: null, rateLimit: null, statusPage: null });
      expect(result.bodyBytes).toBe(Buffer.byteLength('{"status":"ok","platform":"twitter"}'));
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(result.checkedAt).toBeInstanceOf(Date);
    });

    it('measures a slow answer', async () => {
      sim.controls.set('linkedin', { latency_ms: 300 });
      const result = await http.probe(target({ url: sim.urls.health('linkedin') }));
      expect(result.errorClass).toBeNull();
      expect(result.latencyMs).toBeGreaterThanOrEqual(290);
    });

    it('gives up on a hanging target at timeoutMs', async () => {
      sim.controls.set('facebook', { hang: true });
      const started = Date.now();
      const result = await http.probe(target({ url: sim.urls.health('facebook'), timeoutMs: 400 }));
      const took = Date.now() - started;
      expect(result).toMatchObject({ errorClass: 'timeout', httpStatus: null, errorMessage: 'No complete answer within 400 ms' });
      expect(took).toBeGreaterThanOrEqual(390);
      expect(took).toBeLessThan(700);
    });

    it('times out a body that never finishes (deadline covers the body too)', async () => {
      sim.controls.set('linkedin', { stall_body: true });
      const result = await http.probe(target({ url: sim.urls.health('linkedin'), timeoutMs: 300 }));
      expect(result).toMatchObject({ errorClass: 'timeout', httpStatus: 200 });
    });

    it('classifies 5xx, unexpected statuses, resets and refused connections', async () => {
      sim.controls.set('instagram', { down: '503' });
      expect(await http.probe(target({ url: sim.urls.health('instagram') }))).toMatchObject({ errorClass: 'http-status', httpStatus: 503, errorMessage: 'HTTP 503, expected 200' });
      expect(await http.probe(target({ url: sim.urls.health('instagram'), expectedStatus: 503 }))).toMatchObject({ errorClass: null });

      sim.controls.set('instagram', { down: 'reset' });
      expect(await http.probe(target({ url: sim.urls.health('instagram') }))).toMatchObject({ errorClass: 'connection', httpStatus: null });

      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const { port } = closed.address() as AddressInfo;
      await new Promise((r) => closed.close(r));
      const refused = await http.probe(target({ url: `http://127.0.0.1:${port}/` }));
      expect(refused).toMatchObject({ errorClass: 'connection' });
      expect(refused.errorMessage).toContain('ECONNREFUSED');
    });

    it('stops reading a body past the cap', async () => {
      const outcome = await sendProbeRequest(target({ url: sim.urls.statusPage('twitter') }), { allowPrivate: true, maxBodyBytes: 100 });
      expect(outcome).toMatchObject({ status: 200, bodyBytes: 100, bodyTruncated: true, error: null });
      expect(outcome.body).toHaveLength(100);
    });

    it('answers HEAD probes', async () => {
      expect(await http.probe(target({ url: sim.urls.health('twitter'), method: 'HEAD' }))).toMatchObject({ httpStatus: 200, bodyBytes: 0, errorClass: null });
    });

    it('connects to names through the guarded lookup', async () => {
      const result = await http.probe(target({ url: sim.urls.health('twitter').replace('127.0.0.1', 'localhost') }));
      expect(result).toMatchObject({ httpStatus: 200, errorClass: null });
    });

    it('classifies a name that does not resolve as dns', async () => {
      const result = await http.probe(target({ url: 'http://does-not-exist.invalid/', timeoutMs: 5000 }));
      expect(result.errorClass).toBe('dns');
    });

    it('refuses loopback targets when private targets are not allowed, without sending a request', async () => {
      const guarded = new HttpProbe({ allowPrivate: false });
      const before = sim.controls.state().requests.twitter;
      const literal = await guarded.probe(target({ url: sim.urls.health('twitter') }));
      expect(literal).toMatchObject({ errorClass: 'blocked-address', latencyMs: null, httpStatus: null });
      expect(literal.errorMessage).toContain('127.0.0.1 is a private, loopback or link-local address');
      // A name resolving to loopback is stopped in the socket's DNS lookup.
      const named = await guarded.probe(target({ url: sim.urls.health('twitter').replace('127.0.0.1', 'localhost') }));
      expect(named).toMatchObject({ errorClass: 'blocked-address', latencyMs: null });
      expect(sim.controls.state().requests.twitter).toBe(before);
    });
  });

  describe('platform-api', () => {
    it.each(SIM_PLATFORMS)('%s: healthy answer', async (platform) => {
      const result = await api.probe(apiTarget(platform));
      expect(result).toMatchObject({ httpStatus: 200, errorClass: null });
    });

    it.each(SIM_PLATFORMS)('%s: expired token → credentials', async (platform) => {
      sim.controls.set(platform, { token_expired: true });
      const result = await api.probe(apiTarget(platform));
      expect(result.errorClass).toBe('credentials');
      expect(result.errorMessage).toMatch(/rejected the access token/);
    });

    it('reads Meta code 190 as credentials whatever the status, with the platform message', async () => {
      sim.controls.set('facebook', { token_expired: true });
      const result = await api.probe(apiTarget('facebook'));
      expect(result).toMatchObject({ httpStatus: 400, errorClass: 'credentials' });
      expect(result.errorMessage).toContain('(code 190): Error validating access token: Session has expired');
    });

    it('reads X quota headers and a 429 at the limit', async () => {
      sim.controls.set('twitter', { rate_limit_used_percent: 80 });
      const busy = await api.probe(apiTarget('twitter'));
      expect(busy.errorClass).toBeNull();
      expect(busy.rateLimit).toMatchObject({ source: 'x-rate-limit', used: 60, total: 75, usedPercent: 80 });
      expect(busy.rateLimit?.resetAt?.getTime()).toBeGreaterThan(Date.now());

      sim.controls.set('twitter', { rate_limit_used_percent: 100 });
      const limited = await api.probe(apiTarget('twitter'));
      expect(limited).toMatchObject({ httpStatus: 429, errorClass: 'rate-limited', rateLimit: { usedPercent: 100, used: 75 } });
    });

    it('reads Meta usage headers and throttling codes', async () => {
      sim.controls.set('instagram', { rate_limit_used_percent: 55 });
      const busy = await api.probe(apiTarget('instagram'));
      expect(busy).toMatchObject({ errorClass: null, rateLimit: { usedPercent: 55, source: 'x-business-use-case-usage', resetAt: null } });

      for (const code of [4, 17, 32, 613] as const) {
        sim.controls.set('facebook', { rate_limit_used_percent: 100, throttle_code: code });
        const throttled = await api.probe(apiTarget('facebook'));
        expect(throttled).toMatchObject({ errorClass: 'rate-limited', rateLimit: { usedPercent: 100 } });
        expect(throttled.errorMessage).toContain(`(code ${code})`);
        expect(throttled.rateLimit?.resetAt?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
      }
    });

    it('reads a LinkedIn 429 as a used-up quota', async () => {
      sim.controls.set('linkedin', { rate_limit_used_percent: 100 });
      const result = await api.probe(apiTarget('linkedin'));
      expect(result).toMatchObject({ httpStatus: 429, errorClass: 'rate-limited', rateLimit: { source: 'linkedin-429', usedPercent: 100, resetAt: null } });
    });

    it('classifies the platforms 5xx as http-status and a hang as timeout', async () => {
      sim.controls.set('twitter', { error_rate: 1 });
      expect(await api.probe(apiTarget('twitter'))).toMatchObject({ httpStatus: 503, errorClass: 'http-status', errorMessage: 'HTTP 503' });
      sim.controls.set('linkedin', { hang: true });
      const started = Date.now();
      expect(await api.probe(apiTarget('linkedin', { timeoutMs: 300 }))).toMatchObject({ errorClass: 'timeout' });
      expect(Date.now() - started).toBeLessThan(600);
    });
  });

  describe('statuspage', () => {
    const pageTarget = (platform: SimPlatform, components: string[] = []) =>
      target({ kind: 'statuspage', platform, url: sim.urls.statusPage(platform), components });

    it('reads an operational page with all components', async () => {
      const result = await statusPage.probe(pageTarget('twitter'));
      expect(result).toMatchObject({ errorClass: null, httpStatus: 200 });
      expect(result.statusPage).toEqual({
        indicator: 'none',
        description: 'All Systems Operational',
        components: [
          { name: 'API', status: 'operational' },
          { name: 'Posting', status: 'operational' },
          { name: 'Media uploads', status: 'operational' },
        ],
      });
    });

    it('reads minor and major incidents and only the watched components', async () => {
      sim.controls.set('facebook', { status_indicator: 'minor' });
      expect((await statusPage.probe(pageTarget('facebook', ['media uploads']))).statusPage).toEqual({
        indicator: 'minor',
        description: 'Minor Service Outage',
        components: [{ name: 'Media uploads', status: 'degraded_performance' }],
      });
      sim.controls.set('facebook', { status_indicator: 'major' });
      expect((await statusPage.probe(pageTarget('facebook', ['Posting', 'API']))).statusPage).toEqual({
        indicator: 'major',
        description: 'Partial System Outage',
        components: [
          { name: 'API', status: 'operational' },
          { name: 'Posting', status: 'partial_outage' },
        ],
      });
    });

    it('reports a body that is not a Statuspage document as bad-response', async () => {
      const result = await statusPage.probe(target({ kind: 'statuspage', url: sim.urls.health('twitter') }));
      expect(result).toMatchObject({ httpStatus: 200, errorClass: 'bad-response', statusPage: null });
      expect((await statusPage.probe(target({ kind: 'statuspage', url: `${sim.url}/twitter/status/nope` }))).errorClass).toBe('http-status');
    });
  });
});
