// npm run bench: builds the API, runs each benchmark, appends the figures to docs/benchmarks.md.
// One or a few cases alone: `node bench/run.mjs health-status sweep` or BENCH_CASES=health-status,sweep.
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { benchAlertFanout } from './alert-fanout.bench.mjs';
import { benchHealthStatus } from './health-status.bench.mjs';
import { benchHttpAuth } from './http-auth.bench.mjs';
import { benchOptimize } from './optimize.bench.mjs';
import { benchSchedule } from './schedule.bench.mjs';
import { benchSweep } from './sweep.bench.mjs';
import { machine } from './lib.mjs';

const cases = {
  'http-auth': benchHttpAuth,
  optimize: benchOptimize,
  'health-status': benchHealthStatus,
  'alert-fanout': benchAlertFanout,
  sweep: benchSweep,
  schedule: benchSchedule,
};
const picked = process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_CASES?.split(',').filter(Boolean) ?? Object.keys(cases));
const unknown = picked.filter((name) => !(name in cases));
if (unknown.length) throw new Error(`unknown bench case(s) ${unknown.join(', ')}; known: ${Object.keys(cases).join(', ')}`);

const duration = Number(process.env.BENCH_DURATION ?? 10);
const out = 'docs/benchmarks.md';

execSync('npx nx run-many -t build -p api web --output-style=static', { stdio: 'inherit' });

const results = [];
for (const name of picked) results.push(await cases[name]({ duration }));

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
