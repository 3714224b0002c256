import pg from 'pg';
import { AppConfig } from '../../config/app-config';
import { MIGRATIONS } from '../../migrations';
import { buildDataSourceOptions, databaseDriverKind, describeDatabase, isTransientConnectionError } from './data-source-options';
import { PglitePool } from './pglite-driver';

const db = (over: Partial<AppConfig['db']>): Pick<AppConfig, 'db'> => ({ db: { dataDir: './data', ...over } });

describe('buildDataSourceOptions', () => {
  it('uses pg with the URL when DATABASE_URL is set', () => {
    const options = buildDataSourceOptions(db({ url: 'postgres://u:p@h:5432/app' }), []);
    expect(options).toMatchObject({ type: 'postgres', url: 'postgres://u:p@h:5432/app', driver: pg });
    expect(databaseDriverKind(db({ url: 'postgres://h/app' }))).toBe('postgres');
  });

  it('uses the PGlite driver without a URL', () => {
    const options = buildDataSourceOptions(db({}), []);
    expect(options.url).toBeUndefined();
    expect(new (options.driver as { Pool: new () => unknown }).Pool()).toBeInstanceOf(PglitePool);
    expect(databaseDriverKind(db({}))).toBe('pglite');
  });

  it('runs migrations one transaction each, never synchronizes, installs no extension', () => {
    for (const options of [buildDataSourceOptions(db({}), []), buildDataSourceOptions(db({ url: 'postgres://h/app' }), [])]) {
      expect(options).toMatchObject({
        migrations: MIGRATIONS,
        migrationsRun: true,
        migrationsTransactionMode: 'each',
        synchronize: false,
        installExtensions: false,
        uuidExtension: 'pgcrypto',
      });
    }
  });
});

describe('describeDatabase', () => {
  it('hides the password in the URL and in query parameters', () => {
    const text = describeDatabase(db({ url: 'postgres://app:s3cret@db.local:5432/pp?password=s3cret&sslmode=require' }));
    expect(text).toBe('PostgreSQL at postgres://app:***@db.local:5432/pp?password=***&sslmode=require');
    expect(text).not.toContain('s3cret');
  });

  it('names the PGlite folder', () => {
    expect(describeDatabase(db({ dataDir: '/srv/pp' }))).toBe('embedded PGlite in /srv/pp/pgdata');
  });
});

describe('isTransientConnectionError', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });
  it('retries an unreachable or starting server', () => {
    expect(isTransientConnectionError(withCode('ECONNREFUSED'))).toBe(true);
    expect(isTransientConnectionError(withCode('57P03'))).toBe(true);
    expect(isTransientConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });
  it('does not retry SQL errors, bad credentials or a locked folder', () => {
    expect(isTransientConnectionError(withCode('42P01'))).toBe(false);
    expect(isTransientConnectionError(withCode('28P01'))).toBe(false);
    expect(isTransientConnectionError(new Error('DATA_DIR "./data" is already used'))).toBe(false);
    expect(isTransientConnectionError('ECONNREFUSED')).toBe(false);
  });
});
