// `npm run test:faults`: builds the API, then runs the fault tests (faults/*.fault.mjs, node:test). Each test
// starts its own Redis, PostgreSQL cluster, simulator and API processes and stops them, so the machine's
// services are never disturbed.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';

mkdirSync('tmp/test-results', { recursive: true });
if (!process.env.FAULTS_SKIP_BUILD) execSync('npx nx run-many -t build -p api --output-style=static', { stdio: 'inherit' });
const picked = process.argv.slice(2);
const files = readdirSync('faults')
  .filter((f) => f.endsWith('.fault.mjs') && (picked.length === 0 || picked.some((p) => f.includes(p))))
  .map((f) => `faults/${f}`);
const tap = 'tmp/test-results/faults.tap';
const r = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-timeout=180000', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
  { stdio: 'inherit' },
);
const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)`, 'm'))?.[1] ?? 0);
writeFileSync('tmp/test-results/faults.json', JSON.stringify({ passed: count('pass'), failed: count('fail') }));
process.exit(r.status ?? 1);
