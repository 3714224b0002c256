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

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
