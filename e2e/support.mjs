// Starts the built API (serving the built portal) on embedded defaults and a Chromium page.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const ARTIFACTS = 'tmp/test-results/e2e';
mkdirSync(ARTIFACTS, { recursive: true });

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function startProduct(env = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pp-e2e-'));
  const logs = [];
  const child = spawn(process.execPath, ['dist/apps/api/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => logs.push(String(d)));
  child.stderr.on('data', (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${url}/api/livez`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`API exited (${child.exitCode}):\n${logs.join('')}`);
    if (Date.now() > deadline) throw new Error(`API not up after 120 s:\n${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    logs,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the platform simulator (apps/platform-sim, run through ts-node) on a free port; `set` PATCHes one platform's controls. */
export async function startSim() {
  const port = await freePort();
  const logs = [];
  const child = spawn(
    process.execPath,
    ['--require', 'ts-node/register/transpile-only', '--require', 'tsconfig-paths/register', 'apps/platform-sim/src/main.ts'],
    {
      env: { ...process.env, TS_NODE_PROJECT: 'apps/platform-sim/tsconfig.app.json', PLATFORM_SIM_PORT: String(port), PLATFORM_SIM_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (d) => logs.push(String(d)));
  child.stderr.on('data', (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/_admin/state`).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null) throw new Error(`platform-sim exited (${child.exitCode}):\n${logs.join('')}`);
    if (Date.now() > deadline) throw new Error(`platform-sim not up after 60 s:\n${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const admin = async (method, path, body) => {
    const res = await fetch(`${url}/_admin${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`platform-sim ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    url,
    logs,
    /** Status page of one platform (what STATUS_PAGE_URL_* point at). */
    statusPage: (platform) => `${url}/${platform}/status/api/v2/summary.json`,
    set: (platform, patch) => admin('PATCH', `/platforms/${platform}`, patch),
    reset: () => admin('POST', '/reset'),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
