import { DataSource, DataSourceOptions, MigrationExecutor } from 'typeorm';

/**
 * Key of the session advisory lock that start-up migrations run under. Any fixed 64-bit number works; this
 * one spells "pprobe-m" in ASCII so it is recognisable in pg_locks.
 */
export const MIGRATIONS_LOCK_KEY = '8102655374232528237';

/**
 * Runs the pending migrations (one transaction each) while holding a PostgreSQL advisory lock, on the lock's
 * own connection. Processes starting together against one database (two APIs and a worker) then migrate one
 * after another: the first applies them, the others find nothing pending. Without the lock they all see the
 * same migrations pending and all but one die on "relation already exists".
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATIONS_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      await executor.executePendingMigrations();
    } finally {
      // A lost connection has already released the lock; nothing to undo then.
      await runner.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATIONS_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The API's way to open its data source: initialize without TypeORM's own migration run, then migrate under
 * the lock on PostgreSQL. PGlite is one process per folder (its lock file), so it migrates as TypeORM would.
 */
export async function openDataSource(options: DataSourceOptions, { exclusive }: { exclusive: boolean }): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    if (exclusive) await runMigrationsExclusively(dataSource);
    else await dataSource.runMigrations({ transaction: 'each' });
  } catch (error: unknown) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}
