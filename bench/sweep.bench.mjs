// Sweep: MONITORS http monitors on the simulator's /bench/:n, every 10th hanging, all made due at once
// (UPDATE of monitor_schedule on PostgreSQL); wall time from the UPDATE to the last check row visible, and
// how late checks started (health_check_lateness_seconds in /metrics).
import { randomUUID } from 'node:crypto';
import { createPgDatabase, setupAdmin, simEnv, startApi, startSim, waitFor } from './lib.mjs';

const MONITORS = Number(process.env.BENCH_SWEEP_MONITORS ?? 1000);
const TIMEOUT_MS = 2000;
const HANG_EVERY = 10;
const PER_ORGANIZATION = 200;

/** Observations of a histogram at or under `le`, from the Prometheus text format. */
const bucket = (text, name, le) => {
  le = le.replace(/[+.]/g, '\\$&');
  const m = text.match(new RegExp(`^${name}_bucket\\{le="${le}"\\} ([0-9.eE+-]+)$`, 'm'));
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
    // Each monitor's schedule row, due now (what the API's create does).
    await db.query(
      `INSERT INTO monitor_schedule (monitor_id, organization_id)
       SELECT id, organization_id FROM monitors WHERE url LIKE '%/bench/%' ON CONFLICT DO NOTHING`,
    );
    const checks = async () =>
      Number((await db.query(`SELECT count(*)::int AS n FROM health_checks c JOIN monitors m ON m.id = c.monitor_id WHERE m.url LIKE '%/bench/%'`)).rows[0].n);
    // Created monitors are due at once: let their first (non-hanging) checks finish before the measured sweep.
    await waitFor('the first check of every monitor', async () => (await checks()) >= MONITORS, { timeoutMs: 180_000, everyMs: 250 });

    await sim.admin('PATCH', '/_admin/bench', { hang_every: HANG_EVERY, latency_ms: 0 });
    const metrics = async () => (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    const before = await metrics();
    const lateBefore = { count: bucket(before, 'health_check_lateness_seconds', '+Inf'), onTime: bucket(before, 'health_check_lateness_seconds', '1') };
    if (lateBefore.count === null) throw new Error('/metrics has no health_check_lateness_seconds');

    const started = Date.now();
    await db.query(`UPDATE monitor_schedule s SET due_at = now() FROM monitors m WHERE m.id = s.monitor_id AND m.url LIKE '%/bench/%'`);
    await waitFor('the measured sweep to record every check', async () => (await checks()) >= 2 * MONITORS, { timeoutMs: 60_000, everyMs: 25 });
    const sweepS = (Date.now() - started) / 1000;
    const after = await metrics();
    const started1s = bucket(after, 'health_check_lateness_seconds', '1') - lateBefore.onTime;
    const startedAll = bucket(after, 'health_check_lateness_seconds', '+Inf') - lateBefore.count;
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
        ['sweep wall time: UPDATE monitor_schedule → last health_checks row visible (includes ≤ 1 tick wait)', `${sweepS.toFixed(2)} s`],
        ['checks started within 1 s of their slot (all due at once: bounded by HEALTH_SWEEP_CONCURRENCY)', `${started1s} of ${startedAll}`],
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
