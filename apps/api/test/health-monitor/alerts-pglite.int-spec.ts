import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseConfig } from '../../src/config/app-config';
import { createApiApp } from '../../src/app';
import { organizationIdOf, setUpFirstAdmin } from '../support/tenants';
import { call } from '../support/test-app';
import { createTestDataDir } from '../support/test-database';
import { AlertsClient, connectAlerts, raiseAlert } from './alerts-socket';

/** The embedded default (PGlite): the per-organization append lock, bigint ids as strings, replay and read state. */
describe('health alerts on embedded PGlite', () => {
  let data: Awaited<ReturnType<typeof createTestDataDir>>;
  let app: NestFastifyApplication;
  let url: string;
  let token: string;
  let acme: string;
  const clients: AlertsClient[] = [];

  beforeAll(async () => {
    data = await createTestDataDir();
    app = await createApiApp(parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: 'test-secret-test-secret-test-secret-42', DATA_DIR: data.dir, HEALTH_SWEEP_TICK_MS: '3600000' }), false);
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    token = await setUpFirstAdmin(url);
    acme = await organizationIdOf(url, token);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app?.close();
    await data?.remove();
  });

  it('stores, replays and counts alerts like on PostgreSQL', async () => {
    const t = { app, url };
    const stored = await Promise.all([raiseAlert(t, acme), raiseAlert(t, acme), raiseAlert(t, acme)]);
    for (const alert of stored) expect(alert.id).toMatch(/^[1-9][0-9]*$/);
    const [seen, ...missed] = [...stored].sort((x, y) => Number(BigInt(x.id) - BigInt(y.id)));

    const client = await connectAlerts(t, { token, lastAlertId: seen.id });
    clients.push(client);
    expect(await client.waitForAlerts(2)).toEqual(missed);
    const live = await raiseAlert(t, acme);
    expect(await client.waitForAlerts(3)).toEqual([...missed, live]);

    const rest = await call(url, 'GET', `/api/alerts?after=${seen.id}`, { token });
    expect(rest.body).toMatchObject({ alerts: [...missed, live], has_more: false, last_read_id: null, unread_count: 4 });
    const marked = await call(url, 'PUT', '/api/alerts/read', { token, body: { last_read_id: missed[1].id } });
    expect(marked.body).toEqual({ last_read_id: missed[1].id, unread_count: 1 });
  });
});
