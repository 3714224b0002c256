import { execFile } from 'node:child_process';
import { resolvePglite } from './pglite-loader';

/** Bound on creating a new data directory (initdb takes a few seconds; a slow disk or a loaded CI more). */
const INITDB_TIMEOUT_MS = 120_000;

// Run by `node -e` with the data folder and PGlite's resolved path as arguments.
const CHILD = `
const [dir, pglite] = process.argv.slice(-2);
require(pglite).PGlite.create(dir).then((db) => db.close()).then(
  () => process.exit(0),
  (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); },
);`;

/**
 * Creates a new embedded database in a short-lived child process. PGlite keeps its initdb instance's
 * WebAssembly memory for as long as the process lives (measured: 750 MB RSS after creating a data folder
 * against 300 MB after opening an existing one), so the process that then serves opens what the child made.
 */
export function createDataDirInChild(pgdata: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', CHILD, '--', pgdata, resolvePglite()], { timeout: INITDB_TIMEOUT_MS }, (error, _stdout, stderr) =>
      error ? reject(new Error(`creating the embedded database failed: ${stderr.trim() || error.message}`)) : resolve(),
    );
  });
}
