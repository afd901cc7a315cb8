// Evidence in a real browser, on the demo: a documenter uploads a photo attached to an
// incident, sees its SHA-256 (checked here against Node's own hash) and BLAKE3, and its
// custody chain (receipt, then this view); a file whose content is not what its name
// says comes back with the reason; the page reads in Persian. From the incident's page
// the documenter downloads the court bundle for an age key made here with
// `age-keygen`: the file is age-encrypted, Debian's `age` opens it with that key, and
// `sha256sum -c` and `b3sum --check` accept the unpacked bundle, which holds the
// uploaded bytes; the file's custody then shows the export. Then a search in the
// Persian interface, typed with Arabic letter forms, finds a Persian source. Screenshots go to
// target/browser-artifacts/; any console error, uncaught exception or CSP violation
// fails the test.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

test('evidence: upload, see the hashes and the custody chain, export a bundle', { timeout: 240_000 }, async () => {
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

    const fileUrl = page.url();
    const evidenceId = new URL(fileUrl).pathname.split('/').pop();

    await switchLanguage(page, 'fa');
    assert.match(await page.locator('#custody').innerText(), /دریافت شد/);
    await page.screenshot({ path: artifactPath('evidence-file-fa.png'), fullPage: true });
    await switchLanguage(page, 'en');

    // The court bundle of incident 1, for a key only this test holds.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-bundle-'));
    try {
      const keyFile = path.join(tmp, 'recipient.key');
      execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
      const recipient = fs.readFileSync(keyFile, 'utf8').match(/public key: (age1[0-9a-z]+)/)[1];
      await page.goto(`${server.url}/documentation/incidents/1`);
      const bundle = page.locator('form[action="/documentation/incidents/1/bundle"]');
      await bundle.locator('input[name="recipient"]').fill(recipient);
      await page.screenshot({ path: artifactPath('evidence-bundle-form.png'), fullPage: true });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        bundle.locator('button[type="submit"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'vigil-bundle-incident-1.tar.age');
      const sealed = path.join(tmp, 'bundle.tar.age');
      await download.saveAs(sealed);
      assert.equal(fs.readFileSync(sealed).subarray(0, 21).toString('latin1'), 'age-encryption.org/v1',
        'the bundle is an age file');
      const tar = path.join(tmp, 'bundle.tar');
      execFileSync('age', ['-d', '-i', keyFile, '-o', tar, sealed], { stdio: 'pipe' });
      execFileSync('tar', ['-xf', tar, '-C', tmp], { stdio: 'pipe' });
      const root = path.join(tmp, 'vigil-bundle-incident-1');
      const sums = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: root }).toString();
      assert.match(sums, new RegExp(`files/${evidenceId}-scene\\.png: OK`));
      execFileSync('b3sum', ['--check', 'B3SUMS'], { cwd: root, stdio: 'pipe' });
      assert.deepEqual(fs.readFileSync(path.join(root, 'files', `${evidenceId}-scene.png`)), png,
        'the bundle holds the uploaded bytes');
      assert.ok(fs.existsSync(path.join(root, 'incident.json')));
      assert.ok(fs.existsSync(path.join(root, 'custody.jsonl')));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }

    // Making the bundle is in the file's chain of custody.
    await page.goto(fileUrl);
    assert.match(await page.locator('#custody tbody').innerText(), /exported in a court bundle/);
    await page.screenshot({ path: artifactPath('evidence-custody-exported.png'), fullPage: true });

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
