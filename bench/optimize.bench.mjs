// POST /api/optimize-content against a fake OpenAI answering after a fixed 200 ms: the API's added latency
// on a model call (distinct contents, no cache hits), then the cache-hit latency (one content repeated).
import autocannon from 'autocannon';
import { createServer } from 'node:http';
import { startApi } from './lib.mjs';

const MODEL_DELAY_MS = 200;
const CONNECTIONS = 20;
// No figures, links or mentions in the posts, so this fixed answer passes the tool's check (no retries).
const ANSWER = { optimized_content: 'Big news: our product update is live today. What do you think? #launch', changes: ['Added a hook'] };

/** A minimal chat-completions responder (the TS fake in libs/test-servers cannot be imported here). */
async function startFixedDelayOpenAi() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        const body = JSON.stringify({
          id: 'chatcmpl-bench',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(ANSWER), refusal: null }, finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
        });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      }, MODEL_DELAY_MS),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/v1`, close: () => new Promise((r) => server.close(r)) };
}

/** Distinct words per request (letters only: a figure would have to appear in the answer). */
const word = (n) => {
  let s = '';
  do {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
};

function run({ url, token, duration, content }) {
  let n = Math.floor(Math.random() * 1e6);
  const post = (text) => JSON.stringify({ content: text, platform: 'twitter' });
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url: `${url}/api/optimize-content`,
        connections: CONNECTIONS,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [{ setupRequest: (req) => ({ ...req, body: post(content ?? `Our team shipped the ${word(n++)} release today. Try it out and tell us how it goes.`) }) }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
}

const summary = (r) => ({ rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts });

export async function benchOptimize({ duration }) {
  const fake = await startFixedDelayOpenAi();
  const api = await startApi({ RATE_LIMIT_PER_MINUTE: '100000000', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: fake.url });
  try {
    const setup = await fetch(`${api.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization_name: 'Bench', name: 'Bench Admin', email: 'bench@example.com', password: 'bench password 1' }),
    });
    const { access_token: token } = await setup.json();
    if (!token) throw new Error(`setup failed: ${setup.status}`);

    // Sanity: the model path answers (not a fallback), or the figures would measure the builtin engine.
    const probe = await (await fetch(`${api.url}/api/optimize-content`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ content: 'Our team shipped a release today.', platform: 'twitter' }),
    })).json();
    if (probe.result?.engine !== 'openai' || probe.result.fallback) throw new Error(`model path not taken: ${JSON.stringify(probe)}`);

    await run({ url: api.url, token, duration: 2 }); // warm-up (JIT)
    // Same connections on a trivial authenticated route: what this machine gives any request right now.
    const base = summary(
      await new Promise((resolve, reject) =>
        autocannon({ url: `${api.url}/api/auth/session`, connections: CONNECTIONS, duration, headers: { authorization: `Bearer ${token}` } }, (e, r) =>
          e ? reject(e) : resolve(r),
        ),
      ),
    );
    const miss = summary(await run({ url: api.url, token, duration }));
    const cachedContent = 'Our team shipped the cached release today. Try it out and tell us how it goes.';
    await run({ url: api.url, token, duration: 1, content: cachedContent }); // primes the cache: only hits are measured
    const hit = summary(await run({ url: api.url, token, duration, content: cachedContent }));
    if (miss.bad || hit.bad || base.bad) throw new Error(`non-2xx or errors during the run: ${JSON.stringify({ miss, hit })}`);

    const added = miss.p50 - MODEL_DELAY_MS;
    const ok = added < 15 && hit.p99 < 10;
    return {
      title: `AI: POST /api/optimize-content, fake model at ${MODEL_DELAY_MS} ms (${CONNECTIONS} connections, ${duration} s each, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`,
      table: [
        ['case', 'req/s', 'p50 ms', 'p99 ms'],
        ['baseline: GET /api/auth/session', base.rps, base.p50, base.p99],
        ['model call (distinct contents)', miss.rps, miss.p50, miss.p99],
        ['cache hit (same content)', hit.rps, hit.p50, hit.p99],
      ],
      verdict: `added latency p50 ${added} ms (target < 15), cache hit p99 ${hit.p99} ms (target < 10): ${ok ? 'met' : 'NOT met'}`,
    };
  } finally {
    await api.stop();
    await fake.close();
  }
}
