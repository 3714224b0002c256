import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { loadPglite } from '../../src/core/database/pglite-loader';

/** The Postgres server integration tests use (trust auth). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const DB_PREFIX = 'pp_test_';
/** Databases left behind by interrupted runs are dropped once they are this old. */
const LEFTOVER_AGE_S = 6 * 3600;

/**
 * A fresh, uniquely named database on the TEST_DATABASE_URL server, so test files never collide.
 * Usage: `const db = await createTestDatabase();` ... `afterAll(() => db.drop())`; pass `db.url` as DATABASE_URL.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${DB_PREFIX}${Math.floor(Date.now() / 1000)}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withServer(async (client) => {
    await dropLeftovers(client);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropLeftovers(client: Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${DB_PREFIX}%'`);
  const cutoff = Date.now() / 1000 - LEFTOVER_AGE_S;
  for (const { datname } of rows) {
    const created = Number(datname.slice(DB_PREFIX.length).split('_')[0]);
    if (created < cutoff) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

/**
 * A temporary DATA_DIR for PGlite. By default it already holds an initialized, empty cluster copied from a
 * template made once per machine (creating one takes ~10 s, copying well under 1 s); `{ empty: true }`
 * gives a bare folder, so the first open runs initdb. No migrations have run in either case.
 */
export async function createTestDataDir(options: { empty?: boolean } = {}): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pp-data-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    if (!options.empty) await cp(await pgliteTemplate(), join(dir, 'pgdata'), { recursive: true });
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}

/** Builds the template in a private folder and renames it into place, so concurrent runs never see half of one. */
async function pgliteTemplate(): Promise<string> {
  const version = (JSON.parse(readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')) as { version: string }).version;
  const template = join(tmpdir(), `postprober-pglite-template-${version}`);
  const pgdata = join(template, 'pgdata');
  if (existsSync(join(pgdata, 'PG_VERSION'))) return pgdata;
  const building = await mkdtemp(join(tmpdir(), 'postprober-pglite-building-'));
  try {
    const lite = await loadPglite().PGlite.create(join(building, 'pgdata'));
    await lite.close();
    await mkdir(dirname(template), { recursive: true });
    await rename(building, template).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(join(pgdata, 'PG_VERSION'))) throw error; // another run won the race otherwise
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return pgdata;
}
