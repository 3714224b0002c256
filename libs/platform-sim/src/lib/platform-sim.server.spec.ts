import { PlatformSim, startPlatformSim } from './platform-sim.server';

const auth = { authorization: 'Bearer sim-token' };

describe('startPlatformSim', () => {
  let sim: PlatformSim;
  beforeEach(async () => (sim = await startPlatformSim()));
  afterEach(() => sim.close());

  it('answers X like API v2: quota headers, expired token as a problem document, 429 at the limit', async () => {
    const ok = await fetch(sim.urls.api('twitter'), { headers: auth });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-rate-limit-limit')).toBe('75');
    expect(ok.headers.get('x-rate-limit-remaining')).toBe('75');
    const reset = Number(ok.headers.get('x-rate-limit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 15 * 60 + 1);
    expect((await ok.json()).data.username).toBe('SimDevs');

    sim.controls.set('x', { rate_limit_used_percent: 80 });
    expect((await fetch(`${sim.url}/twitter/2/users/me`, { headers: auth })).headers.get('x-rate-limit-remaining')).toBe('15');

    sim.controls.set('twitter', { rate_limit_used_percent: 100 });
    const limited = await fetch(sim.urls.api('twitter'), { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(await limited.json()).toEqual({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 });

    sim.controls.set('twitter', { token_expired: true });
    const expired = await fetch(sim.urls.api('twitter'), { headers: auth });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
  });

  it('answers Meta with x-app-usage and x-business-use-case-usage, code 190 and throttling codes', async () => {
    sim.controls.set('facebook', { rate_limit_used_percent: 42 });
    const ok = await fetch(sim.urls.api('facebook'), { headers: auth });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.headers.get('x-app-usage') ?? '')).toEqual({ call_count: 42, total_cputime: 25, total_time: 34 });
    const buc = JSON.parse(ok.headers.get('x-business-use-case-usage') ?? '');
    expect(Object.values(buc)).toEqual([
      [{ type: 'pages', call_count: 42, total_cputime: 25, total_time: 34, estimated_time_to_regain_access: 0 }],
    ]);

    // access_token in the query works like the Graph API's.
    const ig = await fetch(`${sim.url}/instagram/v19.0/me?access_token=abc`);
    expect(ig.status).toBe(200);
    expect(Object.values(JSON.parse(ig.headers.get('x-business-use-case-usage') ?? ''))).toEqual([[expect.objectContaining({ type: 'instagram' })]]);

    sim.controls.set('instagram', { rate_limit_used_percent: 100, throttle_code: 17 });
    const throttled = await fetch(sim.urls.api('instagram'), { headers: auth });
    expect(throttled.status).toBe(403);
    expect((await throttled.json()).error).toMatchObject({ code: 17, type: 'OAuthException', message: '(#17) User request limit reached' });
    expect(Object.values(JSON.parse(throttled.headers.get('x-business-use-case-usage') ?? ''))).toEqual([
      [expect.objectContaining({ call_count: 100, estimated_time_to_regain_access: 15 })],
    ]);

    sim.controls.set('facebook', { token_expired: true });
    const expired = await fetch(sim.urls.api('facebook'), { headers: auth });
    expect(expired.status).toBe(400);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    const body = await expired.json();
    expect(body.error).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: expect.any(String) });
    expect(body.error.message).toMatch(/^Error validating access token: Session has expired/);

    const noToken = await fetch(sim.urls.api('facebook'));
    expect((await noToken.json()).error.code).toBe(2500);
  });

  it('answers LinkedIn with its error bodies and a bare 429', async () => {
    const ok = await fetch(sim.urls.api('linkedin'), { headers: auth });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-rate-limit-limit')).toBeNull();
    sim.controls.set('linkedin', { token_expired: true });
    const expired = await fetch(sim.urls.api('linkedin'), { headers: auth });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' });
    sim.controls.replace('linkedin', { rate_limit_used_percent: 100 });
    const limited = await fetch(sim.urls.api('linkedin'), { headers: auth });
    expect(limited.status).toBe(429);
    expect((await limited.json()).status).toBe(429);
  });

  it('serves Statuspage summaries whose components follow the indicator and overrides', async () => {
    const healthy = await (await fetch(sim.urls.statusPage('twitter'))).json();
    expect(healthy.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(healthy.page).toMatchObject({ id: expect.any(String), name: 'X (simulated)', url: `${sim.url}/twitter/status` });
    expect(healthy.components.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['API', 'operational'],
      ['Posting', 'operational'],
      ['Media uploads', 'operational'],
    ]);
    expect(healthy.incidents).toEqual([]);
    expect(healthy.scheduled_maintenances).toEqual([]);

    sim.controls.set('twitter', { status_indicator: 'major', components: { API: 'degraded_performance' } });
    const major = await (await fetch(sim.urls.statusPage('twitter'))).json();
    expect(major.status.indicator).toBe('major');
    const byName = Object.fromEntries(major.components.map((c: { name: string; status: string }) => [c.name, c.status]));
    expect(byName).toEqual({ API: 'degraded_performance', Posting: 'partial_outage', 'Media uploads': 'degraded_performance' });
    expect(major.incidents).toHaveLength(1);
    expect(major.incidents[0]).toMatchObject({ impact: 'major', status: 'investigating', resolved_at: null });

    sim.controls.set('twitter', { status_indicator: 'maintenance', components: {} });
    const maintenance = await (await fetch(sim.urls.statusPage('twitter'))).json();
    expect(maintenance.incidents).toEqual([]);
    expect(maintenance.scheduled_maintenances[0]).toMatchObject({ status: 'in_progress', impact: 'maintenance' });
  });

  it('applies latency, error_rate and both kinds of down to API and health endpoints, not the status page', async () => {
    sim.controls.set('linkedin', { latency_ms: 150 });
    const started = Date.now();
    expect((await fetch(sim.urls.health('linkedin'))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    sim.controls.replace('facebook', { error_rate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(sim.urls.api('facebook'), { headers: auth })).status);
    expect(statuses).toEqual([200, 500, 200, 500]);

    sim.controls.replace('facebook', { down: '503' });
    expect((await fetch(sim.urls.health('facebook'))).status).toBe(503);
    expect((await fetch(sim.urls.statusPage('facebook'))).status).toBe(200);

    sim.controls.replace('facebook', { down: 'reset' });
    await expect(fetch(sim.urls.api('facebook'), { headers: auth })).rejects.toThrow();
  });

  it('with stall_body sends a 200 and part of a body, then nothing, until close()', async () => {
    sim.controls.set('linkedin', { stall_body: true });
    const res = await fetch(sim.urls.health('linkedin'));
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe('partial');
    const rest = reader?.read().then(() => 'ended', () => 'dropped');
    expect(await Promise.race([rest, new Promise((r) => setTimeout(() => r('still open'), 200))])).toBe('still open');
    expect((await fetch(sim.urls.statusPage('linkedin'))).status).toBe(200);
    await sim.close();
    expect(await rest).toBe('dropped');
    sim = await startPlatformSim(); // for afterEach
  });

  it('keeps hanging requests open until close(), and makes chosen bench ids hang', async () => {
    sim.controls.set('twitter', { hang: true });
    sim.controls.setBench({ hang_every: 10, hang_ids: [3] });
    const outcome = (url: string) =>
      fetch(url).then(
        () => 'answered',
        () => 'dropped',
      );
    const hung = [outcome(sim.urls.health('twitter')), outcome(sim.urls.bench(20)), outcome(sim.urls.bench(3))];
    expect(await outcome(sim.urls.bench(7))).toBe('answered');
    const early = await Promise.race([Promise.all(hung), new Promise((r) => setTimeout(() => r('still open'), 200))]);
    expect(early).toBe('still open');
    expect(sim.controls.state().requests).toMatchObject({ twitter: 1, bench: 3 });
    await sim.close();
    expect(await Promise.all(hung)).toEqual(['dropped', 'dropped', 'dropped']);
    sim = await startPlatformSim(); // for afterEach
  });

  it('counts the requests to each URL and keeps the latest headers, until reset', async () => {
    await fetch(sim.urls.health('facebook'), { headers: { authorization: 'Bearer one' } });
    await fetch(`${sim.urls.health('facebook')}?probe=2`, { headers: { authorization: 'Bearer two', accept: 'application/json' } });
    await fetch(sim.urls.bench(7));
    await fetch(`${sim.url}/_admin/state`);
    expect(sim.controls.requestsTo(sim.urls.health('facebook'))).toBe(2);
    expect(sim.controls.requestsTo('/bench/7')).toBe(1);
    expect(sim.controls.requestsTo('/bench/8')).toBe(0);
    expect(sim.controls.requestsTo('/_admin/state')).toBe(0);
    expect(sim.controls.lastHeadersTo(sim.urls.health('facebook'))).toMatchObject({ authorization: 'Bearer two', accept: 'application/json' });
    sim.controls.reset();
    expect(sim.controls.requestsTo(sim.urls.health('facebook'))).toBe(0);
    expect(sim.controls.lastHeadersTo(sim.urls.health('facebook'))).toBeUndefined();
  });

  it('has an HTTP admin API: state, PUT/PATCH with field-level 400s, reset', async () => {
    const patch = (body: unknown, method = 'PATCH', path = 'platforms/instagram') =>
      fetch(`${sim.url}/_admin/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await (await patch({ latency_ms: 20, down: true })).json())).toMatchObject({ latency_ms: 20, down: '503' });
    expect((await (await patch({ token_expired: true })).json())).toMatchObject({ latency_ms: 20, token_expired: true });
    expect((await (await patch({ hang: true }, 'PUT')).json())).toMatchObject({ latency_ms: 0, hang: true, token_expired: false });

    const bad = await patch({ error_rate: 2 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('error_rate must be a number from 0 to 1');
    expect((await (await patch({ colour: 'red' })).json()).error).toBe('unknown field colour');
    expect((await patch({}, 'PATCH', 'platforms/myspace')).status).toBe(400);
    expect((await (await patch({ hang_every: 5 }, 'PATCH', 'bench')).json())).toEqual({ latency_ms: 0, hang_every: 5, hang_ids: [] });

    const state = await (await fetch(`${sim.url}/_admin/state`)).json();
    expect(state.platforms.instagram.hang).toBe(true);
    expect(state.bench.hang_every).toBe(5);

    const reset = await (await fetch(`${sim.url}/_admin/reset`, { method: 'POST' })).json();
    expect(reset.platforms.instagram.hang).toBe(false);
    expect(reset.bench.hang_every).toBeNull();
  });
});
