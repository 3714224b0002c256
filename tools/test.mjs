// `npm test`: lint, unit, generated-code drift, OpenAPI lint and typed usage, integration (Postgres, Redis, PGlite,
// fake servers), browser e2e, fault tests (own Redis/PostgreSQL, signals).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

mkdirSync('tmp/test-results', { recursive: true });
const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function step(name, cmd, results) {
  console.log(`\n=== ${name}: ${cmd}`);
  const started = Date.now();
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit' });
  if (results) results();
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (r.status !== 0) failedSteps.push(name);
}

const jestCounts = (file) => () => {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
};

/** Counts written by tools/node-tests.mjs (browser and fault tests). */
const nodeTestCounts = (file) => () => {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += j.passed;
  totals.failed += j.failed;
};

step('lint', 'npx nx run-many -t lint --output-style=static');
step('unit', 'npx jest -c jest.config.ts --json --outputFile=tmp/test-results/unit.json', jestCounts('tmp/test-results/unit.json'));
step('generated', 'node tools/check-generated.mjs');
step('openapi lint', 'node tools/lint-openapi.mjs');
step('openapi usage', 'npx tsc -p tools/openapi-usage/tsconfig.json --strict --noEmit');
step('integration', 'npx jest -c apps/api/jest.int.config.cts --json --outputFile=tmp/test-results/int.json', jestCounts('tmp/test-results/int.json'));
step('e2e', 'node e2e/run.mjs', nodeTestCounts('tmp/test-results/e2e.json'));
step('faults', 'node tools/faults.mjs', nodeTestCounts('tmp/test-results/faults.json'));

console.log(`\nSteps failed: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
