import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { createTestDataDir, createTestDatabase } from '../support/test-database';
import { CREATE_PROBE_ROWS, ProbeRow, runOverlapScenario, ScenarioOutcome } from './probe-row';

const EXPECTED_LABELS = ['commit-1', 'commit-2', ...Array.from({ length: 40 }, (_, i) => `concurrent-${String(i).padStart(2, '0')}`), 'outside-tx'].sort();

describe('overlapping transactions give the same rows and types on PGlite and PostgreSQL', () => {
  const outcomes: Partial<Record<'postgres' | 'pglite', ScenarioOutcome>> = {};
  const cleanups: Array<() => Promise<unknown>> = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('PostgreSQL keeps the rows of committed work only', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const dataSource = await new DataSource(buildDataSourceOptions({ db: { url: db.url, dataDir: './unused' } }, [ProbeRow])).initialize();
    cleanups.push(() => dataSource.destroy());
    outcomes.postgres = await runOverlapScenario(dataSource);
    expect(outcomes.postgres.labels).toEqual(EXPECTED_LABELS);
    expect(outcomes.postgres.rolledBackError).toBe('abort this transaction');
  });

  it('PGlite keeps the rows of committed work only', async () => {
    const data = await createTestDataDir();
    cleanups.push(() => data.remove());
    const dataSource = await new DataSource(buildDataSourceOptions({ db: { dataDir: data.dir } }, [ProbeRow])).initialize();
    cleanups.push(() => dataSource.destroy());
    outcomes.pglite = await runOverlapScenario(dataSource);
    expect(outcomes.pglite.labels).toEqual(EXPECTED_LABELS);
    expect(outcomes.pglite.rolledBackError).toBe('abort this transaction');
  });

  it('both return the JavaScript types pg returns', () => {
    const { postgres, pglite } = outcomes;
    if (!postgres || !pglite) throw new Error('both scenarios must have run');
    expect(pglite.types).toEqual(postgres.types);
    expect(pglite.values).toEqual({ ...postgres.values });
    expect(postgres.types).toEqual({
      count: 'string',
      big: 'string',
      num: 'string',
      int4: 'number',
      float8: 'number',
      bool: 'boolean',
      jsonb: 'object',
      json: 'object',
      int8s: 'array',
      at: 'Date',
      bytes: 'object',
      nothing: 'object',
      param_big: 'string',
      param_date: 'Date',
      param_json: 'object',
      'entity.id': 'string',
      'entity.amount': 'string',
      'entity.meta': 'object',
      'entity.createdAt': 'Date',
    });
    expect(postgres.values).toEqual({
      count: '43',
      big: '9007199254740993',
      num: '1.10',
      int4: 2,
      float8: 1.5,
      bool: true,
      jsonb: { k: [1, 2] },
      json: { k: 1 },
      int8s: ['1', '2'],
      at: '2024-02-03T04:05:06.000Z',
      bytes: '6162',
      nothing: null,
      param_big: '42',
      param_date: '2024-02-03T04:05:06.000Z',
      param_json: { a: 1 },
      'entity.amount': '12.50',
      'entity.meta': { n: 1 },
    });
  });
});

describe('the PGlite session is handed to one holder at a time', () => {
  let data: { dir: string; remove(): Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    data = await createTestDataDir();
    dataSource = await new DataSource({ ...buildDataSourceOptions({ db: { dataDir: data.dir } }, [ProbeRow]), connectTimeoutMS: 300 }).initialize();
    await dataSource.query(CREATE_PROBE_ROWS);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await data?.remove();
  });

  it('rolls back a transaction left open by a released connection', async () => {
    const leaky = dataSource.createQueryRunner();
    await leaky.startTransaction();
    await leaky.manager.insert(ProbeRow, { label: 'never committed' });
    await leaky.release();
    const [{ count }] = await dataSource.query(`SELECT count(*) FROM probe_rows WHERE label = 'never committed'`);
    expect(count).toBe('0');
    const [{ state }] = await dataSource.query(`SELECT pg_current_xact_id_if_assigned() IS NULL AND now() = statement_timestamp() AS state`);
    expect(state).toBe(true); // not inside a leftover transaction
  });

  it('fails a query that waits too long, explaining the likely deadlock', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.insert(ProbeRow, { label: 'inside' });
      // Using the data source instead of `manager` inside a transaction waits for the transaction itself.
      await expect(dataSource.query('SELECT 1')).rejects.toThrow(/Timed out after 300 ms waiting for the embedded database.*use the transaction's manager/);
    });
    const [{ count }] = await dataSource.query(`SELECT count(*) FROM probe_rows WHERE label = 'inside'`);
    expect(count).toBe('1');
  });
});
