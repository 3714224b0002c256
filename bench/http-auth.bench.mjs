// Authenticated JSON route vs a bare route of the same app, same run, 50 connections, 3 alternating rounds.
import { load, median, startApi, summarize } from './lib.mjs';

export async function benchHttpAuth({ duration }) {
  const api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000000' });
  try {
    const setup = await fetch(`${api.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization_name: 'Bench', name: 'Bench Admin', email: 'bench@example.com', password: 'bench password 1' }),
    });
    const { access_token } = await setup.json();
    if (!access_token) throw new Error(`setup failed: ${setup.status}`);
    const bareRun = (d) => load({ url: `${api.url}/api/livez`, duration: d });
    const authRun = (d) =>
      load({ url: `${api.url}/api/auth/session`, duration: d, headers: { authorization: `Bearer ${access_token}` } });
    await bareRun(2); // warm-up (JIT) of both paths
    await authRun(2);
    // Alternating rounds, median of each: this VM's throughput drifts between runs.
    const rounds = { bare: [], auth: [] };
    for (let i = 0; i < 3; i++) {
      rounds.bare.push(summarize(await bareRun(duration / 2)));
      rounds.auth.push(summarize(await authRun(duration / 2)));
    }
    const bare = median(rounds.bare);
    const auth = median(rounds.auth);
    if (bare.non2xx || auth.non2xx || bare.errors || auth.errors) {
      throw new Error(`non-2xx or errors during the run: ${JSON.stringify({ bare, auth })}`);
    }
    const ratio = auth.rps / bare.rps;
    return {
      title: `HTTP: authenticated JSON route vs bare route (50 connections, median of 3 alternating ${duration / 2} s rounds)`,
      table: [
        ['route', 'req/s', 'p50 ms', 'p99 ms'],
        ['GET /api/livez (public, bare)', bare.rps, bare.p50, bare.p99],
        ['GET /api/auth/session (JWT)', auth.rps, auth.p50, auth.p99],
      ],
      verdict: `ratio ${ratio.toFixed(2)} (target ≥ 0.80): ${ratio >= 0.8 ? 'met' : 'NOT met'}`,
    };
  } finally {
    await api.stop();
  }
}
