// The registry in a real browser: a registrar registers a person (their page shows a
// code and, on request, the personal data), imports a file with errors and reads the
// report (nothing is written), looks at a camp's population charts; an analyst then
// reads the registry and sees codes only, never names. Screenshots go to
// target/browser-artifacts/.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { ROOT, artifactPath, launchBrowser, login, newPage, startServer } from './helpers.mjs';

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

const CANARY = 'Browser Canary Ferdowsi';

test('registry: register, import with errors, charts, analyst sees codes only', { timeout: 240_000 }, async () => {
  const reg = await newPage(browser);
  const { page } = reg;
  let code;
  try {
    await login(page, server.url, server.users.registrar);

    // Register a person.
    await page.goto(`${server.url}/registry/people/new`);
    await page.fill('input[name="name_latin"]', CANARY);
    await page.fill('input[name="name_original"]', 'فردوسی آزمون');
    await page.fill('input[name="birth_date"]', '۱۹۹۰-۰۴-۱۲');
    await page.selectOption('select[name="sex"]', 'female');
    await page.selectOption('select[name="site"]', 'LIBERTY');
    await page.click('form[action="/registry/people"] button[type="submit"]');
    await page.waitForLoadState('load');
    code = (await page.locator('h1 bdi').textContent()).trim();
    assert.match(code, /^VG-[0-9A-Z]{4}-[0-9A-Z]{2}$/, 'the new person has a public code');
    assert.ok(!(await page.content()).includes(CANARY), 'the name is not shown until asked for');
    await page.click('a[href$="/personal"]');
    await page.waitForLoadState('load');
    assert.ok((await page.content()).includes(CANARY), 'the registrar can open the personal data');
    await page.screenshot({ path: artifactPath('person.png'), fullPage: true });

    // Import a file with errors: the report names rows, nothing is written.
    await page.goto(`${server.url}/registry/import`);
    const bad = path.join(ROOT, 'tests/fixtures/import/with-errors.csv');
    assert.ok(fs.existsSync(bad));
    await page.setInputFiles('input[name="file"]', bad);
    await page.click('form[action="/registry/import"] button[type="submit"]');
    await page.waitForLoadState('load');
    const report = await page.locator('.import-report').textContent();
    assert.match(report, /Nothing was imported/, 'the report says nothing was imported');
    assert.ok(await page.locator('.import-report table tbody tr').count() > 0, 'rejected rows are listed');
    await page.screenshot({ path: artifactPath('import-report.png'), fullPage: true });

    // A camp's page with its population charts.
    await page.goto(`${server.url}/registry/sites`);
    await page.click('a:has-text("LIBERTY")');
    await page.waitForLoadState('load');
    assert.ok(await page.locator('figure.chart svg').count() >= 2, 'pyramid and line chart are drawn');
    await page.screenshot({ path: artifactPath('site.png'), fullPage: true });
    assert.deepEqual(reg.problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('registry-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  problems: ${JSON.stringify(reg.problems)}\n  server:\n${server.output()}`;
    throw e;
  } finally {
    await reg.context.close();
  }

  // The analyst reads the registry: codes, never names; no personal-data link.
  const an = await newPage(browser);
  try {
    await login(an.page, server.url, server.users.analyst);
    await an.page.goto(`${server.url}/registry/people?code=${code}`);
    const html = await an.page.content();
    assert.ok(html.includes(code), 'the analyst finds the person by code');
    assert.ok(!html.includes(CANARY), 'no name in the analyst view');
    await an.page.click(`a:has-text("${code}")`);
    await an.page.waitForLoadState('load');
    assert.equal(await an.page.locator('a[href$="/personal"]').count(), 0, 'no way to personal data');
    const res = await an.page.goto(`${server.url}${new URL(an.page.url()).pathname}/personal`);
    assert.equal(res.status(), 403, 'the personal view is refused to an analyst');
    await an.page.screenshot({ path: artifactPath('analyst-person.png'), fullPage: true });
  } finally {
    await an.context.close();
  }
});
