// The production topology on one machine without Docker: two API processes (API_ROLE=api), one worker
// (API_ROLE=worker) and the reverse proxy in front of the two APIs, all on one PostgreSQL and one Redis.
// `npm run cluster` (tools/cluster.mjs) and faults/cluster.fault.mjs both start it through startCluster, so
// what the test checks is what the script runs. docker-compose.yml is the same shape with containers.
import { randomBytes } from 'node:crypto';
import { startApiProcess } from './local-processes.mjs';
import { createReverseProxy } from './reverse-proxy.mjs';

/** One random value per cluster run for a secret every process must share, unless the environment sets it. */
const sharedSecret = (value) => value || randomBytes(32).toString('hex');

/**
 * Starts the worker and both APIs at once (start-up migrations are serialized by the database, so they may
 * race), then the proxy on `port` (0: a free one). `env` is passed to every API process on top of
 * process.env; DATABASE_URL and REDIS_URL are required. `passOutput` sends the processes' logs to this
 * process's stdout/stderr. Returns { url, apis: [{ name, url, child, logs }], worker, proxy, stop() }.
 */
export async function startCluster({ databaseUrl, redisUrl, env = {}, port = 0, host = '127.0.0.1', passOutput = false, log = () => undefined }) {
  if (!databaseUrl || !redisUrl) throw new Error('startCluster: databaseUrl and redisUrl are required');
  const shared = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: sharedSecret(env.JWT_SECRET ?? process.env.JWT_SECRET),
    SECRETS_KEY: sharedSecret(env.SECRETS_KEY ?? process.env.SECRETS_KEY),
    // The APIs sit behind our proxy: client addresses come from X-Forwarded-For.
    TRUST_PROXY: 'true',
    ...env,
  };
  delete shared.PORT; // each process gets its own free port; PORT is the proxy's
  const names = ['worker', 'api-1', 'api-2'];
  const roles = { worker: 'worker', 'api-1': 'api', 'api-2': 'api' };
  const settled = await Promise.allSettled(names.map((name) => startApiProcess({ ...shared, API_ROLE: roles[name] }, { passOutput })));
  const started = settled.flatMap((s, i) => (s.status === 'fulfilled' ? [{ name: names[i], role: roles[names[i]], ...s.value }] : []));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((p) => p.stop()));
    throw failed.reason;
  }
  for (const p of started) log({ level: 'info', msg: 'Process started', process: p.name, role: p.role, child_pid: p.child.pid, url: p.url });
  const [worker, ...apis] = started;
  const proxy = createReverseProxy({ upstreams: apis.map((a) => a.url), log });
  let url;
  try {
    url = await proxy.listen(port, host);
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    throw error;
  }
  log({ level: 'info', msg: 'Reverse proxy listening', url, upstreams: apis.map((a) => a.url) });
  let stopping;
  return {
    url,
    apis,
    worker,
    proxy,
    processes: started,
    /** Proxy first (no new traffic), then every process with SIGTERM at once. Safe to call twice. */
    stop() {
      stopping ??= (async () => {
        await proxy.close();
        await Promise.all(started.map((p) => p.stop()));
      })();
      return stopping;
    },
  };
}
