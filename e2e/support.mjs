// Starts the built API (serving the built portal) on embedded defaults and a Chromium page.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startApiProcess, startSimProcess } from '../tools/local-processes.mjs';

export const ARTIFACTS = 'tmp/test-results/e2e';
mkdirSync(ARTIFACTS, { recursive: true });

/** The built API serving the built portal, on embedded defaults (its logs kept in `logs`). */
export const startProduct = (env = {}) => startApiProcess(env);

/** The platform simulator; `set` PATCHes one platform's controls. */
export async function startSim() {
  const sim = await startSimProcess();
  return {
    ...sim,
    set: (platform, patch) => sim.admin('PATCH', `/_admin/platforms/${platform}`, patch),
    reset: () => sim.admin('POST', '/_admin/reset'),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
