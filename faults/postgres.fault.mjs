// PostgreSQL restarts, then stops for 20 s (issue 9, defect 4 and the faults list): reads from memory keep
// answering, what needs the database answers 503 with Retry-After (never 500), every log line stays JSON,
// checks resume by themselves, and every alert reaches the socket client exactly once, with no incident
// opened twice.
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { test } from 'node:test';
import { io } from 'socket.io-client';
import { cleanupAfterAll, send, signUpAdmin, sleep, startApiProcess, startPostgres, startRedis, startSimProcess, until } from './support.mjs';

const OUTAGE_MS = 20_000;

const cleanups = cleanupAfterAll();

test('PostgreSQL restart and a 20 s stop: reads answer, 503 with Retry-After, checks resume, alerts exactly once', async () => {
  const sim = await startSimProcess();
  cleanups.push(sim.stop);
  const pg = await startPostgres();
  cleanups.push(pg.destroy);
  const redis = await startRedis();
  cleanups.push(redis.stop);
  const api = await startApiProcess({
    DATABASE_URL: pg.url,
    REDIS_URL: redis.url,
    LOG_LEVEL: 'info',
    MONITOR_ALLOW_PRIVATE: 'true',
    MONITOR_MIN_INTERVAL_SECONDS: '1',
    ...Object.fromEntries(['twitter', 'linkedin', 'instagram', 'facebook'].map((p) => [`STATUS_PAGE_URL_${p.toUpperCase()}`, sim.statusPage(p)])),
  });
  cleanups.push(api.stop);
  const agent = new Agent({ keepAlive: true });
  cleanups.push(async () => agent.destroy());
  const token = await signUpAdmin(agent, api.url);
  const created = await send(agent, api.url, 'POST', '/api/monitors', {
    token,
    body: { name: 'LinkedIn health', platform: 'linkedin', kind: 'http', url: `${sim.url}/linkedin/health`, interval_seconds: 1, timeout_ms: 500 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const monitorId = created.body.id;

  // What a portal sees live: every alert pushed on the socket.
  const pushed = [];
  const socket = io(`${api.url}/health-alerts`, { transports: ['websocket'], auth: { token }, forceNew: true });
  cleanups.push(async () => void socket.close());
  socket.on('health_alert', (alert) => pushed.push(alert.id));
  await until('the socket to connect', async () => ({ ok: socket.connected, value: socket.id }), 10_000);

  // Readers poll all along: the status from memory, and incidents from the database.
  const reads = { status: [], incidents: [] };
  let reading = true;
  const readers = (async () => {
    while (reading) {
      const [s, i] = await Promise.all([
        send(agent, api.url, 'GET', '/api/health-status', { token }),
        send(agent, api.url, 'GET', '/api/incidents', { token }),
      ]);
      const at = Date.now();
      reads.status.push({ at, status: s.status, overall: s.body?.overall_status, reason: s.body?.status_reason });
      reads.incidents.push({ at, status: i.status, retryAfter: i.headers?.['retry-after'], body: i.body });
      await sleep(200);
    }
  })();
  const history = async () => (await send(agent, api.url, 'GET', `/api/health-history?monitor=${monitorId}&hours=1`, { token })).body;
  const checksNow = async () => (await history()).series?.length ?? 0;
  await until('healthy', async () => {
    const s = (await send(agent, api.url, 'GET', '/api/health-status', { token })).body;
    return { ok: s.overall_status === 'healthy', value: s };
  }, 30_000);

  // 1. A restart: the server goes away and comes straight back.
  await pg.stop();
  await pg.start();
  const afterRestart = await checksNow();
  await until('checks to resume after the restart', async () => ({ ok: (await checksNow()) > afterRestart + 2, value: await checksNow() }), 30_000);

  // The platform starts failing: an incident opens (and its alert is pushed) before the outage.
  await sim.admin('PATCH', '/_admin/platforms/linkedin', { down: '503' });
  const opened = await until('an open incident', async () => {
    const r = await send(agent, api.url, 'GET', `/api/incidents?status=open`, { token });
    return { ok: r.body?.items?.length === 1, value: r.body };
  }, 30_000);

  // 2. A 20 s stop. The platform recovers meanwhile: the resolution can only be recorded once the database is back.
  const stoppedAt = Date.now();
  await pg.stop();
  await sim.admin('PATCH', '/_admin/platforms/linkedin', { down: false });
  await sleep(OUTAGE_MS);
  const outageEnd = Date.now();
  await pg.start();

  await until('the incident to resolve after the outage', async () => {
    const r = await send(agent, api.url, 'GET', `/api/incidents/${opened.items[0].id}`, { token });
    return { ok: r.body?.status === 'resolved', value: r.body };
  }, 60_000);
  await until('healthy again', async () => {
    const s = (await send(agent, api.url, 'GET', '/api/health-status', { token })).body;
    return { ok: s.overall_status === 'healthy' && s.status_reason === null, value: s };
  }, 30_000);
  reading = false;
  await readers;

  // Reads from memory answered all along; during the stop the status admitted it was not checking.
  const statusFailures = reads.status.filter((r) => r.status !== 200 && r.status !== 304);
  assert.deepEqual(statusFailures, [], 'GET /api/health-status answers throughout');
  const during = reads.status.filter((r) => r.at > stoppedAt + 5_000 && r.at < outageEnd);
  assert.ok(during.length > 10, `status reads during the stop: ${during.length}`);
  assert.ok(during.every((r) => r.overall !== 'healthy' || r.at < stoppedAt + 6_000), `never healthy while the database is down: ${JSON.stringify(during.filter((r) => r.overall === 'healthy'))}`);
  const paused = during.filter((r) => r.overall === 'unknown');
  assert.ok(paused.length > 0, 'the overall status turns unknown during the stop');

  // What needs the database: a 503 with Retry-After during the outage, never a 500.
  const serverErrors = reads.incidents.filter((r) => r.status >= 500 && r.status !== 503);
  assert.deepEqual(serverErrors.map((r) => `${r.status} ${JSON.stringify(r.body)}`), [], 'no 500s');
  const unavailable = reads.incidents.filter((r) => r.status === 503);
  assert.ok(unavailable.length > 0, 'incidents answered 503 while the database was stopped');
  for (const r of unavailable) assert.match(String(r.retryAfter), /^\d+$/, '503 carries Retry-After');
  assert.ok(reads.incidents.at(-1).status === 200, 'incidents answer again once the database is back');

  // Alerts: what the socket pushed is exactly what is stored, each once; one incident for the one problem.
  const stored = (await send(agent, api.url, 'GET', '/api/alerts?limit=100', { token })).body.alerts.map((a) => a.id);
  await until('the resolution alert to be pushed', async () => ({ ok: pushed.length >= stored.length, value: pushed }), 10_000);
  assert.equal(new Set(pushed).size, pushed.length, `no alert pushed twice: ${pushed}`);
  assert.deepEqual([...pushed].sort(), [...stored].sort(), 'every stored alert was pushed, and nothing else');
  assert.ok(stored.length >= 2, `opened and resolved alerts: ${stored.length}`);
  const all = (await send(agent, api.url, 'GET', '/api/incidents', { token })).body;
  assert.equal(all.total, 1, `one incident, not reopened or duplicated: ${JSON.stringify(all.items.map((i) => [i.kind, i.status]))}`);

  const logs = api.logs.join('');
  for (const line of logs.split('\n').filter(Boolean)) assert.doesNotThrow(() => JSON.parse(line), `not a JSON log line: ${line}`);
  assert.doesNotMatch(logs, /Unhandled promise rejection|Uncaught exception/, 'nothing left unhandled');
  console.log(
    `status reads ${reads.status.length} (all answered; unknown during the stop: ${paused.length}/${during.length}, reason "${paused.at(-1)?.reason}"); ` +
      `incidents reads ${reads.incidents.length}, 503 with Retry-After ${unavailable.length}; alerts ${stored.length}, each pushed once`,
  );
});
