import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../src/app';
import { parseConfig } from '../../src/config/app-config';
import { JsonLogger } from '../../src/core/logging/json-logger';
import { waitFor } from '../support/polling';
import { setUpFirstAdmin } from '../support/tenants';
import { call } from '../support/test-app';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres';

/**
 * PostgreSQL stops under a running API (its own throwaway cluster, so nothing else is disturbed): requests
 * that need the database are 503 with Retry-After (not 500), the process keeps serving, every log line is
 * JSON, and once the server is back the same requests succeed without a restart.
 */
describe('PostgreSQL outage', () => {
  let pg: ThrowawayPostgres;
  let app: NestFastifyApplication;
  let url: string;
  let token: string;
  const lines: string[] = [];
  const rawWrites: string[] = [];

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    const config = parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      JWT_SECRET: 'test-secret-test-secret-test-secret-42',
      DATABASE_URL: pg.url,
      RATE_LIMIT_PER_MINUTE: '100000',
      HEALTH_SWEEP_TICK_MS: '500',
    });
    const logger = new JsonLogger('info', { write: (line: string) => void lines.push(line) });
    app = await createApiApp(config, logger);
    app.useLogger(logger);
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    token = await setUpFirstAdmin(url);
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await app?.close();
    await pg?.destroy();
  });

  it('answers 503 with Retry-After while the database is down, keeps serving, logs JSON only, and recovers by itself', async () => {
    expect((await call(url, 'GET', '/api/incidents', { token })).status).toBe(200);
    // Anything written around the logger (console, raw stdout/stderr) would break "logs are JSON lines".
    for (const method of ['log', 'warn', 'error', 'info'] as const) jest.spyOn(console, method).mockImplementation((...args) => void rawWrites.push(args.join(' ')));
    const before = lines.length;

    await pg.stop();
    for (let i = 0; i < 5; i++) {
      const res = await call(url, 'GET', '/api/incidents', { token });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', request_id: expect.any(String) });
      expect(res.body.message).toMatch(/list incidents: the database is unreachable/);
    }
    const created = await call(url, 'POST', '/api/api-keys', { token, body: { name: 'during outage' } });
    expect(created.status).toBe(503);
    expect((await call(url, 'GET', '/api/livez')).status).toBe(200);
    expect((await call(url, 'GET', '/api/healthz')).status).toBe(503);

    await pg.start();
    let after = 0;
    await waitFor(async () => (after = (await call(url, 'GET', '/api/incidents', { token })).status) === 200, () => `the API to serve again (last status ${after})`, 20_000, 250);
    expect((await call(url, 'POST', '/api/api-keys', { token, body: { name: 'after outage' } })).status).toBe(201);

    const outageLines = lines.slice(before);
    expect(outageLines.length).toBeGreaterThan(0);
    for (const line of outageLines) expect(() => JSON.parse(line)).not.toThrow();
    expect(outageLines.map((l) => JSON.parse(l).msg)).toContainEqual(expect.stringMatching(/database is unreachable/));
    expect(rawWrites).toEqual([]);
  });
});
