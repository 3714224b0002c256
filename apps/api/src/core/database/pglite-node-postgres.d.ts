/*
 * The api compiles with moduleResolution "node", which does not read package.json "exports", so it cannot
 * see the types of this subpath (dist/node-postgres/index.d.cts). This is the part we use.
 */
declare module '@electric-sql/pglite/node-postgres' {
  import type { PGlite } from '@electric-sql/pglite';

  /** Config for a `pg.Client` whose `connection` speaks the wire protocol to the given PGlite. */
  export function createPgConfig(pglite: PGlite): Record<string, unknown>;
}
