import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleLogger, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { parseConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseHealth } from '../../src/core/database/database-health';
import { DatabaseModule } from '../../src/core/database/database.module';
import { createTestDataDir, createTestDatabase } from '../support/test-database';

/** Keeps what Nest logs, to check what the module says about the database. */
class RecordingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  override log(message: unknown, context?: string): void {
    this.lines.push(`${context}: ${String(message)}`);
  }
}

/** The module with its config, no HTTP: init() runs start-up hooks, close() the shutdown ones. */
async function boot(env: Record<string, string>): Promise<{ app: INestApplicationContext; logs: string[] }> {
  const logger = new RecordingLogger();
  const app = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(parseConfig({ NODE_ENV: 'test', ...env })), DatabaseModule.forRoot()],
  })
    .setLogger(logger)
    .compile();
  await app.init();
  return { app, logs: logger.lines };
}

describe('DatabaseModule', () => {
  it('on PostgreSQL: reports health, logs the server without the password', async () => {
    const db = await createTestDatabase();
    const url = new URL(db.url);
    url.password = 'not-a-real-secret'; // trust auth accepts any password
    const { app, logs } = await boot({ DATABASE_URL: url.toString() });
    try {
      const health = await app.get(DatabaseHealth).check();
      expect(health).toEqual({ ok: true, latency_ms: expect.any(Number), driver: 'postgres' });
      expect(await app.get(DataSource).query('SELECT count(*)::int AS n FROM migrations')).toEqual([{ n: expect.any(Number) }]);
      expect(logs).toContain(`Database: Using PostgreSQL at ${url.toString().replace('not-a-real-secret', '***')}`);
      expect(logs.join('\n')).not.toContain('not-a-real-secret');
    } finally {
      await app.close();
      await db.drop();
    }
  });

  it('on PGlite: reports health, and closing the app closes the database and releases the folder', async () => {
    const data = await createTestDataDir();
    try {
      const { app, logs } = await boot({ DATA_DIR: data.dir });
      const health = await app.get(DatabaseHealth).check();
      expect(health).toEqual({ ok: true, latency_ms: expect.any(Number), driver: 'pglite' });
      expect(logs).toContain(`Database: Using embedded PGlite in ${join(data.dir, 'pgdata')}`);
      expect(existsSync(join(data.dir, 'pgdata.lock'))).toBe(true);
      const dataSource = app.get(DataSource);
      await app.close();
      expect(dataSource.isInitialized).toBe(false);
      expect(existsSync(join(data.dir, 'pgdata.lock'))).toBe(false);

      // Closed for real: the same process can open the folder again.
      const again = await boot({ DATA_DIR: data.dir });
      expect((await again.app.get(DatabaseHealth).check()).ok).toBe(true);
      await again.app.close();
    } finally {
      await data.remove();
    }
  });

  it('fails start-up at once, without retries, when the PGlite folder is locked', async () => {
    const data = await createTestDataDir();
    const first = await boot({ DATA_DIR: data.dir });
    try {
      const started = Date.now();
      await expect(boot({ DATA_DIR: data.dir })).rejects.toThrow(`DATA_DIR "${data.dir}" is already used by another PostProber process (pid ${process.pid}, this process).`);
      expect(Date.now() - started).toBeLessThan(3_000); // the retry delay is 3 s: no retry happened
    } finally {
      await first.app.close();
      await data.remove();
    }
  });
});
