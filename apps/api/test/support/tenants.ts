import { OrganizationsService } from '../../src/organizations/organizations.service';
import { call, type TestApp } from './test-app';

/** The first admin every API spec sets up (POST /api/auth/setup). */
export const ADMIN = { organization_name: 'Acme Marketing', name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse 1' };
/** A member of the first admin's organization. */
export const MEMBER = { email: 'max@acme.example', name: 'Max Member', password: 'member pass 1', role: 'member' };
/** The admin of a second organization, created through the service (setup only creates the first). */
export const OTHER_ADMIN = { organization_name: 'Globex', name: 'Gina', email: 'gina@globex.example', password: 'globex pass 1' };

export interface Tenants {
  adminToken: string;
  memberToken: string;
  /** Admin of a second organization. */
  otherToken: string;
}

/** Sets up the first admin on a fresh install; gives their access token. */
export async function setUpFirstAdmin(url: string, admin: typeof ADMIN = ADMIN): Promise<string> {
  return tokenFrom(await call(url, 'POST', '/api/auth/setup', { body: admin }), 'set up the first admin');
}

/** Signs in with email and password; gives the access token. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  return tokenFrom(await call(url, 'POST', '/api/auth/login', { body: { email, password } }), `sign in as ${email}`);
}

/** Adds a user to the admin's organization and signs them in. */
export async function addUser(url: string, adminToken: string, user: typeof MEMBER = MEMBER): Promise<string> {
  const created = await call(url, 'POST', '/api/users', { token: adminToken, body: user });
  if (created.status !== 201) throw new Error(`Could not add ${user.email}: ${created.status} ${JSON.stringify(created.body)}`);
  return signIn(url, user.email, user.password);
}

/** Creates a second organization with its admin and signs the admin in (on `url`, by default the app's own). */
export async function createOtherOrganization(t: Pick<TestApp, 'app' | 'url'>, admin: typeof OTHER_ADMIN = OTHER_ADMIN, url = t.url): Promise<string> {
  await t.app.get(OrganizationsService).createWithAdmin(admin.organization_name, { email: admin.email, name: admin.name, password: admin.password });
  return signIn(url, admin.email, admin.password);
}

/** The organization id of whoever the token belongs to. */
export async function organizationIdOf(url: string, token: string): Promise<string> {
  return (await call(url, 'GET', '/api/auth/me', { token })).body.organization.id;
}

/** Creates an API key in the token's organization; gives its id and the secret key. */
export async function createApiKey(url: string, token: string, name: string): Promise<{ id: string; key: string }> {
  const r = await call(url, 'POST', '/api/api-keys', { token, body: { name } });
  if (r.status !== 201) throw new Error(`Could not create API key ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id, key: r.body.key };
}

/** First organization (admin + member) through the API, a second organization through the service. */
export async function setUpTenants(t: TestApp): Promise<Tenants> {
  const adminToken = await setUpFirstAdmin(t.url);
  return { adminToken, memberToken: await addUser(t.url, adminToken), otherToken: await createOtherOrganization(t) };
}

function tokenFrom(r: Awaited<ReturnType<typeof call>>, what: string): string {
  const token: unknown = r.body?.access_token;
  if (typeof token !== 'string') throw new Error(`Could not ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return token;
}
