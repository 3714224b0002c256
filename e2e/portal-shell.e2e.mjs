// First run in a real browser: setup → dashboard → navigation → sign out → sign in; members see no admin pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, launchBrowser, startProduct } from './support.mjs';

let product;
let browser;
let page;
const ADMIN = { org: 'Acme Marketing', name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse 1' };

before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await browser?.close();
  await product?.stop();
});

const byId = (id) => page.locator(`[data-testid="${id}"]`);

test('a fresh install sends the visitor to the one-time setup', async () => {
  await page.goto(product.url + '/');
  await page.waitForURL('**/setup');
  await byId('setup-organization-name').waitFor();
});

test('setup shows field errors from validation, then creates the first admin and signs in', async () => {
  await byId('setup-organization-name').fill(ADMIN.org);
  await byId('setup-name').fill(ADMIN.name);
  await byId('setup-email').fill(ADMIN.email);
  await byId('setup-password').fill('short');
  await byId('setup-submit').click();
  assert.equal(new URL(page.url()).pathname, '/setup', 'a too-short password must not submit');
  await byId('setup-password').fill(ADMIN.password);
  await byId('setup-submit').click();
  await byId('org-name').waitFor();
  assert.equal(await byId('org-name').innerText(), ADMIN.org);
  await byId('system-status').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="status-database-driver"]')?.textContent?.trim());
  assert.match(await byId('status-database-driver').innerText(), /pglite/i);
  assert.match(await byId('status-ai-engine').innerText(), /built-?in/i);
  await page.screenshot({ path: `${ARTIFACTS}/dashboard.png`, fullPage: true });
});

test('navigation reaches every page, including deep links after a reload', async () => {
  for (const [nav, path, marker] of [
    ['nav-compose', '/compose', 'compose-empty'],
    ['nav-analytics', '/analytics', 'analytics-empty'],
    ['nav-health', '/health', 'health-live'],
    ['nav-incidents', '/incidents', 'incidents-empty'],
    ['nav-settings', '/settings', 'api-keys-section'],
    ['nav-dashboard', '/', 'system-status'],
  ]) {
    await byId(nav).click();
    await page.waitForURL((u) => u.pathname === path);
    await byId(marker).waitFor();
  }
  await page.goto(product.url + '/settings');
  await byId('jobs-section').waitFor();
  await byId('ai-usage-empty').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/settings.png`, fullPage: true });
});

test('an admin sets brand hashtags that survive a reload', async () => {
  await byId('brand-tag-input').fill('AcmeLaunch');
  await byId('brand-tag-add').click();
  await byId('brand-save').click();
  await byId('brand-saved').waitFor();
  await page.reload();
  await byId('brand-tag').first().waitFor();
  assert.match(await byId('brand-section').innerText(), /#AcmeLaunch/);
});

test('sign out, then sign in again; a wrong password is explained', async () => {
  await byId('user-menu').click();
  await byId('sign-out').click();
  await page.waitForURL('**/login');
  await byId('login-email').fill(ADMIN.email);
  await byId('login-password').fill('wrong password!');
  await byId('login-submit').click();
  await byId('login-error').waitFor();
  assert.match(await byId('login-error').innerText(), /invalid email or password/i);
  await byId('login-password').fill(ADMIN.password);
  await byId('login-submit').click();
  await byId('org-name').waitFor();
});

test('an admin adds a member, who sees no admin pages', async () => {
  await page.goto(product.url + '/settings');
  await byId('new-user-name').fill('Max Member');
  await byId('new-user-email').fill('max@acme.example');
  await byId('new-user-password').fill('member pass 1');
  await byId('new-user-role').selectOption('member');
  await byId('new-user-submit').click();
  await byId('new-user-added').waitFor();

  await byId('user-menu').click();
  await byId('sign-out').click();
  await page.waitForURL('**/login');
  await byId('login-email').fill('max@acme.example');
  await byId('login-password').fill('member pass 1');
  await byId('login-submit').click();
  await byId('org-name').waitFor();
  assert.equal(await byId('nav-incidents').count(), 0);
  assert.equal(await byId('nav-settings').count(), 0);
  await page.goto(product.url + '/incidents');
  await page.waitForURL((u) => u.pathname !== '/incidents');
});

test('unknown /api paths stay JSON 404s while portal deep links load the app', async () => {
  const api = await fetch(product.url + '/api/nope');
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type') ?? '', /json/);
  const deep = await fetch(product.url + '/health');
  assert.equal(deep.status, 200);
  assert.match(await deep.text(), /<pp-root/);
});
