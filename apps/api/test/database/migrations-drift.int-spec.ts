import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { MIGRATIONS } from '../../src/migrations';
import { createTestDataDir, createTestDatabase } from '../support/test-database';

/**
 * Tables that hold no customer's data and so have no organization_id. Adding one here is a decision to
 * review: every table with a customer's data must carry `organization_id uuid not null`.
 */
const SYSTEM_TABLES: readonly string[] = ['organizations', 'job_status', 'app_settings', 'migrations'];

const SRC = resolve(__dirname, '../../src');

type EntityClass = abstract new (...args: never[]) => unknown;

/** Every class exported from apps/api/src/**\/*.entity.ts that TypeORM knows as an entity. */
function loadAllEntities(): { entities: EntityClass[]; filesWithoutEntity: string[] } {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.entity.ts'))
    .sort();
  const entities = new Set<EntityClass>();
  const filesWithoutEntity: string[] = [];
  for (const file of files) {
    const exported = require(join(SRC, file)) as Record<string, unknown>;
    const declared = new Set(getMetadataArgsStorage().tables.map((table) => table.target));
    const found = Object.values(exported).filter((value): value is EntityClass => typeof value === 'function' && declared.has(value as EntityClass));
    if (found.length === 0) filesWithoutEntity.push(file);
    found.forEach((entity) => entities.add(entity));
  }
  return { entities: [...entities], filesWithoutEntity };
}

interface TableColumn {
  table_name: string;
  data_type: string | null;
  is_nullable: string | null;
}

async function checkSchema(dataSource: DataSource, driver: string): Promise<void> {
  const pending = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);
  if (pending.length > 0) {
    throw new Error(
      `The entities and MIGRATIONS disagree on ${driver}: after all migrations ran, TypeORM would still run the ` +
        `statements below. Add a migration (apps/api/src/migrations, listed in index.ts) that makes them unnecessary:\n\n` +
        pending.map((query) => `${query};`).join('\n'),
    );
  }

  const tables: TableColumn[] = await dataSource.query(
    `SELECT t.table_name, c.data_type, c.is_nullable
       FROM information_schema.tables t
       LEFT JOIN information_schema.columns c
         ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'organization_id'
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY t.table_name`,
  );
  const offenders = tables
    .filter((t) => !SYSTEM_TABLES.includes(t.table_name))
    .filter((t) => t.data_type !== 'uuid' || t.is_nullable !== 'NO')
    .map((t) => `${t.table_name} (organization_id: ${t.data_type ? `${t.data_type}, nullable ${t.is_nullable}` : 'missing'})`);
  expect(offenders).toEqual([]);
  for (const metadata of dataSource.entityMetadatas) {
    expect(tables.map((t) => t.table_name)).toContain(metadata.tableName);
  }
}

describe('migrations match the entities', () => {
  const { entities, filesWithoutEntity } = loadAllEntities();

  it('every *.entity.ts file exports its entity (an unexported one would escape this check)', () => {
    expect(filesWithoutEntity).toEqual([]);
    console.log(`Drift check over ${entities.length} entities and ${MIGRATIONS.length} migrations`);
  });

  it('on PostgreSQL: nothing left to generate, and customer tables carry organization_id', async () => {
    const db = await createTestDatabase();
    const dataSource = new DataSource(buildDataSourceOptions({ db: { url: db.url, dataDir: './unused' } }, entities));
    try {
      await dataSource.initialize();
      await checkSchema(dataSource, 'PostgreSQL');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    }
  });

  it('on PGlite: nothing left to generate, and customer tables carry organization_id', async () => {
    const data = await createTestDataDir();
    const dataSource = new DataSource(buildDataSourceOptions({ db: { dataDir: data.dir } }, entities));
    try {
      await dataSource.initialize();
      await checkSchema(dataSource, 'PGlite');
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await data.remove();
    }
  });
});
