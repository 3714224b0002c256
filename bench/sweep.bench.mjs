// Sweep: MONITORS http monitors on the simulator's /bench/:n, every 10th hanging, all made due at once
// (UPDATE on PostgreSQL); one sweep's wall time from the health_sweep_last_* gauges in /metrics
// (claim to last check recorded), beside what the bench sees from the UPDATE to the last check row.
import { randomUUID } from 'node:crypto';
import { createPgDatabase, setupAdmin, simEnv, startApi, startSim, waitFor } from './lib.mjs';

const MONITORS = Number(process.env.BENCH_SWEEP_MONITORS ?? 1000);
const TIMEOUT_MS = 2000;
const HANG_EVERY = 10;
const PER_ORGANIZATION = 200;

const gauge = (text, name) => {
  const m = text.match(new RegExp(`^${name} ([0-9.eE+-]+)$`, 'm'));
  return m ? Number(m[1]) : null;
};

export async function benchSweep() {
  const db = await createPgDatabase();
  const sim = await startSim();
  const app = await startApi(simEnv(sim, { DATABASE_URL: db.url }));
  try {
    const token = await setupAdmin(app.url);
    // The API caps an organization at MAX_MONITORS_PER_ORGANIZATION (200) monitors: spread them over enough
    // organizations, added (like the monitors) straight into the database, as the API has no "add organization".
    const orgIds = [(await db.query(`SELECT id FROM organizations`)).rows[0].id];
    while (orgIds.length * PER_ORGANIZATION < MONITORS) {
      const id = randomUUID();
      await db.query(`INSERT INTO organizations (id, name) VALUES ($1, $2)`, [id, `Bench ${orgIds.length + 1}`]);
      orgIds.push(id);
    }
    const ns = Array.from({ length: MONITORS }, (_, i) => i + 1);
    await db.query(
      `INSERT INTO monitors (id, organization_id, name, platform, kind, url, method, timeout_ms, interval_seconds)
       SELECT gen_random_uuid(), o, 'bench ' || n, 'custom', 'http', $3 || n, 'GET', $4, 86400
         FROM unnest($1::int[], $2::uuid[]) AS t(n, o)`,
      [ns, ns.map((n) => orgIds[Math.floor((n - 1) / PER_ORGANIZATION)]), `${sim.url}/bench/`, TIMEOUT_MS],
    );
    const checks = async () =>
      Number((await db.query(`SELECT count(*)::int AS n FROM health_checks c JOIN monitors m ON m.id = c.monitor_id WHERE m.url LIKE '%/bench/%'`)).rows[0].n);
    // Created monitors are due at once: let their first (non-hanging) checks finish before the measured sweep.
    await waitFor('the first check of every monitor', async () => (await checks()) >= MONITORS, { timeoutMs: 180_000, everyMs: 250 });

    await sim.admin('PATCH', '/_admin/bench', { hang_every: HANG_EVERY, latency_ms: 0 });
    const metrics = async () => (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    const before = await metrics();
    const beforeS = gauge(before, 'health_sweep_last_duration_seconds');
    if (beforeS === null) throw new Error('/metrics has no health_sweep_last_duration_seconds');

    const started = Date.now();
    await db.query(`UPDATE monitors SET next_check_at = now() WHERE url LIKE '%/bench/%'`);
    await waitFor('the measured sweep to record every check', async () => (await checks()) >= 2 * MONITORS, { timeoutMs: 60_000, everyMs: 25 });
    const seenMs = Date.now() - started;
    // The gauges are set just after the last record (the warm-up sweep set them too: wait for a new value).
    const after = await waitFor(
      'the sweep gauges',
      async () => {
        const text = await metrics();
        return gauge(text, 'health_sweep_last_monitors') === MONITORS && gauge(text, 'health_sweep_last_duration_seconds') !== beforeS ? text : null;
      },
      { timeoutMs: 10_000, everyMs: 50 },
    );
    const sweepS = gauge(after, 'health_sweep_last_duration_seconds');
    const { rows } = await db.query(
      `SELECT count(*) FILTER (WHERE c.error_class = 'timeout')::int AS timeouts,
              count(*) FILTER (WHERE c.status = 'healthy')::int AS healthy,
              count(*)::int AS total
         FROM health_checks c JOIN monitors m ON m.id = c.monitor_id
        WHERE m.url LIKE '%/bench/%' AND c.checked_at >= to_timestamp($1 / 1000.0)`,
      [started],
    );
    const { timeouts, healthy, total } = rows[0];
    const expectedHanging = Math.floor(MONITORS / HANG_EVERY);
    const targetS = TIMEOUT_MS / 1000 + 2;
    const ok = sweepS < targetS && timeouts === expectedHanging && healthy === MONITORS - expectedHanging;
    return {
      title: `Sweep: ${MONITORS} http monitors on the simulator, every ${HANG_EVERY}th hanging, timeout ${TIMEOUT_MS} ms, ${Math.ceil(MONITORS / PER_ORGANIZATION)} organizations, all due at once (PostgreSQL, sweep concurrency ${process.env.HEALTH_SWEEP_CONCURRENCY ?? 200})`,
      table: [
        ['measure', 'value'],
        ['sweep wall time, claim → last check recorded (health_sweep_last_duration_seconds)', `${sweepS.toFixed(2)} s`],
        ['bench view: UPDATE next_check_at → last health_checks row visible (includes ≤ 100 ms tick wait)', `${(seenMs / 1000).toFixed(2)} s`],
        ['checks recorded in the sweep: healthy / timeout / total', `${healthy} / ${timeouts} / ${total}`],
      ],
      verdict: `sweep ${sweepS.toFixed(2)} s (target < timeout + 2 s = ${targetS} s), ${timeouts} timeouts of ${expectedHanging} hanging: ${ok ? 'met' : 'NOT met'}`,
    };
  } finally {
    await app.stop();
    await sim.stop();
    await db.drop();
  }
}
