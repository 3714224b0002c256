// The production topology (tools/cluster-topology.mjs, what `npm run cluster` runs): two API processes and a
// worker on one PostgreSQL and one Redis, behind our reverse proxy. It holds only if the sweep runs once per
// slot (and only in the worker), every alert reaches every client once whichever process it is connected to,
// and a client that moves from one API process to the other with lastAlertId gets exactly what it missed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { io } from 'socket.io-client';
import { startCluster } from '../tools/cluster-topology.mjs';
import { cleanupAfterAll, send, signUpAdmin, sleep, startPostgres, startRedis, startSimProcess, until } from './support.mjs';

const cleanups = cleanupAfterAll();

const PLATFORMS = ['twitter', 'linkedin', 'instagram', 'facebook'];
const PORTAL_MARKER = 'cluster-portal-marker';
/** How long the sweep is watched: long enough for ±1 to mean something at 1 s and 2 s intervals. */
const SWEEP_WINDOW_MS = 15_000;

/** A /health-alerts client that records every health_alert it receives, in order. */
function alertsClient(name, baseUrl, token, { transports = ['websocket'], lastAlertId } = {}) {
  const socket = io(`${baseUrl}/health-alerts`, {
    auth: lastAlertId ? { token, lastAlertId } : { token },
    transports,
    reconnection: false,
    forceNew: true,
  });
  const received = [];
  socket.on('health_alert', (alert) => received.push(alert));
  const connected = new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', (e) => reject(new Error(`${name}: ${e.message}`)));
  });
  return { name, socket, received, connected, ids: () => received.map((a) => a.id), transport: () => socket.io.engine?.transport?.name };
}

const metric = (text, name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+(?:\\.\\d+)?)`, 'm').exec(text)?.[1] ?? 0);
const byId = (a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

test('cluster: one sweep per slot in the worker only, every alert once on either API, a moving client gets exactly what it missed', async () => {
  const startedAt = Date.now();
  const [redis, pg, sim] = await Promise.all([startRedis(), startPostgres(), startSimProcess()]);
  cleanups.push(redis.stop, pg.destroy, sim.stop);
  const webDir = mkdtempSync(join(tmpdir(), 'pp-cluster-web-'));
  writeFileSync(join(webDir, 'index.html'), `<!doctype html><title>${PORTAL_MARKER}</title>`);
  cleanups.push(async () => rmSync(webDir, { recursive: true, force: true }));
  const proxyLog = [];
  const cluster = await startCluster({
    databaseUrl: pg.url,
    redisUrl: redis.url,
    env: {
      LOG_LEVEL: 'info',
      MONITOR_ALLOW_PRIVATE: 'true',
      MONITOR_MIN_INTERVAL_SECONDS: '1',
      HEALTH_SWEEP_TICK_MS: '250',
      WEB_DIST_DIR: webDir,
      ...Object.fromEntries(PLATFORMS.map((p) => [`STATUS_PAGE_URL_${p.toUpperCase()}`, sim.statusPage(p)])),
    },
    log: (event) => proxyLog.push(event),
  });
  cleanups.push(cluster.stop);
  const [api1, api2] = cluster.apis;
  console.log(`topology up in ${Date.now() - startedAt} ms: proxy ${cluster.url}, api-1 ${api1.url}, api-2 ${api2.url}, worker ${cluster.worker.url}`);
  const agent = new Agent({ keepAlive: true });
  cleanups.push(async () => agent.destroy());

  // Roles as configured; the portal is served at / by the API processes, through the proxy.
  for (const p of cluster.processes) {
    const health = await send(agent, p.url, 'GET', '/api/healthz');
    assert.equal(health.body.role, p.role, `${p.name} runs as ${p.role}: ${JSON.stringify(health.body)}`);
  }
  const portal = await send(agent, cluster.url, 'GET', '/');
  assert.equal(portal.status, 200);
  assert.ok(String(portal.body).includes(PORTAL_MARKER), 'the portal comes through the proxy');

  const token = await signUpAdmin(agent, cluster.url);
  const call = (base, method, path, body) => send(agent, base, method, path, { token, body });
  const createMonitor = async (body) => {
    const r = await call(cluster.url, 'POST', '/api/monitors', { timeout_ms: 800, platform: 'custom', kind: 'http', ...body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };

  // Sweep: two monitors on targets nobody else probes, at 1 s and 2 s.
  const simState = async () => (await fetch(`${sim.url}/_admin/state`)).json();
  const benchBefore = (await simState()).requests.bench;
  const sweepMonitors = [
    { ...(await createMonitor({ name: 'Sweep 1s', url: `${sim.url}/bench/1`, interval_seconds: 1 })), interval: 1 },
    { ...(await createMonitor({ name: 'Sweep 2s', url: `${sim.url}/bench/2`, interval_seconds: 2 })), interval: 2 },
  ];
  const sweepStart = Date.now();
  // Alerts come from two monitors on the simulated platforms' health endpoints.
  const linkedin = await createMonitor({ name: 'LinkedIn health', url: `${sim.url}/linkedin/health`, interval_seconds: 1 });
  const facebook = await createMonitor({ name: 'Facebook health', url: `${sim.url}/facebook/health`, interval_seconds: 1 });

  const clients = [
    alertsClient('api-1 websocket', api1.url, token),
    alertsClient('api-2 websocket', api2.url, token),
    alertsClient('proxy websocket', cluster.url, token),
    alertsClient('proxy polling', cluster.url, token, { transports: ['polling'] }),
  ];
  const mover = alertsClient('mover on api-1', api1.url, token);
  await Promise.all([...clients, mover].map((c) => c.connected));
  cleanups.push(async () => [...clients, mover].forEach((c) => c.socket.close()));
  assert.equal(clients[3].transport(), 'polling');
  assert.equal(cluster.proxy.sessions >= 1, true, 'the proxy routes the polling session by its sid');

  const stored = async () => {
    const r = await call(cluster.url, 'GET', '/api/alerts?after=0&limit=200');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.alerts;
  };
  const waitForAlert = (what, match) =>
    until(what, async () => {
      const alerts = await stored();
      return { ok: alerts.some(match), value: alerts.map((a) => `${a.id}:${a.monitor_id.slice(0, 8)}:${a.type}`) };
    }, 30_000);
  const isAlert = (monitor, type) => (a) => a.monitor_id === monitor.id && a.type === type;

  // 1. LinkedIn fails: an incident opens; the mover sees it on api-1, then leaves.
  await sim.admin('PATCH', '/_admin/platforms/linkedin', { down: '503' });
  await waitForAlert('linkedin incident opened', isAlert(linkedin, 'opened'));
  await until('the mover has the opened alert', async () => ({ ok: mover.received.some(isAlert(linkedin, 'opened')), value: mover.ids() }), 10_000);
  await sleep(500); // an escalation raised at the same moment reaches it too
  mover.socket.close();
  const moverFirst = mover.ids();
  const lastSeen = moverFirst[moverFirst.length - 1];

  // 2. While it is away: LinkedIn recovers (resolved), Facebook fails (opened).
  await sim.admin('PATCH', '/_admin/platforms/linkedin', { down: false });
  await sim.admin('PATCH', '/_admin/platforms/facebook', { down: '503' });
  await waitForAlert('linkedin resolved', isAlert(linkedin, 'resolved'));
  await waitForAlert('facebook incident opened', isAlert(facebook, 'opened'));

  // 3. It comes back on the other process with the last id it saw; then Facebook recovers, live.
  const moved = alertsClient('mover on api-2', api2.url, token, { lastAlertId: lastSeen });
  await moved.connected;
  cleanups.push(async () => moved.socket.close());
  await sim.admin('PATCH', '/_admin/platforms/facebook', { down: false });
  await waitForAlert('facebook resolved', isAlert(facebook, 'resolved'));

  // The sweep window ends: the sweep monitors stop, in-flight checks settle.
  await sleep(Math.max(0, sweepStart + SWEEP_WINDOW_MS - Date.now()));
  const sweepEnd = Date.now();
  for (const m of sweepMonitors) assert.equal((await call(cluster.url, 'PATCH', `/api/monitors/${m.id}`, { enabled: false })).status, 200);
  await sleep(2_500);

  const alerts = await stored();
  const allIds = alerts.map((a) => a.id);
  assert.deepEqual([...allIds].sort(byId), allIds, 'stored alerts come oldest first');
  // Everything stored has reached every client (live pushes may trail the REST read by a moment).
  await until('every client has every stored alert', async () => {
    const counts = [...clients, moved].map((c) => `${c.name}: ${c.received.length}`);
    return { ok: clients.every((c) => c.received.length >= allIds.length) && moverFirst.length + moved.received.length >= allIds.length, value: counts };
  }, 10_000).catch(() => undefined); // the exact assertions below say what is missing
  console.log(`alerts stored: ${allIds.length} (${alerts.map((a) => `${a.id} ${a.type} ${a.monitor_id === linkedin.id ? 'linkedin' : a.monitor_id === facebook.id ? 'facebook' : a.monitor_id}`).join(', ')})`);
  for (const c of clients) {
    console.log(`${c.name} (${c.transport()}): received ${c.received.length}: ${c.ids().join(',')}`);
    assert.deepEqual(c.ids(), allIds, `${c.name} receives each stored alert exactly once, in order`);
  }
  const missed = allIds.filter((id) => byId(id, lastSeen) > 0);
  console.log(`mover: had ${moverFirst.join(',')} on api-1; resumed on api-2 after ${lastSeen}: received ${moved.ids().join(',')}; missed + later: ${missed.join(',')}`);
  assert.deepEqual(moverFirst, allIds.slice(0, moverFirst.length), 'before it left the mover had exactly the first alerts');
  assert.ok(missed.length >= 2, 'alerts happened while the mover was away');
  assert.deepEqual(moved.ids(), missed, 'on api-2 the mover receives exactly what it missed (and what came later), in order, none twice, nothing it had');

  // Sweep: each monitor checked once per slot, as many times as the window holds, and probed exactly that often.
  let checks = 0;
  for (const m of sweepMonitors) {
    const history = (await call(cluster.url, 'GET', `/api/health-history?monitor=${m.id}&hours=1`)).body;
    const times = history.series.map((p) => Date.parse(p.checked_at)).sort((a, b) => a - b);
    checks += times.length;
    const slots = times.map((t) => Math.round((t - times[0]) / (m.interval * 1000)));
    const expected = (sweepEnd - times[0]) / (m.interval * 1000) + 1;
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    console.log(`${m.name}: ${times.length} checks over ${((sweepEnd - times[0]) / 1000).toFixed(1)} s (expected ${expected.toFixed(1)} ± 1); gaps ms min ${Math.min(...gaps)} max ${Math.max(...gaps)}`);
    assert.equal(new Set(slots).size, slots.length, `${m.name}: no two checks in one ${m.interval} s slot: ${JSON.stringify(slots)}`);
    assert.ok(Math.abs(times.length - expected) <= 1, `${m.name}: ${times.length} checks, expected ${expected.toFixed(1)} ± 1`);
  }
  const probes = (await simState()).requests.bench - benchBefore;
  console.log(`sweep monitors: ${checks} checks recorded, ${probes} probes seen by the simulator`);
  assert.equal(probes, checks, 'every probe is one recorded check: no process probed a slot twice');
  // Only the worker sweeps: the API processes started no check at all (the lateness histogram counts each start).
  const started = {};
  for (const p of cluster.processes) started[p.name] = metric((await call(p.url, 'GET', '/metrics')).body, 'health_check_lateness_seconds_count');
  console.log(`checks started per process: ${JSON.stringify(started)}`);
  assert.equal(started['api-1'], 0, 'api-1 starts no check');
  assert.equal(started['api-2'], 0, 'api-2 starts no check');
  assert.ok(started.worker >= checks, `the worker started every check (${started.worker} >= ${checks})`);

  // The proxy spreads plain HTTP over both APIs (counted by each API's own request histogram).
  const livezCount = async (p) => {
    const text = (await call(p.url, 'GET', '/metrics')).body;
    return Number(/^http_request_duration_seconds_count\{[^}]*route="\/api\/livez"[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
  };
  const livezBefore = await Promise.all([api1, api2].map(livezCount));
  for (let i = 0; i < 10; i++) assert.equal((await send(agent, cluster.url, 'GET', '/api/livez')).status, 200);
  const spread = (await Promise.all([api1, api2].map(livezCount))).map((n, i) => n - livezBefore[i]);
  console.log(`10 requests through the proxy: api-1 got ${spread[0]}, api-2 got ${spread[1]}`);
  assert.deepEqual(spread, [5, 5], 'round-robin over the two APIs');

  // The proxy skips an API that refuses connections: api-2 stopped, every request still answers.
  await api2.stop();
  const afterStop = [];
  for (let i = 0; i < 6; i++) afterStop.push((await send(agent, cluster.url, 'GET', '/api/healthz')).status);
  console.log(`with api-2 stopped, through the proxy: ${afterStop.join(',')}`);
  assert.deepEqual(afterStop, [200, 200, 200, 200, 200, 200]);
  assert.ok(proxyLog.some((e) => e.msg.startsWith('Upstream refused')), 'the proxy says it skipped the stopped API');

  // Every line each process wrote is JSON.
  for (const p of cluster.processes) {
    const lines = p.logs.join('').split('\n').filter((l) => l.trim() !== '');
    const bad = lines.filter((l) => {
      try {
        return typeof JSON.parse(l) !== 'object';
      } catch {
        return true;
      }
    });
    console.log(`${p.name}: ${lines.length} log lines, ${bad.length} not JSON`);
    assert.deepEqual(bad, [], `${p.name} logs JSON lines only`);
  }

  // The script refuses to start without its database and Redis, and says which is missing.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const cli = spawnSync(process.execPath, ['tools/cluster.mjs'], { env: { ...env, CLUSTER_SKIP_BUILD: '1' }, encoding: 'utf8' });
  assert.equal(cli.status, 78);
  assert.match(cli.stderr, /DATABASE_URL and REDIS_URL must be set/);
  console.log(`whole test ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
});
