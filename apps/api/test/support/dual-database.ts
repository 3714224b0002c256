import { DataSource, type DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { createTestDataDir, createTestDatabase } from './test-database';

/** The two engines every repository spec runs on: PostgreSQL in production, PGlite with no configuration. */
export type Driver = 'postgres' | 'pglite';
export const DRIVERS: Driver[] = ['postgres', 'pglite'];

type Entities = NonNullable<DataSourceOptions['entities']>;

/**
 * A fully migrated data source on `driver` (a fresh database or a fresh PGlite directory), and how to throw
 * it away. Usage: `describe.each(DRIVERS)('FooRepository on %s', (driver) => { ... migratedDataSource(driver, [Foo]) })`.
 */
export async function migratedDataSource(driver: Driver, entities: Entities): Promise<{ db: DataSource; cleanup(): Promise<void> }> {
  if (driver === 'postgres') {
    const database = await createTestDatabase();
    const db = await new DataSource(buildDataSourceOptions({ db: { url: database.url, dataDir: './unused' } }, entities)).initialize();
    return { db, cleanup: async () => { await db.destroy(); await database.drop(); } };
  }
  const data = await createTestDataDir();
  const db = await new DataSource(buildDataSourceOptions({ db: { dataDir: data.dir } }, entities)).initialize();
  return { db, cleanup: async () => { await db.destroy(); await data.remove(); } };
}
