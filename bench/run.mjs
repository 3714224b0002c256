// npm run bench: builds the API, runs each benchmark, appends the figures to docs/benchmarks.md.
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { benchHttpAuth } from './http-auth.bench.mjs';
import { benchOptimize } from './optimize.bench.mjs';
import { machine } from './lib.mjs';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const out = 'docs/benchmarks.md';

execSync('npx nx run-many -t build -p api web --output-style=static', { stdio: 'inherit' });

const results = [await benchHttpAuth({ duration }), await benchOptimize({ duration })];

if (!existsSync(out)) {
  writeFileSync(out, '# Benchmarks\n\nAppended by `npm run bench` (autocannon against the built API on embedded defaults).\n');
}
const lines = [`\n## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${machine()}\n`];
for (const r of results) {
  lines.push(`\n### ${r.title}\n\n`);
  const [head, ...rows] = r.table;
  lines.push(`| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|\n`);
  for (const row of rows) lines.push(`| ${row.join(' | ')} |\n`);
  lines.push(`\n${r.verdict}\n`);
}
appendFileSync(out, lines.join(''));
process.stdout.write(lines.join(''));
