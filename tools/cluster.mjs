// `npm run cluster`: the docker-compose topology without Docker (tools/cluster-topology.mjs): two API
// processes and a worker on DATABASE_URL and REDIS_URL, behind the reverse proxy on PORT (default 3000).
// Builds the API and the portal first unless CLUSTER_SKIP_BUILD=1. Every line it prints is JSON, its own
// (service "cluster") and the processes'. SIGTERM/SIGINT stop everything.
import { execSync } from 'node:child_process';
import { startCluster } from './cluster-topology.mjs';

const USAGE = `Usage: DATABASE_URL=… REDIS_URL=… npm run cluster
  DATABASE_URL  PostgreSQL every process shares, e.g. postgres://postgres@127.0.0.1:5432/test
  REDIS_URL     Redis for the job queue and Socket.IO broadcasts, e.g. redis://127.0.0.1:6379
  PORT          the reverse proxy's port (default 3000); the processes get free ports of their own
  JWT_SECRET, SECRETS_KEY   shared by every process; unset, one random value each for this run
  CLUSTER_SKIP_BUILD=1      use the existing dist/ build
Every other variable (LOG_LEVEL, OPENAI_API_KEY, …) is passed to the API processes.`;

const line = (level, fields) =>
  process.stdout.write(`${JSON.stringify({ level: { info: 30, warn: 40, error: 50 }[level] ?? 30, time: Date.now(), service: 'cluster', pid: process.pid, ...fields })}\n`);
const log = ({ level = 'info', ...fields }) => line(level, fields);

const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  process.stderr.write(`${missing.join(' and ')} must be set.\n\n${USAGE}\n`);
  process.exit(78); // EX_CONFIG, as the API itself
}
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`PORT must be a port number, got "${process.env.PORT}".\n\n${USAGE}\n`);
  process.exit(78);
}

if (process.env.CLUSTER_SKIP_BUILD !== '1') {
  log({ msg: 'Building the API and the portal (CLUSTER_SKIP_BUILD=1 skips this)' });
  // The build's own output is not JSON: it goes to stderr so stdout stays JSON lines.
  execSync('npx nx run-many -t build -p api web --output-style=static', { stdio: ['ignore', process.stderr, 'inherit'] });
}

let cluster;
try {
  cluster = await startCluster({
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    port,
    host: process.env.HOST ?? '0.0.0.0',
    passOutput: true,
    log,
  });
} catch (error) {
  log({ level: 'error', msg: 'Cluster failed to start', err: String(error?.message ?? error) });
  process.exit(1);
}
log({ msg: `PostProber AI cluster on ${cluster.url.replace('0.0.0.0', 'localhost')}`, apis: cluster.apis.map((a) => a.url), worker: cluster.worker.url });

let exiting = false;
async function shutdown(reason, code) {
  if (exiting) return;
  exiting = true;
  log({ msg: 'Stopping the cluster', reason });
  await cluster.stop();
  log({ msg: 'Cluster stopped' });
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
process.on('SIGINT', () => void shutdown('SIGINT', 0));
// One process gone means the topology is not what it claims: stop the rest rather than limp on.
for (const p of cluster.processes) {
  p.child.once('exit', (code, signal) => {
    if (exiting) return;
    log({ level: 'error', msg: 'A cluster process exited', process: p.name, code, signal });
    void shutdown(`${p.name} exited`, 1);
  });
}
