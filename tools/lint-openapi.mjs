// `npm run lint:openapi`: the committed openapi.json through two independent linters (Redocly CLI, recommended-strict;
// Spectral, spectral:oas, failing on warnings), then our own rule: every request body and every 2xx JSON answer shows
// an example (a media-type example, or a schema whose properties all carry one; an enum counts, its values are the
// examples), so integrators see real values.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SPEC = process.argv[2] ?? 'openapi.json';
let failed = false;
function run(name, cmd) {
  console.log(`--- ${name}: ${cmd}`);
  // NO_UPDATE_NOTIFIER / REDOCLY_TELEMETRY: no network calls from CI.
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', env: { ...process.env, NO_UPDATE_NOTIFIER: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  if (r.status !== 0) failed = true;
}
run('redocly', `npx redocly lint ${SPEC} --config redocly.yaml --format stylish`);
run('spectral', `npx spectral lint ${SPEC} --ruleset .spectral.yaml --fail-severity warn`);

const doc = JSON.parse(readFileSync(SPEC, 'utf8'));
const resolve = (s) => (s?.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()]) : s);
/** Properties of `schema` (followed through $ref and allOf) that have no example, as dotted paths. */
function missingExamples(schema, path, seen = new Set()) {
  const s = resolve(schema);
  if (!s || seen.has(s)) return [];
  seen.add(s);
  if (s.example !== undefined || s.enum) return [];
  if (s.allOf || s.oneOf || s.anyOf) return (s.allOf ?? s.oneOf ?? s.anyOf).flatMap((x) => missingExamples(x, path, seen));
  if (s.type === 'array') return missingExamples(s.items, `${path}[]`, seen);
  if (s.type === 'object' || s.properties) {
    return Object.entries(s.properties ?? {}).flatMap(([k, v]) => {
      const r = resolve(v);
      if (v.example !== undefined || r?.example !== undefined || r?.enum) return [];
      if (r?.type === 'array' || r?.type === 'object' || r?.properties || r?.allOf) return missingExamples(v, `${path}.${k}`, new Set(seen));
      return [`${path}.${k}`];
    });
  }
  return [path];
}
const problems = [];
for (const [p, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    const bodies = [['request', op.requestBody]];
    for (const [status, res] of Object.entries(op.responses ?? {})) if (/^2/.test(status)) bodies.push([status, res]);
    for (const [label, body] of bodies) {
      const media = body?.content?.['application/json'];
      if (!media || media.example !== undefined || media.examples) continue;
      for (const m of missingExamples(media.schema, 'body')) problems.push(`${method.toUpperCase()} ${p} ${label}: ${m} has no example`);
    }
  }
}
console.log(`--- examples: ${problems.length ? `${problems.length} missing` : 'every request body and 2xx answer has examples'}`);
for (const p of problems) console.error(`  ${p}`);
if (problems.length) failed = true;
process.exit(failed ? 1 : 0);
