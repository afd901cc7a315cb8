// Evidence in a real browser, on the demo: a documenter uploads a photo attached to an
// incident, sees its SHA-256 (checked here against Node's own hash) and BLAKE3, and its
// custody chain (receipt, then this view); a file whose content is not what its name
// says comes back with the reason; the page reads in Persian. Then a search in the
// Persian interface, typed with Arabic letter forms, finds a Persian source. Screenshots go to
// target/browser-artifacts/; any console error, uncaught exception or CSP violation
// fails the test.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';

import {
  artifactPath, launchBrowser, login, newPage, startServer, switchLanguage,
} from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function text(page) {
  return (await page.locator('main').innerText()).replace(/[\u2068\u2069]/g, '');
}

async function submit(page, form) {
  await Promise.all([page.waitForEvent('load'), form.locator('button[type="submit"]').first().click()]);
}

// A few bytes that sniff as PNG.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('browser evidence test pixels'),
]);

async function fill(form, name, buffer) {
  await form.locator('select[name="target_type"]').selectOption('incident');
  await form.locator('input[name="target_id"]').fill('1');
  await form.locator('input[name="received_on"]').fill('2024-03-20');
  await form.locator('input[name="received_from"]').fill('Browser witness');
  await form.locator('select[name="received_how"]').selectOption('messaging_app');
  await form.locator('input[name="file"]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('evidence: upload, see the hashes and the custody chain', { timeout: 240_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    await login(page, server.url, server.users.documenter);
    await page.goto(`${server.url}/documentation/evidence`);
    let form = page.locator('form[action="/documentation/evidence"]');

    // A PNG named .pdf is refused with the reason.
    await fill(form, 'report.pdf', png);
    await submit(page, form);
    assert.equal(new URL(page.url()).pathname, '/documentation/evidence');
    assert.match(await text(page), /not what its name says/);

    form = page.locator('form[action="/documentation/evidence"]');
    await fill(form, 'scene.png', png);
    await submit(page, form);
    assert.match(new URL(page.url()).pathname, /^\/documentation\/evidence\/\d+$/, 'the file page');
    const sha = createHash('sha256').update(png).digest('hex');
    assert.equal((await page.locator('#sha256').innerText()).trim(), sha);
    assert.match((await page.locator('#blake3').innerText()).trim(), /^[0-9a-f]{64}$/);
    const custody = await page.locator('#custody tbody').innerText();
    assert.match(custody, /received/);
    assert.match(custody, /viewed/);
    assert.match(await text(page), /Browser witness/);
    await page.screenshot({ path: artifactPath('evidence-file.png'), fullPage: true });

    await switchLanguage(page, 'fa');
    assert.match(await page.locator('#custody').innerText(), /دریافت شد/);
    await page.screenshot({ path: artifactPath('evidence-file-fa.png'), fullPage: true });

    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('evidence-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  browser problems: ${JSON.stringify(problems, null, 2)}`
      + `\n  server output:\n${server.output()}`;
    throw e;
  } finally {
    await context.close();
  }
});

test('search: in Persian, a word typed with Arabic letter forms finds the Persian text', { timeout: 240_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    await login(page, server.url, server.users.documenter);
    // A Persian source: «موشکی» with Persian keheh and yeh.
    await page.goto(`${server.url}/documentation/sources`);
    const source = page.locator('form[action="/documentation/sources"]');
    await source.locator('input[name="title"]').fill('گزارش حملهٔ موشکی به کمپ لیبرتی');
    await source.locator('input[name="publisher"]').fill('unami');
    await source.locator('input[name="language"]').fill('fa');
    await source.locator('select[name="affiliation"]').selectOption('official');
    await source.locator('select[name="reliability"]').selectOption('B');
    await source.locator('textarea[name="reliability_reason"]').fill('UN mission');
    await submit(page, source);
    assert.match(new URL(page.url()).pathname, /^\/documentation\/sources\/\d+$/);

    await switchLanguage(page, 'fa');
    await page.goto(`${server.url}/documentation/search`);
    const form = page.locator('form[role="search"]');
    // «موشكي» typed with Arabic kaf and yeh.
    await form.locator('input[name="q"]').fill('موشكي');
    await submit(page, form);
    const hits = page.locator('#hits li');
    assert.equal(await hits.count(), 1);
    assert.equal((await hits.first().locator('mark').innerText()).trim(), 'موشکی');
    assert.match(await hits.first().innerText(), /لیبرتی/);
    await page.screenshot({ path: artifactPath('search-fa.png'), fullPage: true });
    await Promise.all([page.waitForEvent('load'), hits.first().locator('a').click()]);
    assert.match(new URL(page.url()).pathname, /^\/documentation\/sources\/\d+$/);

    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('search-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  browser problems: ${JSON.stringify(problems, null, 2)}`
      + `\n  server output:\n${server.output()}`;
    throw e;
  } finally {
    await context.close();
  }
});
