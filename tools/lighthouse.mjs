// npm run lighthouse [-- URL]: Lighthouse (mobile preset: Moto G Power emulation, simulated slow 4G and 4× CPU
// slowdown) with Debian Chromium on the portal's first page, signed out, and on the dashboard, signed in.
// Builds nothing: without a URL it starts the built API (`npm run build` first) on a fresh embedded install
// and sets up its first admin. With a URL, the dashboard is measured only when LIGHTHOUSE_EMAIL and
// LIGHTHOUSE_PASSWORD sign in there. Appends the scores to docs/benchmarks.md; exits 1 when performance is
// under 95 or accessibility or best practices under 100 on any page.
//   LIGHTHOUSE_RUNS=3   runs per page, the median performance run counts (scores move with CPU contention)
//   LIGHTHOUSE_CLI      path of lighthouse/cli/index.js (needed while lighthouse is not a workspace dependency)
//   CHROMIUM_PATH       default /usr/bin/chromium
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright } from 'playwright-core';
import { machine } from '../bench/lib.mjs';
import { freePort, startApiProcess } from './local-processes.mjs';

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 };
const TOKEN_STORAGE_KEY = 'postprober.auth'; // libs/web/data-access token-storage.ts
const ADMIN = { organization_name: 'Lighthouse Org', name: 'Lia Lighthouse', email: 'lia@lighthouse.example', password: 'lighthouse pass 1' };
const OUT = 'docs/benchmarks.md';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
// lighthouse@12.8.2 (13.x needs Node 22.19) is not a workspace dependency yet: point LIGHTHOUSE_CLI at an install
// outside the workspace (`npm i --prefix /tmp/lh lighthouse@12.8.2` → /tmp/lh/node_modules/lighthouse/cli/index.js).
function lighthouseCli() {
  if (process.env.LIGHTHOUSE_CLI) return process.env.LIGHTHOUSE_CLI;
  try {
    return createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
  } catch {
    console.error('lighthouse: not installed; set LIGHTHOUSE_CLI (see the top of tools/lighthouse.mjs)');
    process.exit(2);
  }
}
const cli = lighthouseCli();

async function json(res, what) {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`Could not ${what}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** An access token: the first admin on our own fresh install, or the given account on another one. */
async function signIn(base, account) {
  const post = (path, body) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return account
    ? json(await post('/api/auth/login', account), `sign in as ${account.email}`)
    : json(await post('/api/auth/setup', ADMIN), 'set up the first admin');
}

/** Headless Chromium with a DevTools port: Lighthouse drives it, and Playwright puts the session in its storage. */
async function startChromium() {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'pp-lighthouse-'));
  const child = spawn(chromiumPath, [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let version;
  while (!(version = await fetch(`${endpoint}/json/version`).then((r) => r.json(), () => null))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`Chromium (${chromiumPath}) did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    endpoint,
    version: version.Browser,
    async stop() {
      const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
      child.kill('SIGKILL');
      await exited;
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** One Lighthouse run against the running Chromium; gives its report (lhr). */
function lighthouse(url, port, { keepStorage }) {
  const report = join(mkdtempSync(join(tmpdir(), 'pp-lhr-')), 'report.json');
  const args = [cli, url, `--port=${port}`, '--output=json', `--output-path=${report}`, '--quiet',
    '--only-categories=performance,accessibility,best-practices', ...(keepStorage ? ['--disable-storage-reset'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || !existsSync(report)) return reject(new Error(`lighthouse exited with ${code} on ${url}`));
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      rmSync(join(report, '..'), { recursive: true, force: true });
      if (lhr.runtimeError) return reject(new Error(`lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`));
      resolve(lhr);
    });
  });
}

const score = (lhr, category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const metric = (lhr, audit) => lhr.audits[audit]?.displayValue ?? '-';

/** Runs a page `runs` times; the run with the median performance score stands for it. */
async function measure(page, url, port, keepStorage) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await lighthouse(url, port, { keepStorage }));
  all.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const lhr = all[Math.floor(all.length / 2)];
  const failing = Object.keys(TARGETS).flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id].title})`),
  );
  // What Lighthouse says would help most (text compression, render-blocking resources, unused JS...).
  const opportunities = Object.values(lhr.audits)
    .filter((a) => a.details?.type === 'opportunity' && (a.score ?? 1) < 1 && (a.details.overallSavingsMs ?? 0) > 0)
    .map((a) => `opportunity: ${a.id} (~${Math.round(a.details.overallSavingsMs)} ms)`);
  return {
    page,
    url: lhr.finalDisplayedUrl ?? url,
    scores: Object.fromEntries(Object.keys(TARGETS).map((c) => [c, score(lhr, c)])),
    perfRuns: all.map((r) => score(r, 'performance')),
    fcp: metric(lhr, 'first-contentful-paint'),
    lcp: metric(lhr, 'largest-contentful-paint'),
    tbt: metric(lhr, 'total-blocking-time'),
    cls: metric(lhr, 'cumulative-layout-shift'),
    failing: [...failing, ...opportunities],
  };
}

const urlArg = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!urlArg && !(existsSync('dist/apps/api/main.js') && existsSync('dist/apps/web/browser/index.html'))) {
  console.error('lighthouse: build first (npm run build), or pass the URL of a running portal');
  process.exit(2);
}
const account = process.env.LIGHTHOUSE_EMAIL ? { email: process.env.LIGHTHOUSE_EMAIL, password: process.env.LIGHTHOUSE_PASSWORD ?? '' } : null;
const api = urlArg ? null : await startApiProcess();
const base = (urlArg ?? api.url).replace(/\/$/, '');
const browser = await startChromium();
const results = [];
try {
  const session = urlArg && !account ? null : await signIn(base, account);
  // Signed out first (Lighthouse resets the origin's storage before it), then with the session in storage.
  results.push(await measure('first page, signed out', `${base}/`, browser.port, false));
  if (session) {
    const cdp = await playwright.connectOverCDP(browser.endpoint);
    const tab = await cdp.contexts()[0].newPage();
    await tab.goto(`${base}/favicon.ico`);
    const stored = { token: session.access_token, expiresAt: Date.now() + session.expires_in * 1000 };
    await tab.evaluate(([key, value]) => localStorage.setItem(key, value), [TOKEN_STORAGE_KEY, JSON.stringify(stored)]);
    await tab.close();
    results.push(await measure('dashboard, signed in', `${base}/`, browser.port, true));
  } else {
    console.log('lighthouse: no LIGHTHOUSE_EMAIL for that URL, dashboard skipped');
  }
} finally {
  await browser.stop();
  await api?.stop();
}

const misses = results.flatMap((r) => Object.entries(TARGETS).filter(([c, min]) => r.scores[c] < min).map(([c, min]) => `${r.page}: ${c} ${r.scores[c]} < ${min}`));
const lines = [
  `\n## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Lighthouse — ${machine()}\n`,
  `\nLighthouse mobile preset (simulated throttling), ${browser.version}, ${runs} run(s) per page (median performance), ${urlArg ? base : 'built API on embedded defaults'}.\n\n`,
  '| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n',
  ...results.map((r) => `| ${r.page} (${new URL(r.url).pathname}) | ${r.scores.performance}${runs > 1 ? ` (runs ${r.perfRuns.join(', ')})` : ''} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} |\n`),
  `\n${misses.length ? `Below target (performance ≥ 95, others 100): ${misses.join('; ')}` : 'Targets met (performance ≥ 95, accessibility and best practices 100).'}\n`,
];
if (!existsSync(OUT)) writeFileSync(OUT, '# Benchmarks\n');
appendFileSync(OUT, lines.join(''));
process.stdout.write(lines.join(''));
for (const r of results) for (const f of r.failing) console.log(`  ${r.page}: ${f}`);
process.exit(misses.length ? 1 : 0);
