// The built API and the platform simulator as child processes on free local ports: shared by the browser
// tests (e2e/), the benchmarks (bench/) and anything else that needs the real servers running.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** node argv and env that run the simulator from source (ts-node: no build step). */
export const SIM_ARGV = ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register', 'apps/platform-sim/src/main.ts'];
export const simProcessEnv = (port, host = '127.0.0.1') => ({
  TS_NODE_PROJECT: 'apps/platform-sim/tsconfig.app.json',
  PLATFORM_SIM_PORT: String(port),
  PLATFORM_SIM_HOST: host,
});

/** Spawns node with argv, keeps its output in `logs` (or passes it through), and resolves once readyUrl answers 2xx. */
async function startNode(what, argv, env, readyUrl, { timeoutMs, passOutput }) {
  const logs = [];
  const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', passOutput ? 'inherit' : 'pipe', passOutput ? 'inherit' : 'pipe'] });
  child.stdout?.on('data', (d) => logs.push(String(d)));
  child.stderr?.on('data', (d) => logs.push(String(d)));
  const deadline = Date.now() + timeoutMs;
  while (!(await fetch(readyUrl).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${logs.join('')}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`${what} not up after ${timeoutMs / 1000} s:\n${logs.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
    child.kill('SIGTERM');
    // A process that does not stop on SIGTERM is killed, so a failing test never leaves it behind.
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(force);
  };
  return { logs, stop, child };
}

/**
 * dist/apps/api/main.js on embedded defaults with a fresh DATA_DIR (removed on stop) unless env says
 * otherwise. `passOutput` sends its logs to this process's output instead of collecting them.
 */
export async function startApiProcess(env = {}, { passOutput = false } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pp-api-'));
  const url = `http://127.0.0.1:${port}`;
  const proc = await startNode(
    'API',
    ['dist/apps/api/main.js'],
    { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    `${url}/api/livez`,
    { timeoutMs: 120_000, passOutput },
  ).catch((error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url,
    logs: proc.logs,
    /** The node process itself (fault tests signal it and time its exit). */
    child: proc.child,
    async stop() {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The platform simulator in its own process, so its hanging requests never share the caller's event loop.
 * `admin(method, path, body)` calls its HTTP admin API (path from the root, e.g. '/_admin/reset').
 */
export async function startSimProcess() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await startNode('platform-sim', SIM_ARGV, simProcessEnv(port), `${url}/_admin/state`, { timeoutMs: 60_000, passOutput: false });
  return {
    url,
    logs: proc.logs,
    /** Status page of one platform (what STATUS_PAGE_URL_* point at). */
    statusPage: (platform) => `${url}/${platform}/status/api/v2/summary.json`,
    async admin(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`platform-sim ${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    stop: proc.stop,
  };
}
