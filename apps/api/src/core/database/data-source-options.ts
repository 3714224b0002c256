import { resolve } from 'node:path';
import pg from 'pg';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { AppConfig } from '../../config/app-config';
import { MIGRATIONS } from '../../migrations';
import { createPgliteDriver } from './pglite-driver';
import { TypeOrmJsonLogger } from './typeorm-json-logger';

export type DatabaseDriverKind = 'postgres' | 'pglite';
type DbConfig = Pick<AppConfig, 'db'>;

/** DATABASE_URL set: a real PostgreSQL server; unset: embedded PGlite under DATA_DIR. */
export function databaseDriverKind(config: DbConfig): DatabaseDriverKind {
  return config.db.url ? 'postgres' : 'pglite';
}

/**
 * TypeORM options for the API's database, usable outside Nest (tests, scripts). Migrations run at
 * initialize(); the schema is never synchronized from entities.
 */
export function buildDataSourceOptions(config: DbConfig, entities: PostgresDataSourceOptions['entities']): PostgresDataSourceOptions {
  const common = {
    type: 'postgres',
    entities,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // PGlite has no pgcrypto/uuid-ossp to install; gen_random_uuid() is built into PostgreSQL 13+, and
    // uuidExtension 'pgcrypto' is what makes TypeORM write that function for generated uuid columns.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    applicationName: 'postprober',
    logging: ['warn', 'migration'],
    logger: new TypeOrmJsonLogger(),
  } satisfies Partial<PostgresDataSourceOptions>;
  if (config.db.url) {
    return { ...common, url: config.db.url, driver: pg, connectTimeoutMS: 10_000 };
  }
  return { ...common, driver: createPgliteDriver({ dataDir: resolve(config.db.dataDir), label: config.db.dataDir }) };
}

/** For logs: which database, never the password. */
export function describeDatabase(config: DbConfig): string {
  if (!config.db.url) return `embedded PGlite in ${resolve(config.db.dataDir, 'pgdata')}`;
  try {
    const url = new URL(config.db.url);
    if (url.password) url.password = '***';
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL at DATABASE_URL (unparsable URL)';
  }
}

const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '57P03']);

/** A server that is starting or briefly unreachable is worth retrying; a failed migration or lock is not. */
export function isTransientConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && TRANSIENT_CODES.has(code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated unexpectedly/i.test(error.message);
}
