// Fan-out: CLIENTS socket.io clients of one organization on /health-alerts; the simulator takes a platform
// down and brings it back CYCLES times (an http monitor checked every second opens, then resolves, an
// incident). For every client and alert: receipt time minus the alert's `timestamp` (server clock, same
// machine). All clients run in this one process, so the tail includes their own event-loop queueing.
import { io } from 'socket.io-client';
import { api, percentile, setupAdmin, simEnv, startApi, startSim, waitFor } from './lib.mjs';

const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 2000);
const CYCLES = Number(process.env.BENCH_FANOUT_CYCLES ?? 4);
const CONNECT_BATCH = 50;
/** After the first client has an alert, how long the others get before it counts as missed for them. */
const DELIVERY_WINDOW_MS = 10_000;

function connect(url, token) {
  return new Promise((resolve, reject) => {
    // forceNew: one engine connection per client (io() would otherwise multiplex them over one).
    const socket = io(`${url}/health-alerts`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: 60_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(new Error(`socket refused: ${err.message}`)));
  });
}

export async function benchAlertFanout() {
  const sim = await startSim();
  const app = await startApi(simEnv(sim));
  const sockets = [];
  try {
    const token = await setupAdmin(app.url);
    const monitor = await api(app.url, token, 'POST', '/api/monitors', {
      name: 'X health',
      platform: 'twitter',
      kind: 'http',
      url: `${sim.url}/twitter/health`,
      interval_seconds: 1,
      timeout_ms: 900,
    });

    /** alert id → { alert, latencies: ms per client that got it } */
    const received = new Map();
    let disconnects = 0;
    const connectStarted = Date.now();
    for (let i = 0; i < CLIENTS; i += CONNECT_BATCH) {
      const batch = await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - i) }, () => connect(app.url, token)));
      for (const socket of batch) {
        socket.on('health_alert', (alert) => {
          const ms = Date.now() - Date.parse(alert.timestamp);
          if (alert.monitor_id !== monitor.id) return;
          let entry = received.get(alert.id);
          if (!entry) received.set(alert.id, (entry = { alert, latencies: [] }));
          entry.latencies.push(ms);
        });
        socket.on('disconnect', () => disconnects++);
        sockets.push(socket);
      }
    }
    const connectSeconds = (Date.now() - connectStarted) / 1000;

    await waitFor('a first healthy check', async () => (await api(app.url, token, 'GET', `/api/monitors/${monitor.id}`)).last_check?.status === 'healthy', {
      timeoutMs: 30_000,
      everyMs: 200,
    });
    const alertsSeen = () => received.size;
    const settle = (count) =>
      waitFor(`alert ${count}`, () => alertsSeen() >= count, { timeoutMs: 30_000, everyMs: 20 }).then(async () => {
        const entry = [...received.values()].sort((a, b) => Number(BigInt(a.alert.id) - BigInt(b.alert.id)))[count - 1];
        await waitFor('every client to get it', () => entry.latencies.length >= CLIENTS, { timeoutMs: DELIVERY_WINDOW_MS, everyMs: 20 }).catch(() => undefined);
      });
    for (let c = 0; c < CYCLES; c++) {
      await sim.admin('PATCH', '/_admin/platforms/twitter', { down: '503' });
      await settle(2 * c + 1); // opened
      await sim.admin('PATCH', '/_admin/platforms/twitter', { down: false });
      await settle(2 * c + 2); // resolved
    }

    const alerts = [...received.values()].sort((a, b) => Number(BigInt(a.alert.id) - BigInt(b.alert.id)));
    const all = alerts.flatMap((a) => a.latencies);
    const incomplete = alerts.filter((a) => a.latencies.length < CLIENTS);
    const p50 = percentile(all, 50);
    const p99 = percentile(all, 99);
    const max = Math.max(...all);
    const lastClient = alerts.map((a) => Math.max(...a.latencies));
    const ok = p99 < 250 && incomplete.length === 0 && disconnects === 0;
    return {
      title: `Alerts: fan-out of health_alert to ${CLIENTS} socket.io clients of one organization (websocket, all clients in the bench process; ${alerts.length} alerts from ${CYCLES} down/recover cycles of an http monitor checked every 1 s; embedded PGlite)`,
      table: [
        ['alert', 'type', 'clients that got it', 'p50 ms', 'p99 ms', 'last client ms'],
        ...alerts.map((a) => [a.alert.id, a.alert.type, `${a.latencies.length} / ${CLIENTS}`, percentile(a.latencies, 50), percentile(a.latencies, 99), Math.max(...a.latencies)]),
        ['all', '', `${all.length} / ${CLIENTS * alerts.length}`, p50, p99, max],
      ],
      verdict:
        `p99 ${p99} ms over clients × alerts (target < 250), worst "last client received it" ${Math.max(...lastClient)} ms, ` +
        `${incomplete.length} alert(s) missed by some client, ${disconnects} disconnects (${CLIENTS} clients connected in ${connectSeconds.toFixed(1)} s): ${ok ? 'met' : 'NOT met'}` +
        (incomplete.length ? ` — MISSED: ${incomplete.map((a) => `alert ${a.alert.id} reached ${a.latencies.length}`).join(', ')}` : ''),
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await app.stop();
    await sim.stop();
  }
}
