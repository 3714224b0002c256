// Builds the portal and API, then runs the browser tests (node:test + playwright-core + Debian Chromium).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

mkdirSync('tmp/test-results', { recursive: true });
execSync('npx nx run-many -t build -p api web --output-style=static', { stdio: 'inherit' });
const files = readdirSync('e2e').filter((f) => f.endsWith('.e2e.mjs')).map((f) => `e2e/${f}`);
const tap = 'tmp/test-results/e2e.tap';
const r = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
  { stdio: 'inherit' },
);
const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)`, 'm'))?.[1] ?? 0);
writeFileSync('tmp/test-results/e2e.json', JSON.stringify({ passed: count('pass'), failed: count('fail') }));
process.exit(r.status ?? 1);
