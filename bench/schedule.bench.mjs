// Steady state (issue 9, defects 5 and 6, and the memory/storage targets): MONITORS http monitors on the
// simulator's /bench/:n every INTERVAL s, every 10th hanging until its timeout, created through the API
// (so their slots spread as real ones do). Over WINDOW_INTERVALS intervals: checks started against the
// number expected, how late they started (health_check_lateness_seconds), GET /api/health-status latency
// while it all runs, the API's RSS and, on PostgreSQL, bytes per stored check.
// BENCH_SCHEDULE_MONITORS (1000), BENCH_SCHEDULE_DB (pglite | pg), BENCH_SCHEDULE_INTERVAL_S (20).
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createPgDatabase, percentile, setupAdmin, simEnv, startApi, startSim } from './lib.mjs';

const MONITORS = Number(process.env.BENCH_SCHEDULE_MONITORS ?? 1000);
const DB = process.env.BENCH_SCHEDULE_DB ?? 'pglite';
const INTERVAL_S = Number(process.env.BENCH_SCHEDULE_INTERVAL_S ?? 20);
const WINDOW_INTERVALS = 3;
const HANG_EVERY = 10;
const TIMEOUT_MS = 2000;
const READ_EVERY_MS = 100;

/** Cumulative histogram buckets (le → count) of one metric, from the Prometheus text format. */
function buckets(text, name, labels = '') {
  const out = new Map();
  const pattern = new RegExp(`^${name}_bucket\\{le="([^"]+)"${labels.replace(/[/.]/g, '\\$&')}\\} ([0-9.eE+-]+)$`, 'gm');
  for (const m of text.matchAll(pattern)) out.set(m[1], Number(m[2]));
  return out;
}

/** Server-side duration of GET /api/health-status 200s (http_request_duration_seconds), as bucket bounds. */
const STATUS_ROUTE = ',method="GET",route="/api/health-status",status="200"';

/** The smallest bucket bound holding at least share p of the observations (an upper bound of that percentile). */
function percentileBound(before, after, p) {
  const total = after.get('+Inf') - (before.get('+Inf') ?? 0);
  for (const [le, n] of after) if (le !== '+Inf' && n - (before.get(le) ?? 0) >= p * total) return { le: Number(le), total };
  return { le: Infinity, total };
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

export async function benchSchedule() {
  const db = DB === 'pg' ? await createPgDatabase() : null;
  const sim = await startSim();
  const app = await startApi(
    simEnv(sim, { MONITORS_PER_ORGANIZATION: String(MONITORS + 100), ...(db ? { DATABASE_URL: db.url } : {}) }),
  );
  try {
    const token = await setupAdmin(app.url);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await sim.admin('PATCH', '/_admin/bench', { hang_every: HANG_EVERY, latency_ms: 0 });
    // Created at an even pace over one interval, as monitors added over time would be: slots spread out.
    const createdAt = Date.now();
    const pace = (INTERVAL_S * 1000) / MONITORS;
    const createOne = async (n) => {
      const res = await fetch(`${app.url}/api/monitors`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `bench ${n}`, platform: 'custom', kind: 'http', url: `${sim.url}/bench/${n}`, interval_seconds: INTERVAL_S, timeout_ms: TIMEOUT_MS }),
      });
      if (res.status !== 201) throw new Error(`create monitor ${n}: ${res.status} ${await res.text()}`);
    };
    const pending = [];
    for (let n = 1; n <= MONITORS; n++) {
      const wait = createdAt + n * pace - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(createOne(n));
      if (pending.length >= 50) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const creating = (Date.now() - createdAt) / 1000;
    await new Promise((r) => setTimeout(r, INTERVAL_S * 1000)); // every monitor past its first check

    const metrics = async () => (await fetch(`${app.url}/metrics`, { headers })).text();
    const metricsBefore = await metrics();
    const before = buckets(metricsBefore, 'health_check_lateness_seconds');
    const serverBefore = buckets(metricsBefore, 'http_request_duration_seconds', STATUS_ROUTE);
    if (!before.has('+Inf')) throw new Error('/metrics has no health_check_lateness_seconds');
    const countBefore = db ? Number((await db.query('SELECT count(*)::int AS n FROM health_checks')).rows[0].n) : 0;

    // Reads while the checks run: one portal-like client polling the snapshot.
    const windowMs = WINDOW_INTERVALS * INTERVAL_S * 1000;
    const started = Date.now();
    const reads = [];
    const bare = [];
    let rssPeak = 0;
    let status = null;
    while (Date.now() - started < windowMs) {
      const t0 = performance.now();
      const res = await fetch(`${app.url}/api/health-status`, { headers });
      status = await res.json();
      reads.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`health-status: ${res.status}`);
      // The bare route beside it: how much of a read is the event loop being busy with something else.
      const t1 = performance.now();
      await (await fetch(`${app.url}/api/livez`)).text();
      bare.push(performance.now() - t1);
      rssPeak = Math.max(rssPeak, rssMb(app.child.pid));
      await new Promise((r) => setTimeout(r, READ_EVERY_MS));
    }
    const metricsAfter = await metrics();
    const after = buckets(metricsAfter, 'health_check_lateness_seconds');
    const serverAfter = buckets(metricsAfter, 'http_request_duration_seconds', STATUS_ROUTE);
    const server = serverAfter.has('+Inf')
      ? `p50 ≤ ${percentileBound(serverBefore, serverAfter, 0.5).le * 1000} ms, p99 ≤ ${percentileBound(serverBefore, serverAfter, 0.99).le * 1000} ms`
      : 'not in /metrics';
    const p95 = percentileBound(before, after, 0.95);
    const p99 = percentileBound(before, after, 0.99);
    const expected = Math.round((MONITORS * windowMs) / (INTERVAL_S * 1000));
    const share = p95.total / expected;
    let storage = null;
    if (db) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n, pg_total_relation_size('health_checks') AS bytes FROM health_checks`,
      );
      const recorded = rows[0].n - countBefore;
      storage = { perCheck: Number(rows[0].bytes) / rows[0].n, recorded, perDayMb: (Number(rows[0].bytes) / rows[0].n) * ((MONITORS * 86400) / INTERVAL_S) / 2 ** 20 };
    }
    const rss = rssMb(app.child.pid);
    const readP99 = percentile(reads, 99);
    const scheduleOk = share >= 0.99 && p95.le <= 1;
    const readsOk = readP99 < 20;
    const rssOk = DB !== 'pglite' || MONITORS > 1000 || rssPeak <= 300;
    const bytesOk = !storage || storage.perCheck <= 200;
    return {
      title: `Steady schedule: ${MONITORS} http monitors every ${INTERVAL_S} s on the simulator, every ${HANG_EVERY}th hanging (timeout ${TIMEOUT_MS} ms), ${DB === 'pg' ? 'PostgreSQL' : 'embedded PGlite'}, one process, window ${WINDOW_INTERVALS} intervals`,
      table: [
        ['measure', 'value'],
        ['monitors created through the API (evenly over one interval)', `${MONITORS} in ${creating.toFixed(1)} s`],
        ['checks started in the window / expected (target ≥ 0.99)', `${p95.total} / ${expected} = ${share.toFixed(3)}`],
        ['lateness p95 / p99, upper bucket bound (target p95 < 1 s)', `≤ ${p95.le} s / ≤ ${p99.le} s`],
        [`GET /api/health-status while it runs, one client every ${READ_EVERY_MS} ms: p50 / p95 / p99 / max (target p99 < 20 ms)`, `${percentile(reads, 50).toFixed(1)} / ${percentile(reads, 95).toFixed(1)} / ${readP99.toFixed(1)} / ${Math.max(...reads).toFixed(1)} ms (${reads.length} reads, overall ${status?.overall_status})`],
        ['the same reads as the server timed them (http_request_duration_seconds, bucket bounds)', server],
        ['GET /api/livez (bare route) right after each of those reads: p50 / p95 / p99', `${percentile(bare, 50).toFixed(1)} / ${percentile(bare, 95).toFixed(1)} / ${percentile(bare, 99).toFixed(1)} ms`],
        ['API RSS at the end / peak in the window', `${rss.toFixed(0)} MB / ${rssPeak.toFixed(0)} MB`],
        ...(storage
          ? [
              ['health_checks: bytes per stored row (table + indexes + TOAST; target ≤ 200)', `${storage.perCheck.toFixed(0)} B`],
              ['raw checks per day at this load', `${(storage.perDayMb / 1024).toFixed(2)} GiB`],
            ]
          : []),
      ],
      verdict: [
        `schedule ${share.toFixed(3)} of expected checks, p95 lateness ≤ ${p95.le} s: ${scheduleOk ? 'met' : 'NOT met'}`,
        `reads p99 ${readP99.toFixed(1)} ms: ${readsOk ? 'met' : 'NOT met'}`,
        DB === 'pglite' && MONITORS <= 1000 ? `RSS peak ${rssPeak.toFixed(0)} MB (target ≤ 300 MB): ${rssOk ? 'met' : 'NOT met'}` : null,
        storage ? `${storage.perCheck.toFixed(0)} B per stored check (target ≤ 200): ${bytesOk ? 'met' : 'NOT met'}` : null,
      ]
        .filter(Boolean)
        .join('; '),
    };
  } finally {
    await app.stop();
    await sim.stop();
    await db?.drop();
  }
}
