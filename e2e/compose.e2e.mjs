// Compose with AI in a real browser, builtin engine: write → optimize → use it → add two hashtags → save → reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, launchBrowser, startProduct } from './support.mjs';

let product;
let browser;
let page;
const ADMIN = { org: 'Acme Marketing', name: 'Ada Admin', email: 'ada@acme.example', password: 'correct horse 1' };
const POST =
  'we just launched our new scheduling tool for social media teams. it plans posts for every platform and ' +
  'saves marketing managers hours every week';

before(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
});

after(async () => {
  await browser?.close();
  await product?.stop();
});

const byId = (id) => page.locator(`[data-testid="${id}"]`);
let savedText;
let addedTags;

test('sign up through setup and open Compose', async () => {
  await page.goto(product.url + '/setup');
  await byId('setup-organization-name').fill(ADMIN.org);
  await byId('setup-name').fill(ADMIN.name);
  await byId('setup-email').fill(ADMIN.email);
  await byId('setup-password').fill(ADMIN.password);
  await byId('setup-submit').click();
  await byId('org-name').waitFor();
  await byId('nav-compose').click();
  await page.waitForURL((u) => u.pathname === '/compose');
  await byId('compose-empty').waitFor();
});

test('type a post: the counter follows the platform', async () => {
  await byId('compose-content').fill(POST);
  assert.match(await byId('compose-counter').innerText(), new RegExp(`${POST.length} / 280`));
  await byId('compose-platform').selectOption('linkedin');
  assert.match(await byId('compose-counter').innerText(), /\/ 3000/);
  await byId('compose-platform').selectOption('twitter');
});

test('optimize with the builtin engine and use that version', async () => {
  await byId('ai-optimize').click();
  await byId('ai-optimized-text').waitFor();
  assert.equal((await byId('ai-engine').first().innerText()).trim(), 'Built-in engine');
  const before = Number(await byId('ai-score-before').locator('[role="progressbar"]').getAttribute('aria-valuenow'));
  const afterScore = Number(await byId('ai-score-after').locator('[role="progressbar"]').getAttribute('aria-valuenow'));
  assert.ok(before >= 0 && before <= 100 && afterScore >= 0 && afterScore <= 100, `scores ${before} → ${afterScore}`);
  const optimized = await byId('ai-optimized-text').innerText();
  assert.notEqual(optimized.trim(), '');
  await byId('ai-use-version').click();
  // The page re-renders after the click: wait for it rather than reading the old label.
  await byId('ai-use-version').filter({ hasText: /^\s*In use\s*$/ }).waitFor();
  assert.equal((await byId('compose-content').inputValue()).trim(), optimized.trim());
});

test('add two suggested hashtags from the pills', async () => {
  await byId('ai-hashtags').click();
  await byId('hashtag-pill').first().waitFor();
  const free = page.locator('[data-testid="hashtag-pill"]:not([disabled])');
  assert.ok((await free.count()) >= 2, 'at least two hashtags to add');
  addedTags = [];
  for (let i = 0; i < 2; i++) {
    const pill = free.first();
    const tag = await pill.getAttribute('data-tag');
    await pill.click();
    await page.locator(`[data-testid="hashtag-pill"][data-tag="${tag}"][aria-pressed="true"]`).waitFor();
    addedTags.push(tag);
  }
  const text = await byId('compose-content').inputValue();
  for (const tag of addedTags) assert.ok(text.includes(tag), `${tag} is in the post`);
  savedText = text;
});

test('save the draft; after a reload the text and its hashtags are still there', async () => {
  await byId('draft-save').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-status"]')?.textContent?.includes('All changes saved'));
  assert.equal(await byId('draft-item').count(), 1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/compose.png`, fullPage: true });

  await page.reload();
  await byId('draft-item').waitFor();
  assert.equal(await byId('compose-content').inputValue(), savedText);
  const listed = await byId('draft-hashtags').innerText();
  for (const tag of addedTags) assert.ok(listed.includes(tag), `${tag} is saved with the draft`);
  await page.waitForFunction(() => document.querySelector('[data-testid="draft-status"]')?.textContent?.includes('All changes saved'));

  // Without this browser's working copy, the server's draft opens (the newest one).
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('postprober.compose.')).forEach((k) => localStorage.removeItem(k)));
  await page.reload();
  await byId('draft-item').waitFor();
  await page.waitForFunction((text) => document.querySelector('[data-testid="compose-content"]')?.value === text, savedText);
  await page.screenshot({ path: `${ARTIFACTS}/compose-reloaded.png`, fullPage: true });
});
