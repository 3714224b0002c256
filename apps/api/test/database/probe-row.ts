import { setTimeout as delay } from 'node:timers/promises';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A test-only table: created by hand in each test database, never part of the API's entities. */
@Entity({ name: 'probe_rows' })
export class ProbeRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0 })
  amount: string;

  @Column({ type: 'jsonb', default: {} })
  meta: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

export const CREATE_PROBE_ROWS = `CREATE TABLE probe_rows (
  id bigserial PRIMARY KEY,
  label text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0,
  meta jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now())`;

export interface ScenarioOutcome {
  labels: string[];
  rolledBackError: string;
  types: Record<string, string>;
  values: Record<string, unknown>;
}

/** What the runtime type of a value is, with Date and arrays told apart from objects. */
const kind = (value: unknown): string => (value instanceof Date ? 'Date' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Transactions that overlap with each other and with plain queries. On PostgreSQL each runs on its own
 * connection; PGlite has one session, so the driver must make them wait instead of mixing them.
 */
export async function runOverlapScenario(dataSource: DataSource): Promise<ScenarioOutcome> {
  await dataSource.query(CREATE_PROBE_ROWS);
  const rows = dataSource.getRepository(ProbeRow);

  // 1. An insert made outside a transaction while that transaction is open; the transaction rolls back.
  const tx = dataSource.createQueryRunner();
  await tx.connect();
  await tx.startTransaction();
  await tx.manager.insert(ProbeRow, { label: 'tx-rolled-back' });
  const outside = rows.insert({ label: 'outside-tx' });
  await delay(30);
  await tx.rollbackTransaction();
  await tx.release();
  await outside;

  // 2. Two transactions interleaving: one commits two rows, the other fails between its statements.
  const [, rolledBackError] = await Promise.all([
    dataSource.transaction(async (manager) => {
      await manager.insert(ProbeRow, { label: 'commit-1', amount: '12.50', meta: { n: 1 } });
      await delay(20);
      await manager.insert(ProbeRow, { label: 'commit-2' });
    }),
    dataSource
      .transaction(async (manager) => {
        await manager.insert(ProbeRow, { label: 'rolled-back' });
        await delay(10);
        throw new Error('abort this transaction');
      })
      .then(() => 'no error', (error: Error) => error.message),
  ]);

  // 3. Many concurrent plain inserts.
  await Promise.all(Array.from({ length: 40 }, (_, i) => rows.insert({ label: `concurrent-${String(i).padStart(2, '0')}` })));

  const found = await rows.find({ order: { id: 'ASC' } });
  const committed = found.find((row) => row.label === 'commit-1');
  const [raw] = (await dataSource.query(
    `SELECT count(*) AS count, 9007199254740993::int8 AS big, 1.10::numeric AS num, 2::int4 AS int4, 1.5::float8 AS float8,
            true AS bool, '{"k":[1,2]}'::jsonb AS jsonb, '{"k":1}'::json AS json, ARRAY[1,2]::int8[] AS int8s,
            '2024-02-03T04:05:06Z'::timestamptz AS at, 'ab'::bytea AS bytes, NULL::text AS nothing,
            $1::int8 + 1 AS param_big, $2::timestamptz AS param_date, $3::jsonb AS param_json
       FROM probe_rows`,
    ['41', new Date('2024-02-03T04:05:06Z'), JSON.stringify({ a: 1 })],
  )) as Record<string, unknown>[];
  const entityValues = { id: committed?.id, amount: committed?.amount, meta: committed?.meta, createdAt: committed?.createdAt };
  return {
    labels: found.map((row) => row.label).sort(),
    rolledBackError,
    types: Object.fromEntries(Object.entries({ ...raw, ...prefixKeys(entityValues, 'entity.') }).map(([k, v]) => [k, kind(v)])),
    values: {
      ...raw,
      at: (raw['at'] as Date).toISOString(),
      param_date: (raw['param_date'] as Date).toISOString(),
      bytes: (raw['bytes'] as Buffer).toString('hex'),
      'entity.amount': committed?.amount,
      'entity.meta': committed?.meta,
    },
  };
}

function prefixKeys(values: Record<string, unknown>, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [prefix + k, v]));
}
