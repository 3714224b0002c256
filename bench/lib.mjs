// Shared helpers for benchmarks: start the built API, wait for it, run autocannon, describe the machine.
import autocannon from 'autocannon';
import { cpus, totalmem, platform, release } from 'node:os';
import { startApiProcess, startSimProcess } from '../tools/local-processes.mjs';

/** The built API on embedded defaults (fresh DATA_DIR) unless env says otherwise; its logs go to the bench's output. */
export const startApi = (env = {}) => startApiProcess(env, { passOutput: true });

/** The platform simulator in a child process (its hanging requests never share the bench's event loop). */
export const startSim = () => startSimProcess();

export function load({ url, headers = {}, connections = 50, duration = 10, method = 'GET', body }) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections, duration, method, body }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

export const summarize = (r) => ({
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors,
});

export function machine() {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`;
}

/** The round with the median throughput (its latencies come with it). */
export function median(runs) {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const m = sorted[Math.floor(sorted.length / 2)];
  return { ...m, non2xx: runs.reduce((n, r) => n + r.non2xx, 0), errors: runs.reduce((n, r) => n + r.errors, 0) };
}

/** Signs up the first admin of a fresh organization and returns its access token. */
export async function setupAdmin(url) {
  const res = await fetch(`${url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organization_name: 'Bench', name: 'Bench Admin', email: 'bench@example.com', password: 'bench password 1' }),
  });
  const { access_token } = await res.json();
  if (!access_token) throw new Error(`setup failed: ${res.status}`);
  return access_token;
}

/** JSON request with a bearer token; throws on a non-2xx answer. */
export async function api(url, token, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** API settings for monitors probing the simulator: loopback allowed, short intervals, default status pages on the sim. */
export function simEnv(sim, env = {}) {
  const page = (p) => `${sim.url}/${p}/status/api/v2/summary.json`;
  return {
    RATE_LIMIT_PER_MINUTE: '100000000',
    MONITOR_ALLOW_PRIVATE: 'true',
    MONITOR_MIN_INTERVAL_SECONDS: '1',
    HEALTH_SWEEP_TICK_MS: '100',
    STATUS_PAGE_URL_TWITTER: page('twitter'),
    STATUS_PAGE_URL_LINKEDIN: page('linkedin'),
    STATUS_PAGE_URL_INSTAGRAM: page('instagram'),
    STATUS_PAGE_URL_FACEBOOK: page('facebook'),
    ...env,
  };
}

/** A fresh database on the local PostgreSQL server (BENCH_PG_URL), dropped by `drop()`. */
export async function createPgDatabase() {
  const { default: pg } = await import('pg');
  const server = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `pp_bench_${Math.floor(Date.now() / 1000)}_${process.pid}`;
  const onServer = async (sql) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    url: url.toString(),
    query: (sql, params) => client.query(sql, params),
    async drop() {
      await client.end().catch(() => undefined);
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Polls `check` every `everyMs` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function waitFor(what, check, { timeoutMs = 30_000, everyMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Nearest-rank percentile of numbers (sorted here). */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
