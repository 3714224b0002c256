// Fails when the committed openapi.json, libs/api-client or tools/openapi-usage/openapi.d.ts differ from what the
// code generates now.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const USAGE_TYPES = 'tools/openapi-usage/openapi.d.ts';
const tmp = mkdtempSync(join(tmpdir(), 'pp-gen-'));
const run = (cmd) => execSync(cmd, { stdio: ['ignore', 'pipe', 'inherit'] });

run('npx nx build api --output-style=static');
run(`node dist/apps/api/generate-openapi.js ${join(tmp, 'openapi.json')}`);
const cfg = JSON.parse(readFileSync('libs/api-client/ng-openapi-gen.json', 'utf8'));
delete cfg.$schema;
writeFileSync(join(tmp, 'gen.json'), JSON.stringify({ ...cfg, input: join(tmp, 'openapi.json'), output: join(tmp, 'client') }));
run(`npx ng-openapi-gen -c ${join(tmp, 'gen.json')}`);
run(`npx openapi-typescript ${join(tmp, 'openapi.json')} -o ${join(tmp, 'openapi.d.ts')}`);

const files = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const problems = [];
if (readFileSync('openapi.json', 'utf8') !== readFileSync(join(tmp, 'openapi.json'), 'utf8')) {
  problems.push('openapi.json');
}
if (readFileSync(USAGE_TYPES, 'utf8') !== readFileSync(join(tmp, 'openapi.d.ts'), 'utf8')) problems.push(USAGE_TYPES);
const committedDir = 'libs/api-client/src/lib/generated';
const committed = new Set(files(committedDir).map((f) => relative(committedDir, f)));
const fresh = new Set(files(join(tmp, 'client')).map((f) => relative(join(tmp, 'client'), f)));
for (const f of new Set([...committed, ...fresh])) {
  const a = committed.has(f) ? readFileSync(join(committedDir, f), 'utf8') : null;
  const b = fresh.has(f) ? readFileSync(join(tmp, 'client', f), 'utf8') : null;
  if (a !== b) problems.push(join(committedDir, f));
}
rmSync(tmp, { recursive: true, force: true });
if (problems.length) {
  console.error(`Generated files are not up to date (run \`npm run openapi\` and commit):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`openapi.json, libs/api-client and ${USAGE_TYPES} match the code`);
