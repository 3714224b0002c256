// `npm run test:faults`: builds the API, then runs the fault tests (faults/*.fault.mjs, node:test). Each test
// starts its own Redis, PostgreSQL cluster, simulator and API processes and stops them, so the machine's
// services are never disturbed. `node tools/faults.mjs sigterm` runs the files whose name contains "sigterm".
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { runNodeTests } from './node-tests.mjs';

if (!process.env.FAULTS_SKIP_BUILD) execSync('npx nx run-many -t build -p api --output-style=static', { stdio: 'inherit' });
const picked = process.argv.slice(2);
const files = readdirSync('faults')
  .filter((f) => f.endsWith('.fault.mjs') && (picked.length === 0 || picked.some((p) => f.includes(p))))
  .map((f) => `faults/${f}`);
process.exit(runNodeTests('faults', files, { timeoutMs: 180_000 }));
