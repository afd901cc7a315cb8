// Convoys in a real browser, on the demo: the 2012 convoys from Ashraf to Liberty show
// their shortfalls (the fourth group's generators, the fifth group's utility trucks);
// a registrar then lists a household still at Ashraf on a new convoy, enters a
// manifest line, completes the convoy, and finds "convoy N" in the person's history.
// Screenshots go to target/browser-artifacts/; any console error, uncaught exception
// or CSP violation fails the test.

import assert from 'node:assert/strict';
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

/** The page's visible text without the bidi isolation marks around placeables. */
async function text(page) {
  return (await page.locator('main').innerText()).replace(/[\u2068\u2069]/g, '');
}

async function submit(page, form) {
  await Promise.all([page.waitForEvent('load'), form.locator('button[type="submit"]').first().click()]);
}

test('convoys: shortfalls of 2012, and a convoy completed in the browser', { timeout: 240_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    await login(page, server.url, server.users.registrar);
    await page.goto(`${server.url}/registry/convoys`);
    const rows = page.locator('main table tbody tr');
    assert.equal(await rows.count(), 7, 'the seven convoys of 2012');
    await page.screenshot({ path: artifactPath('convoys-list.png'), fullPage: true });

    await page.locator('main table a', { hasText: /^4$/ }).click();
    await page.waitForLoadState('load');
    let body = await text(page);
    assert.match(body, /Generators: 6 agreed, 2 allowed/, 'the fourth group: two of six generators');
    assert.equal(await page.locator('tr.shortfall').count() >= 1, true, 'shortfall rows are marked');
    await page.screenshot({ path: artifactPath('convoy-4.png'), fullPage: false });

    await page.goto(`${server.url}/registry/convoys`);
    await page.locator('main table a', { hasText: /^5$/ }).click();
    await page.waitForLoadState('load');
    assert.match(await text(page), /Utility trucks: 6 agreed, 0 allowed/, 'the fifth group: trucks turned back');

    // Someone still at Ashraf goes on a new convoy.
    await page.goto(`${server.url}/registry/people?site=ASHRAF&status=present`);
    const code = (await page.locator('main a[href^="/registry/people/"]', { hasText: /^VG-/ }).first().innerText()).trim();
    await page.goto(`${server.url}/registry/convoys`);
    const create = page.locator('form[action="/registry/convoys"]');
    await create.locator('select[name="origin"]').selectOption('ASHRAF');
    await create.locator('select[name="destination"]').selectOption('LIBERTY');
    await create.locator('input[name="planned_on"]').fill('2013-09-11');
    await submit(page, create);
    assert.match(new URL(page.url()).pathname, /^\/registry\/convoys\/\d+$/, 'the new convoy page');
    const convoyPage = page.url();

    const add = page.locator('form[action$="/people"]');
    await add.locator('input[name="code"]').fill(code);
    await submit(page, add);
    assert.match(await text(page), /Added to the convoy/);

    await page.locator('summary', { hasText: 'Add a manifest line' }).click();
    const line = page.locator('form[action$="/manifest"]');
    await line.locator('input[name="item"]').fill('Generators');
    await line.locator('input[name="agreed"]').fill('6');
    await line.locator('input[name="allowed"]').fill('2');
    await line.locator('input[name="agreed_source"]').fill('Browser test');
    await submit(page, line);
    assert.match(await text(page), /Generators: 6 agreed, 2 allowed/);

    const complete = page.locator('form[action$="/complete"]');
    const listed = await complete.locator('input[name="left"]').getAttribute('placeholder');
    await complete.locator('input[name="arrived_on"]').fill('2013-09-11');
    await complete.locator('input[name="arrived"]').fill(listed);
    await submit(page, complete);
    body = await text(page);
    assert.match(body, /The convoy is completed/, 'completion is confirmed');
    assert.equal(await page.locator('form[action$="/complete"]').count(), 0, 'no second completion form');
    await page.screenshot({ path: artifactPath('convoy-completed.png'), fullPage: true });

    const seq = (await page.locator('h1').innerText()).match(/\d+/)[0];
    await page.locator('main a[href^="/registry/people/"]', { hasText: code }).click();
    await page.waitForLoadState('load');
    assert.match(await text(page), new RegExp(`convoy ${seq}`), "the person's history names the convoy");

    await page.goto(convoyPage);
    await switchLanguage(page, 'fa');
    await page.screenshot({ path: artifactPath('convoy-completed-fa.png'), fullPage: true });

    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('convoys-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  browser problems: ${JSON.stringify(problems, null, 2)}`
      + `\n  server output:\n${server.output()}`;
    throw e;
  } finally {
    await context.close();
  }
});
