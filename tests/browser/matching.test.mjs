// Duplicates and the watch list in a real browser, on the demo: the registrar works
// the queue — a watch-list match shows its category and never the listed name, the
// personal data of both records opens on request, a pair with the same document is
// merged and the absorbed record's page then leads to the kept one — and the admin
// reads the watch list and sees whom an entry matched. Screenshots go to
// target/browser-artifacts/.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { artifactPath, launchBrowser, login, newPage, startServer, switchLanguage } from './helpers.mjs';

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

// The demo's watch-list entry (src/demo/matching.rs); its person registered as "Nadir Ardebili".
const LISTED = 'Nader Ardabili';

test('matching: the queue, a merge, and the watch list', { timeout: 240_000 }, async () => {
  const reg = await newPage(browser);
  const { page } = reg;
  try {
    await login(page, server.url, server.users.registrar);
    await page.goto(`${server.url}/registry/matches`);
    assert.equal(await page.locator('h1').textContent(), 'Possible duplicates');
    await page.screenshot({ path: artifactPath('matches.png'), fullPage: false });

    // The watch-list match: category only, even with the personal data open.
    await page.click('a[href$="reason=watch_list"]');
    await page.waitForLoadState('load');
    const watchRow = page.locator('tbody tr', { hasText: 'Name on the watch list' }).first();
    await watchRow.locator('a.button').click();
    await page.waitForLoadState('load');
    assert.ok((await page.content()).includes('Infiltrator'), 'the category is shown');
    await page.click('a[href$="/personal"]');
    await page.waitForLoadState('load');
    const watchPage = await page.content();
    assert.ok(watchPage.includes('Nadir Ardebili'), 'the person\'s own name opens');
    assert.ok(!watchPage.includes(LISTED), 'the listed name never reaches a registrar');
    await page.screenshot({ path: artifactPath('match-watch.png'), fullPage: true });

    // A pair with the same document: compare, then merge.
    await page.goto(`${server.url}/registry/matches?reason=document`);
    const docRow = page.locator('tbody tr', { hasText: 'Same document number' }).first();
    const absorbed = (await docRow.locator('td').nth(3).locator('a').textContent()).trim();
    await docRow.locator('a.button').click();
    await page.waitForLoadState('load');
    await page.click('a[href$="/personal"]');
    await page.waitForLoadState('load');
    assert.ok((await page.locator('.facts.personal').count()) === 2, 'both records\' personal data');
    await page.check('input[name="decision"][value="same"]');
    await page.fill('input[name="reason"]', 'same document seen; photographs compared');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/registry/matches', { waitUntil: 'load' }),
      page.click('form[action$="/decide"] button[type="submit"]'),
    ]);
    assert.equal((await page.locator('#flash').textContent()).trim(), 'The records were merged.');

    // The absorbed record's code leads to the kept one, which names it.
    await page.goto(`${server.url}/registry/people?code=${absorbed}`);
    await page.locator('tbody a').first().click();
    await page.waitForLoadState('load');
    assert.ok(!(await page.locator('h1').textContent()).includes(absorbed), 'the kept code is shown');
    assert.ok((await page.content()).includes(absorbed), 'the kept record lists the merged code');

    await switchLanguage(page, 'fa');
    await page.goto(`${server.url}/registry/matches`);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.screenshot({ path: artifactPath('matches-fa.png'), fullPage: false });
    assert.deepEqual(reg.problems, [], 'no console errors or CSP violations');
  } finally {
    await reg.context.close();
  }

  const adm = await newPage(browser);
  try {
    await login(adm.page, server.url, server.users.admin);
    await adm.page.goto(`${server.url}/admin/watchlist`);
    const list = await adm.page.content();
    assert.ok(list.includes(LISTED), 'the admin reads the list');
    await adm.page.click(`a:has-text("${LISTED}")`);
    await adm.page.waitForLoadState('load');
    const hits = await adm.page.locator('table tbody tr').count();
    assert.ok(hits >= 1, 'the entry page lists whom it matched');
    await adm.page.screenshot({ path: artifactPath('watch-entry.png'), fullPage: true });
    assert.deepEqual(adm.problems, [], 'no console errors or CSP violations');
  } finally {
    await adm.context.close();
  }
});
