// Writes <file>.br (brotli quality 11) and <file>.gz (gzip level 9) beside every text file over 1 kB of the
// built portal, so the API serves them precompressed (@fastify/static preCompressed) instead of
// compressing on every request. Runs as the last step of `nx build web`.
//   node tools/precompress.mjs [dir]   (default dist/apps/web/browser)
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const MIN_BYTES = 1024;
const TEXT_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.xml', '.webmanifest', '.map', '.ico']);

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses one file; a variant that is not smaller than the file is not written (the raw file is served). */
async function precompress(path) {
  const raw = await readFile(path);
  const [br, gzipped] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gz(raw, { level: 9 }),
  ]);
  const written = { raw: raw.length, br: null, gz: null };
  if (br.length < raw.length) {
    await writeFile(`${path}.br`, br);
    written.br = br.length;
  }
  if (gzipped.length < raw.length) {
    await writeFile(`${path}.gz`, gzipped);
    written.gz = gzipped.length;
  }
  return written;
}

const dir = resolve(process.argv[2] ?? 'dist/apps/web/browser');
if (!(await stat(dir).catch(() => null))?.isDirectory()) {
  console.error(`precompress: ${dir} does not exist (build the portal first)`);
  process.exit(1);
}
const candidates = [];
for await (const path of files(dir)) {
  if (!TEXT_EXTENSIONS.has(extname(path))) continue;
  if ((await stat(path)).size <= MIN_BYTES) continue;
  candidates.push(path);
}
const started = Date.now();
const results = await Promise.all(candidates.map(async (path) => ({ path, ...(await precompress(path)) })));
const sum = (key) => results.reduce((n, r) => n + (r[key] ?? r.raw), 0);
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const r of results) console.log(`  ${relative(dir, r.path)}: ${kB(r.raw)} raw, ${r.gz ? kB(r.gz) : '-'} gzip, ${r.br ? kB(r.br) : '-'} brotli`);
console.log(
  `precompress: ${results.length} files in ${relative(process.cwd(), dir) || dir}, ${kB(sum('raw'))} → ${kB(sum('gz'))} gzip, ${kB(sum('br'))} brotli (${Date.now() - started} ms)`,
);
