import Redis from 'ioredis';
import { call, startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The whole app wired for production: Postgres, Bull on Redis, an API process and a worker process. */
describe('app on Postgres and Redis with api and worker roles', () => {
  const prefix = `pp-roles-${process.pid}-${Date.now()}`;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: TestApp;
  let worker: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    // JWT_SECRET empty = unset: each process must pick up the one generated and stored by the first.
    const env = { JWT_SECRET: '', DATABASE_URL: db.url, REDIS_URL, QUEUE_PREFIX: prefix, ADMIN_EMAIL: 'ops@acme.example', ADMIN_PASSWORD: 'ops password 1' };
    api = await startTestApp({ ...env, API_ROLE: 'api' });
    worker = await startTestApp({ ...env, API_ROLE: 'worker' });
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await db?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('reports the Bull backend and each role as healthy', async () => {
    for (const [t, role] of [[api, 'api'], [worker, 'worker']] as const) {
      const h = await call(t.url, 'GET', '/api/healthz');
      expect(h.status).toBe(200);
      expect(h.body).toMatchObject({ status: 'ok', role, checks: { database: { ok: true, driver: 'postgres' }, queue: { ok: true, backend: 'bull' } } });
    }
  });

  it('creates the first admin once from ADMIN_EMAIL although two processes started with it', async () => {
    const login = await call(api.url, 'POST', '/api/auth/login', { body: { email: 'ops@acme.example', password: 'ops password 1' } });
    expect(login.status).toBe(200);
    const users = await call(worker.url, 'GET', '/api/users', { token: login.body.access_token });
    // The token from one process is accepted by the other: the generated JWT secret is shared through the database.
    expect(users.status).toBe(200);
    expect(users.body).toHaveLength(1);
    const jobs = await call(api.url, 'GET', '/api/admin/jobs', { token: login.body.access_token });
    expect(jobs.body.backend).toBe('bull');
  });
});
