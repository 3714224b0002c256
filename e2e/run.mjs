// Builds the portal and API, then runs the browser tests (node:test + playwright-core + Debian Chromium).
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { runNodeTests } from '../tools/node-tests.mjs';

execSync('npx nx run-many -t build -p api web --output-style=static', { stdio: 'inherit' });
const files = readdirSync('e2e').filter((f) => f.endsWith('.e2e.mjs')).map((f) => `e2e/${f}`);
process.exit(runNodeTests('e2e', files));
