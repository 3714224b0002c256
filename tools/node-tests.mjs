// Runs node:test files one at a time (browser tests, fault tests), the spec output on stdout and the counts in
// tmp/test-results/<name>.json, which `npm test` adds to its totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Returns the runner's exit status. `timeoutMs` fails a test that runs longer instead of hanging the suite. */
export function runNodeTests(name, files, { timeoutMs } = {}) {
  mkdirSync('tmp/test-results', { recursive: true });
  const tap = `tmp/test-results/${name}.tap`;
  const r = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', ...(timeoutMs ? [`--test-timeout=${timeoutMs}`] : []),
      '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { stdio: 'inherit' },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)`, 'm'))?.[1] ?? 0);
  writeFileSync(`tmp/test-results/${name}.json`, JSON.stringify({ passed: count('pass'), failed: count('fail') }));
  return r.status ?? 1;
}
