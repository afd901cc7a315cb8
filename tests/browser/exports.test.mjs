// Exports in a real browser: the redacted registry file holds codes and no names; an
// export with personal data is requested by one registrar, cannot be approved by the
// same one, is approved by a second registrar, downloaded once by the first, and the
// file opens with the recipient's `age` key (Debian's age) and nothing else.
// Screenshots go to target/browser-artifacts/.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { artifactPath, launchBrowser, login, newPage, startServer } from './helpers.mjs';

let server;
let browser;
let tmp;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-exports-'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Signs in as `user` in a fresh context and runs `f(page)`, with a screenshot on failure. */
async function as(user, name, f) {
  const session = await newPage(browser);
  const { page } = session;
  try {
    await login(page, server.url, user);
    await f(page);
    assert.deepEqual(session.problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath(`${name}-failure.png`), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  problems: ${JSON.stringify(session.problems)}\n  server:\n${server.output()}`;
    throw e;
  } finally {
    await session.context.close();
  }
}

test('exports: redacted file, then a personal-data export with two registrars and age', { timeout: 240_000 }, async () => {
  const keyFile = path.join(tmp, 'recipient.key');
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
  const recipient = fs.readFileSync(keyFile, 'utf8').match(/public key: (age1[0-9a-z]+)/)[1];
  const purpose = `Browser test handover ${Date.now()}`;

  await as(server.users.registrar, 'exports-request', async (page) => {
    // The redacted registry: codes and HXL tags, no personal columns.
    await page.goto(`${server.url}/registry/exports`);
    const redacted = await page.request.get(`${server.url}/registry/people/export.csv?site=LIBERTY`);
    assert.equal(redacted.status(), 200);
    const csv = await redacted.text();
    const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    assert.match(header, /code/, 'the redacted file has codes');
    assert.doesNotMatch(header, /name|document|phone|birth_date/, 'and no personal columns');
    assert.match(csv, /VG-[0-9A-Z]{4}-[0-9A-Z]{2}/);

    // Request an export with personal data.
    await page.selectOption('#x-site', 'LIBERTY');
    await page.fill('#x-recipient', recipient);
    await page.fill('#x-purpose', purpose);
    await page.click('form[action="/registry/exports"] button[type="submit"]');
    await page.waitForLoadState('load');
    const row = page.locator('tr', { hasText: purpose });
    await row.waitFor();
    // The requester cannot approve their own request: the page offers them no button.
    assert.equal(await row.locator('form[action$="/approve"]').count(), 0, 'no self-approval');
    await page.screenshot({ path: artifactPath('exports-requested.png'), fullPage: true });
  });

  await as(server.users.second_registrar, 'exports-approve', async (page) => {
    await page.goto(`${server.url}/registry/exports`);
    const row = page.locator('tr', { hasText: purpose });
    await row.locator('form[action$="/approve"] button').click();
    await page.waitForLoadState('load');
    await page.locator('tr', { hasText: purpose }).waitFor();
    assert.equal(
      await page.locator('tr', { hasText: purpose }).locator('form[action$="/approve"]').count(), 0,
      'approved once, the button is gone');
  });

  await as(server.users.registrar, 'exports-download', async (page) => {
    await page.goto(`${server.url}/registry/exports`);
    const row = page.locator('tr', { hasText: purpose });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.locator('form[action$="/download"] button').click(),
    ]);
    const file = path.join(tmp, 'export.age');
    await download.saveAs(file);
    const head = fs.readFileSync(file).subarray(0, 21).toString('latin1');
    assert.equal(head, 'age-encryption.org/v1', 'the file is an age file');
    const plain = execFileSync('age', ['-d', '-i', keyFile, file]).toString('utf8');
    assert.match(plain, /name_latin/, 'it opens with the recipient key and holds personal columns');
    assert.match(plain, /VG-[0-9A-Z]{4}-[0-9A-Z]{2}/);

    // A download happens once.
    await page.goto(`${server.url}/registry/exports`);
    assert.equal(
      await page.locator('tr', { hasText: purpose }).locator('form[action$="/download"]').count(), 0,
      'downloaded once, the button is gone');
    await page.screenshot({ path: artifactPath('exports-downloaded.png'), fullPage: true });
  });
});
