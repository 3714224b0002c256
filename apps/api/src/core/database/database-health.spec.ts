import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { DatabaseHealth } from './database-health';

/** The DataSource is the I/O edge here: a fake with only what check() uses. */
const fakeDataSource = (query: () => Promise<unknown>, isInitialized = true) => ({ isInitialized, query }) as unknown as DataSource;
const config = (url?: string) => ({ db: { url, dataDir: './data' } }) as AppConfig;

describe('DatabaseHealth', () => {
  it('reports ok, the latency and the driver', async () => {
    const result = await new DatabaseHealth(fakeDataSource(async () => [{ '?column?': 1 }]), config('postgres://h/db')).check();
    expect(result).toEqual({ ok: true, latency_ms: expect.any(Number), driver: 'postgres' });
    expect(result.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('reports a failing query without throwing', async () => {
    const result = await new DatabaseHealth(fakeDataSource(() => Promise.reject(new Error('connection refused'))), config()).check();
    expect(result).toEqual({ ok: false, latency_ms: expect.any(Number), error: 'connection refused', driver: 'pglite' });
  });

  it('gives up on a query that does not answer in time', async () => {
    const result = await new DatabaseHealth(fakeDataSource(() => new Promise(() => undefined)), config()).check(30);
    expect(result).toMatchObject({ ok: false, error: 'No answer within 30 ms' });
    expect(result.latency_ms).toBeGreaterThanOrEqual(25);
  });

  it('reports a data source that is not initialized', async () => {
    const result = await new DatabaseHealth(fakeDataSource(async () => [], false), config()).check();
    expect(result).toMatchObject({ ok: false, error: 'Database connection is not initialized' });
  });
});
