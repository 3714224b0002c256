import * as nodeModule from 'node:module';
import * as pgliteModule from '@electric-sql/pglite';
import * as nodePostgresModule from '@electric-sql/pglite/node-postgres';

export interface PgliteModules {
  PGlite: typeof pgliteModule.PGlite;
  createPgConfig: typeof nodePostgresModule.createPgConfig;
}

let loaded: PgliteModules | undefined;

/**
 * Loads PGlite with Node's own require. PGlite's emscripten glue runs `await import('node:module')`, which
 * Jest's module sandbox rejects unless every test command sets --experimental-vm-modules. Outside Jest this is
 * exactly the module a plain import gives; if no host require is found, the plain import is used.
 */
export function loadPglite(): PgliteModules {
  if (loaded) return loaded;
  const hostRequire = hostCreateRequire()?.(__filename);
  loaded = hostRequire
    ? {
        PGlite: (hostRequire('@electric-sql/pglite') as typeof pgliteModule).PGlite,
        createPgConfig: (hostRequire('@electric-sql/pglite/node-postgres') as typeof nodePostgresModule).createPgConfig,
      }
    : { PGlite: pgliteModule.PGlite, createPgConfig: nodePostgresModule.createPgConfig };
  return loaded;
}

/** The file Node's require would load for PGlite, for a child process that must load the same one. */
export function resolvePglite(): string {
  const hostRequire = hostCreateRequire()?.(__filename);
  return hostRequire ? hostRequire.resolve('@electric-sql/pglite') : require.resolve('@electric-sql/pglite');
}

type CreateRequire = typeof nodeModule.createRequire;

/** Node's createRequire. Jest's `module` is a subclass whose createRequire stays in the sandbox: take the base one. */
function hostCreateRequire(): CreateRequire | undefined {
  let found: CreateRequire | undefined;
  let candidate = nodeModule.Module as unknown as { createRequire?: unknown } | null;
  while (candidate && typeof candidate.createRequire === 'function') {
    found = candidate.createRequire as CreateRequire;
    candidate = Object.getPrototypeOf(candidate) as { createRequire?: unknown } | null;
  }
  return found;
}
