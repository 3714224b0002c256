import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { openDataSource } from '../../src/core/database/exclusive-migrations';
import { MIGRATIONS } from '../../src/migrations';
import { createTestDatabase } from '../support/test-database';

describe('start-up migrations on one PostgreSQL database', () => {
  it('three processes opening an empty database at once all start, and each migration is applied once', async () => {
    const db = await createTestDatabase();
    const opened: DataSource[] = [];
    try {
      const options = { ...buildDataSourceOptions({ db: { url: db.url, dataDir: './unused' } }, []), logging: false as const };
      // Three data sources stand for two API processes and a worker starting together: each its own pool.
      const results = await Promise.allSettled([1, 2, 3].map(() => openDataSource(options, { exclusive: true })));
      for (const r of results) if (r.status === 'fulfilled') opened.push(r.value);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
      const rows: Array<{ name: string; n: number }> = await opened[0].query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // The lock is released: nobody holds it once start-up is over.
      expect(await opened[0].query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)).toEqual([{ n: 0 }]);
    } finally {
      for (const ds of opened) await ds.destroy();
      await db.drop();
    }
  });
});
