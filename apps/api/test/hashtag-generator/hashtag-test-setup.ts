import { OrganizationsService } from '../../src/organizations/organizations.service';
import { call, TestApp } from '../support/test-app';

export interface Tenants {
  adminToken: string;
  memberToken: string;
  /** Admin of a second organization. */
  otherToken: string;
}

const login = async (t: TestApp, email: string, password: string): Promise<string> =>
  (await call(t.url, 'POST', '/api/auth/login', { body: { email, password } })).body.access_token;

/** First organization (admin + member) through the API, a second organization through the service. */
export async function setUpTenants(t: TestApp): Promise<Tenants> {
  const setup = await call(t.url, 'POST', '/api/auth/setup', {
    body: { organization_name: 'Acme Bakery', name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse 1' },
  });
  const adminToken: string = setup.body.access_token;
  await call(t.url, 'POST', '/api/users', {
    token: adminToken,
    body: { email: 'max@acme.example', name: 'Max Member', password: 'member pass 1', role: 'member' },
  });
  await t.app.get(OrganizationsService).createWithAdmin('Globex', { email: 'gina@globex.example', name: 'Gina', password: 'globex pass 1' });
  return {
    adminToken,
    memberToken: await login(t, 'max@acme.example', 'member pass 1'),
    otherToken: await login(t, 'gina@globex.example', 'globex pass 1'),
  };
}
