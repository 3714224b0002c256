// Authenticated JSON route vs a bare route of the same app, same run, 50 connections.
import { load, startApi, summarize } from './lib.mjs';

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
    await load({ url: `${api.url}/api/livez`, duration: 3 }); // warm-up (JIT)
    const bare = summarize(await load({ url: `${api.url}/api/livez`, duration }));
    const auth = summarize(
      await load({ url: `${api.url}/api/auth/session`, duration, headers: { authorization: `Bearer ${access_token}` } }),
    );
    if (bare.non2xx || auth.non2xx || bare.errors || auth.errors) {
      throw new Error(`non-2xx or errors during the run: ${JSON.stringify({ bare, auth })}`);
    }
    const ratio = auth.rps / bare.rps;
    return {
      title: 'HTTP: authenticated JSON route vs bare route (50 connections)',
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
