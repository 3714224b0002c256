// Health in a real browser against the platform simulator: X goes down → the bell and the Health page show it
// without a reload → X recovers → the incident shows as resolved, still without a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, launchBrowser, startProduct, startSim } from './support.mjs';

let sim;
let product;
let browser;
let page;
const ADMIN = { org: 'Acme Marketing', name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse 1' };
const MONITOR = 'X API (simulated)';
const PLATFORMS = ['twitter', 'linkedin', 'instagram', 'facebook'];
let monitorId;

before(async () => {
  sim = await startSim();
  product = await startProduct({
    MONITOR_ALLOW_PRIVATE: 'true',
    MONITOR_MIN_INTERVAL_SECONDS: '1',
    HEALTH_SWEEP_TICK_MS: '250',
    // The default status-page monitors every organization gets: on the simulator, not the internet.
    ...Object.fromEntries(PLATFORMS.map((p) => [`STATUS_PAGE_URL_${p.toUpperCase()}`, sim.statusPage(p)])),
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
});

after(async () => {
  await browser?.close();
  await product?.stop();
  await sim?.stop();
});

const byId = (id) => page.locator(`[data-testid="${id}"]`);
const ourCard = () => byId('monitor-card').filter({ hasText: MONITOR });
// Only the simulated X API goes down: every incident on the page is about it.
const ourIncident = () => byId('incident-row');
/** Set once Health is open; still there at the end means the page never reloaded. */
const MARK = '__healthE2eNoReload';

/** The portal's JWT, where TokenStorage keeps it. */
const token = () => page.evaluate(() => JSON.parse(localStorage.getItem('postprober.auth') ?? 'null')?.token);

async function api(method, path, body) {
  const res = await fetch(product.url + path, {
    method,
    headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text === '' ? null : JSON.parse(text);
}

test('set up an admin and add an X platform-api monitor on the Monitors page', async () => {
  await page.goto(product.url + '/setup');
  await byId('setup-organization-name').fill(ADMIN.org);
  await byId('setup-name').fill(ADMIN.name);
  await byId('setup-email').fill(ADMIN.email);
  await byId('setup-password').fill(ADMIN.password);
  await byId('setup-submit').click();
  await byId('org-name').waitFor();

  await byId('nav-health').click();
  await byId('manage-monitors').click();
  await page.waitForURL((u) => u.pathname === '/health/monitors');
  await byId('monitor-add').click();
  await byId('monitor-form').waitFor();
  await byId('monitor-name').fill(MONITOR);
  await byId('monitor-platform').selectOption('twitter');
  await byId('monitor-kind').selectOption('platform-api');
  await byId('monitor-url').fill(`${sim.url}/x/2/users/me`);
  await byId('monitor-access-token').fill('demo-access-token');
  await byId('monitor-timeout-ms').fill('900'); // below the 1 s interval it gets below
  // Created disabled: the form's minimum interval is 30 s; it is enabled below with a 1 s interval.
  await byId('monitor-enabled').uncheck();
  await byId('monitor-save').click();
  const row = byId('monitor-row').filter({ hasText: MONITOR });
  await row.waitFor();
  assert.match(await row.innerText(), /Disabled/);

  const mine = (await api('GET', '/api/monitors')).find((m) => m.name === MONITOR);
  assert.ok(mine, 'the monitor saved through the form is listed by the API');
  assert.equal(mine.kind, 'platform-api');
  assert.equal(mine.has_access_token, true);
  assert.equal(mine.access_token, undefined, 'the token is never returned');
  monitorId = mine.id;
  // Enabling puts it on the next sweep; from then on it is checked every second.
  await api('PATCH', `/api/monitors/${monitorId}`, { interval_seconds: 1, enabled: true });
});

test('Health is live and shows the monitor healthy', async () => {
  await byId('nav-health').click();
  await page.waitForURL((u) => u.pathname === '/health');
  await page.evaluate((mark) => (window[mark] = true), MARK);
  await page.locator('[data-testid="health-live"].mode-live').waitFor();
  await ourCard().locator('[data-testid="monitor-status"]', { hasText: 'Healthy' }).waitFor({ timeout: 20_000 });
  assert.equal(await byId('alerts-badge').count(), 0, 'no unread alerts while everything is healthy');
});

test('X goes down: the bell, the card and an ongoing incident appear without a reload', async () => {
  await sim.set('twitter', { down: '503' });

  await byId('alerts-badge').waitFor({ timeout: 20_000 });
  assert.ok(Number(await byId('alerts-badge').innerText()) >= 1, 'the badge counts the unread alert');
  await ourCard().locator('[data-testid="monitor-status"]', { hasText: 'Down' }).waitFor({ timeout: 20_000 });
  assert.match(await ourCard().locator('[data-testid="monitor-http"]').innerText(), /503/);
  await ourIncident().filter({ hasText: 'Ongoing' }).waitFor({ timeout: 20_000 });
  assert.equal(await ourIncident().count(), 1, 'exactly one incident for the outage');
  assert.match(await ourIncident().innerText(), /Critical/);
  assert.ok(await page.evaluate((mark) => window[mark] === true, MARK), 'the page was not reloaded');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/health-down.png`, fullPage: true });

  await byId('alerts-bell').click();
  const opened = byId('alert-item').first();
  await opened.waitFor();
  assert.match(await opened.innerText(), /critical/i);
  assert.match(await opened.innerText(), /X \(Twitter\)/);
  await page.screenshot({ path: `${ARTIFACTS}/alerts-dropdown.png` });
  await byId('alerts-bell').click();
  await byId('alerts-dropdown').waitFor({ state: 'detached' });
});

test('X recovers: the incident shows as resolved without a reload', async () => {
  await sim.set('twitter', { down: false });

  await ourIncident().filter({ hasText: 'Resolved' }).waitFor({ timeout: 20_000 });
  assert.equal(await ourIncident().count(), 1, 'the same incident, now resolved');
  assert.equal(await byId('incident-row').filter({ hasText: 'Ongoing' }).count(), 0);
  await ourCard().locator('[data-testid="monitor-status"]', { hasText: 'Healthy' }).waitFor({ timeout: 20_000 });
  // Opened and resolved: two unread alerts, pushed over the socket.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="alerts-badge"]')?.textContent) >= 2);
  assert.ok(await page.evaluate((mark) => window[mark] === true, MARK), 'the page was not reloaded');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/health-resolved.png`, fullPage: true });

  const { items } = await api('GET', '/api/incidents');
  const ours = items.filter((i) => i.monitor_id === monitorId);
  assert.equal(ours.length, 1, 'the API also holds exactly one incident for the monitor');
  assert.equal(ours[0].status, 'resolved');
});
