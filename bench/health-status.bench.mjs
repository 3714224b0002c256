// GET /api/health-status (JWT, served from the sweep's in-memory cache) vs the bare /api/livez and a trivial JWT route of the same app,
// 50 connections, 3 alternating rounds. Monitors on the simulator make the snapshot non-trivial.
import { api, load, median, setupAdmin, simEnv, startApi, startSim, summarize, waitFor } from './lib.mjs';

const PLATFORMS = ['twitter', 'linkedin', 'instagram', 'facebook'];

export async function benchHealthStatus({ duration }) {
  const sim = await startSim();
  const app = await startApi(simEnv(sim));
  try {
    const token = await setupAdmin(app.url);
    // Beside the 4 default status-page monitors: an http and a platform-api monitor per platform. A long
    // interval: each is checked once (due at creation), so no sweep runs during the measured rounds.
    const apiPath = { twitter: 'x/2/users/me', linkedin: 'linkedin/v2/userinfo', instagram: 'instagram/v21.0/me', facebook: 'facebook/v21.0/me' };
    for (const platform of PLATFORMS) {
      await api(app.url, token, 'POST', '/api/monitors', { name: `${platform} health`, platform, kind: 'http', url: `${sim.url}/${platform}/health`, interval_seconds: 3600 });
      await api(app.url, token, 'POST', '/api/monitors', {
        name: `${platform} API`,
        platform,
        kind: 'platform-api',
        url: `${sim.url}/${apiPath[platform]}`,
        access_token: 'bench-token',
        interval_seconds: 3600,
      });
    }
    const monitors = await waitFor(
      'every monitor checked once',
      async () => {
        const list = await api(app.url, token, 'GET', '/api/monitors');
        return list.length >= 12 && list.every((m) => m.last_check) ? list : null;
      },
      { timeoutMs: 60_000, everyMs: 250 },
    );
    const snapshot = await api(app.url, token, 'GET', '/api/health-status');
    if (snapshot.platforms.length < PLATFORMS.length || snapshot.platforms.some((p) => p.last_check === null)) {
      throw new Error(`health-status snapshot incomplete: ${JSON.stringify(snapshot)}`);
    }
    const bytes = JSON.stringify(snapshot).length;

    const bareRun = (d) => load({ url: `${app.url}/api/livez`, duration: d });
    const sessionRun = (d) => load({ url: `${app.url}/api/auth/session`, duration: d, headers: { authorization: `Bearer ${token}` } });
    const statusRun = (d) => load({ url: `${app.url}/api/health-status`, duration: d, headers: { authorization: `Bearer ${token}` } });
    await bareRun(2); // warm-up (JIT) of both paths
    await sessionRun(2);
    await statusRun(2);
    const rounds = { bare: [], session: [], status: [] };
    for (let i = 0; i < 3; i++) {
      rounds.bare.push(summarize(await bareRun(duration / 2)));
      rounds.session.push(summarize(await sessionRun(duration / 2)));
      rounds.status.push(summarize(await statusRun(duration / 2)));
    }
    const bare = median(rounds.bare);
    const session = median(rounds.session);
    const status = median(rounds.status);
    if ([bare, session, status].some((r) => r.non2xx || r.errors)) {
      throw new Error(`non-2xx or errors during the run: ${JSON.stringify({ bare, session, status })}`);
    }
    const ratio = status.rps / bare.rps;
    const worstP99 = Math.max(...rounds.status.map((r) => r.p99));
    return {
      title: `Health: GET /api/health-status vs bare route (50 connections, median of 3 alternating ${duration / 2} s rounds, ${monitors.length} monitors on the simulator, ${snapshot.platforms.length} platform rows, ${bytes} B body, embedded PGlite)`,
      table: [
        ['route', 'req/s', 'p50 ms', 'p99 ms'],
        ['GET /api/livez (public, bare)', bare.rps, bare.p50, bare.p99],
        ['GET /api/auth/session (JWT, trivial)', session.rps, session.p50, session.p99],
        ['GET /api/health-status (JWT, cached snapshot)', status.rps, status.p50, status.p99],
      ],
      verdict:
        `health-status p99 ${status.p99} ms in the median round (worst round ${worstP99} ms; target < 10): ${status.p99 < 10 ? 'met' : 'NOT met'}. ` +
        `Throughput ratio to the bare route ${ratio.toFixed(2)}, to the trivial JWT route ${(status.rps / session.rps).toFixed(2)}.`,
    };
  } finally {
    await app.stop();
    await sim.stop();
  }
}
