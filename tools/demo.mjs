// `npm run demo`: the product on embedded defaults, watching the platform simulator, while a script walks X through
// healthy → slow → down → recovered and LinkedIn through an expired token, on a loop. Open the printed URL to watch
// alerts arrive and incidents open and resolve. Ctrl-C stops everything.
//   --no-build   reuse dist/ from an earlier build
//   --once       run the scenario once, then stop (a smoke test of the demo itself)
import { execSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { io } from 'socket.io-client';
import { SIM_ARGV, simProcessEnv } from './local-processes.mjs';

const args = new Set(process.argv.slice(2));
const HOST = process.env.HOST ?? '127.0.0.1';
const DATA_DIR = process.env.DATA_DIR ?? 'tmp/demo-data';
const ADMIN = { email: 'admin@demo.example', password: 'demo-password-1', org: 'Demo Marketing' };
const ACCESS_TOKEN = 'demo-access-token';
const INTERVAL_SECONDS = 3;
const PLATFORMS = ['twitter', 'linkedin', 'instagram', 'facebook'];
/** platform-api monitors on the simulator's copies of the endpoints the probes call. */
const MONITORS = [
  { platform: 'twitter', name: 'X API (demo)', path: '/x/2/users/me' },
  { platform: 'linkedin', name: 'LinkedIn API (demo)', path: '/linkedin/v2/userinfo' },
  { platform: 'instagram', name: 'Instagram API (demo)', path: '/instagram/v21.0/me' },
  { platform: 'facebook', name: 'Facebook API (demo)', path: '/facebook/v21.0/me' },
];
/** Each step replaces one platform's simulator controls (PUT: from healthy defaults), then waits. */
const SCENARIO = [
  { platform: 'twitter', controls: {}, seconds: 20, say: 'X is healthy: the monitor learns its usual latency' },
  { platform: 'twitter', controls: { latency_ms: 1200 }, seconds: 25, say: 'X is slow (1.2 s answers): a warning incident opens after 2 slow checks' },
  { platform: 'twitter', controls: { down: '503' }, seconds: 25, say: 'X is down (HTTP 503): the incident escalates to critical' },
  { platform: 'twitter', controls: {}, seconds: 25, say: 'X recovered: the incident resolves after 2 good checks' },
  { platform: 'linkedin', controls: { token_expired: true }, seconds: 25, say: 'LinkedIn rejects the access token: a credentials incident ("reconnect the account"), not an outage' },
  { platform: 'linkedin', controls: {}, seconds: 25, say: 'LinkedIn token renewed: the credentials incident resolves' },
];

const children = [];
let socket;
let stopping = false;

const time = () => new Date().toTimeString().slice(0, 8);
const log = (tag, text) => console.log(`${time()}  ${tag.padEnd(7)} ${text}`);

function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer()
      .once('error', () => resolve(false))
      .listen(port, HOST, () => s.close(() => resolve(true)));
  });
}

/** The wanted port, or the next free one after it. */
async function pickPort(wanted) {
  for (let port = wanted; port < wanted + 20; port++) if (await portFree(port)) return port;
  throw new Error(`no free port from ${wanted} to ${wanted + 19}`);
}

/** Runs a child in its own process group (Ctrl-C reaches only this script, which stops them in order). */
function start(name, argv, env) {
  const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output = [];
  const keep = (d) => output.push(String(d)) > 200 && output.shift();
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} stopped unexpectedly (${signal ?? code}). Its last output:\n${output.join('')}`);
    void stop(1);
  });
  children.push({ name, child });
  return { child, output };
}

async function waitFor(name, url, { child, output }, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await fetch(url).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start:\n${output.join('')}`);
    await sleep(250);
  }
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo…');
  socket?.close();
  // The product first (it may be probing the simulator), then the simulator.
  for (const { child } of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    const exited = new Promise((r) => child.once('exit', r));
    if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) child.kill('SIGKILL');
  }
  process.exit(code);
}

async function request(base, method, path, { token, body } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text === '' ? null : JSON.parse(text);
}

/** Creates the demo monitors, or points the ones from an earlier run at this run's simulator. */
async function saveMonitors(api, token, simUrl) {
  const existing = await request(api, 'GET', '/api/monitors', { token });
  for (const m of MONITORS) {
    const body = {
      name: m.name,
      platform: m.platform,
      kind: 'platform-api',
      url: simUrl + m.path,
      access_token: ACCESS_TOKEN,
      timeout_ms: 2500,
      interval_seconds: INTERVAL_SECONDS,
      enabled: true,
    };
    const found = existing.find((e) => e.name === m.name);
    if (found) await request(api, 'PATCH', `/api/monitors/${found.id}`, { token, body });
    else await request(api, 'POST', '/api/monitors', { token, body });
  }
}

/** Prints every alert and every change of a monitor's state, as the portal receives them. */
function listen(api, token) {
  let lastAlertId;
  const states = new Map();
  socket = io(`${api}/health-alerts`, {
    transports: ['websocket'],
    auth: (cb) => cb({ token, ...(lastAlertId ? { lastAlertId } : {}) }),
  });
  socket.on('connect_error', (e) => log('socket', `connection refused: ${e.message}`));
  socket.on('health_alert', (a) => {
    if (!lastAlertId || BigInt(a.id) > BigInt(lastAlertId)) lastAlertId = a.id;
    const what = a.type === 'resolved' ? 'RESOLVED' : `${a.severity.toUpperCase()} ${a.type}`;
    log('ALERT', `${what} · ${a.platform} · ${a.kind}: ${a.message}${a.type === 'resolved' ? '' : ` → ${a.action}`}`);
  });
  socket.on('health_status', (s) => {
    if (states.get(s.monitor_id) === s.status) return;
    const was = states.get(s.monitor_id);
    states.set(s.monitor_id, s.status);
    if (was === undefined && s.status === 'healthy') return;
    const detail = [s.response_time !== null ? `${s.response_time} ms` : null, s.http_status ? `HTTP ${s.http_status}` : null, s.error_class]
      .filter(Boolean)
      .join(', ');
    log('status', `${s.name}: ${was ?? 'new'} → ${s.status}${detail ? ` (${detail})` : ''}`);
  });
}

async function main() {
  // `on`, not `once`: under npm, Ctrl-C arrives twice (terminal and npm); a second one must not kill us mid-stop.
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // If this script dies without stopping them, do not leave the servers running.
  process.once('exit', () => children.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL')));

  if (!args.has('--no-build')) {
    console.log('Building the API and the portal…');
    execSync('npx nx run-many -t build -p api web --output-style=static', { stdio: 'inherit' });
  }

  const simPort = await pickPort(Number(process.env.PLATFORM_SIM_PORT ?? 4100));
  const sim = `http://${HOST}:${simPort}`;
  const simChild = start('platform-sim', SIM_ARGV, simProcessEnv(simPort, HOST));
  await waitFor('platform-sim', `${sim}/_admin/state`, simChild, 60);
  await request(sim, 'POST', '/_admin/reset');
  log('sim', `platform simulator on ${sim} (controls: ${sim}/_admin/state)`);

  const port = await pickPort(Number(process.env.PORT ?? 3000));
  const api = `http://${HOST === '0.0.0.0' ? '127.0.0.1' : HOST}:${port}`;
  mkdirSync(DATA_DIR, { recursive: true });
  const apiChild = start('api', ['dist/apps/api/main.js'], {
    PORT: String(port),
    HOST,
    DATA_DIR,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ORG_NAME: ADMIN.org,
    MONITOR_ALLOW_PRIVATE: 'true',
    MONITOR_MIN_INTERVAL_SECONDS: '1',
    HEALTH_SWEEP_TICK_MS: '1000',
    // The default status-page monitors every organization gets: the simulator's pages, not the internet.
    ...Object.fromEntries(PLATFORMS.map((p) => [`STATUS_PAGE_URL_${p.toUpperCase()}`, `${sim}/${p}/status/api/v2/summary.json`])),
  });
  log('api', `starting the product (data in ${DATA_DIR}; the first start creates the database, 5–15 s)…`);
  await waitFor('api', `${api}/api/livez`, apiChild, 120);

  const { access_token: token } = await request(api, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
  await saveMonitors(api, token, sim);
  listen(api, token);

  console.log(`
  PostProber AI demo is running.
    Portal:  ${api}   (open Health, and watch the bell)
    Sign in: ${ADMIN.email} / ${ADMIN.password}
    Monitors: ${MONITORS.map((m) => m.name).join(', ')}, every ${INTERVAL_SECONDS} s
  Press Ctrl-C to stop.
`);

  for (let round = 1; !stopping; round++) {
    for (const step of SCENARIO) {
      if (stopping) return;
      await request(sim, 'PUT', `/_admin/platforms/${step.platform}`, { body: step.controls });
      log('STEP', step.say);
      await sleep(step.seconds * 1000);
    }
    if (args.has('--once')) return stop(0);
    log('STEP', `round ${round} done; again from the start`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  void stop(1);
});
