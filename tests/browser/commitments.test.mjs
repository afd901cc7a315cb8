// Agreements and commitments in a real browser, on the demo: the memorandum's
// commitments judged as of 1 September 2012 (the fourth group's generators partly
// met, the sunshades breached by the seizure at the gate); then a documenter records
// an agreement and a deadline commitment, sees it pending, adds a sourced observation
// that it was not kept, and sees it breached — and, picking an earlier day, pending;
// the report 'commitments and breaches' lists it with its source (and prints without
// its controls); a monitoring visit recorded through the form.
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

async function text(page) {
  return (await page.locator('main').innerText()).replace(/[\u2068\u2069]/g, '');
}

async function submit(page, form) {
  await Promise.all([page.waitForEvent('load'), form.locator('button[type="submit"]').first().click()]);
}

test('commitments: the promises of 2012, and a breach recorded in the browser', { timeout: 240_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    await login(page, server.url, server.users.documenter);
    await page.goto(`${server.url}/documentation/agreements`);
    assert.equal(await page.locator('main table tbody tr').count(), 7, 'the seven agreements of the demo');

    await page.locator('main table a', { hasText: /15 February 2012/ }).click();
    await page.waitForLoadState('load');
    await page.fill('#as_of', '2012-09-01');
    await submit(page, page.locator('form.inline-form'));
    const generators = page.locator('main table tbody tr', { hasText: /six generators/ });
    assert.match((await generators.innerText()).replace(/[\u2068\u2069]/g, ''), /Partly met \(33 %\)/, 'two of six generators');
    await page.screenshot({ path: artifactPath('agreement-february-2012.png'), fullPage: true });

    await page.goto(`${server.url}/documentation/agreements`);
    await page.locator('main table a', { hasText: /12 June 2012/ }).click();
    await page.waitForLoadState('load');
    await page.locator('main table a', { hasText: /sunshades/ }).click();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#status [data-status="breached"]').count(), 1);
    await page.locator('#status a[href^="/documentation/incidents/"]').click();
    await page.waitForLoadState('load');
    assert.match(await text(page), /Sunshade materials seized/, 'the breach links to the incident');

    // Record an agreement and a commitment, then breach it.
    await page.goto(`${server.url}/documentation/agreements`);
    const form = page.locator('form[action="/documentation/agreements"]');
    await form.locator('#title').fill('Browser understanding');
    await form.locator('#agreement_kind').selectOption('understanding');
    await form.locator('#made_on').fill('2013-01-10');
    await form.locator('#parties').fill('Government of Iraq');
    await submit(page, form);
    assert.match(await text(page), /Browser understanding/);
    const add = page.locator('form[action$="/commitments"]');
    await add.locator('#statement').fill('Fuel delivered to the camp');
    await add.locator('#owed_by').fill('GoI');
    await add.locator('#from').fill('2013-01-10');
    await add.locator('#term').selectOption('deadline');
    await add.locator('#due_on').fill('2013-02-01');
    await submit(page, add);
    const commitmentUrl = page.url().split('?')[0];
    assert.match(commitmentUrl, /\/documentation\/commitments\/\d+$/);

    await page.goto(`${commitmentUrl}?as_of=2013-01-20`);
    assert.equal(await page.locator('#status [data-status="pending"]').count(), 1, 'not yet due');

    const obs = page.locator('form[action$="/observations"]');
    await obs.locator('#observed_on').fill('2013-02-05');
    await obs.locator('#outcome').selectOption('not_fulfilled');
    await obs.locator('#source').selectOption({ index: 1 });
    await obs.locator('#note').fill('No fuel arrived');
    await submit(page, obs);
    await page.goto(`${commitmentUrl}?as_of=2013-03-01`);
    assert.equal(await page.locator('#status [data-status="breached"]').count(), 1, 'breached after the observation');
    assert.match(await text(page), /No fuel arrived/);
    assert.ok(await page.locator('#history tbody tr').count() >= 2, 'the history shows the change');
    await page.screenshot({ path: artifactPath('commitment-breached.png'), fullPage: true });

    // The same page on an earlier day.
    await page.fill('#as_of', '2013-01-20');
    await submit(page, page.locator('form.inline-form'));
    assert.equal(await page.locator('#status [data-status="pending"]').count(), 1, 'as of 20 January: pending');

    await switchLanguage(page, 'fa');
    await page.screenshot({ path: artifactPath('commitment-fa.png'), fullPage: true });
    await switchLanguage(page, 'en');

    // The report lists the breach with the observation and its graded source.
    const commitmentId = commitmentUrl.split('/').pop();
    await page.goto(`${server.url}/documentation/agreements`);
    await page.locator('#report-link').click();
    await page.waitForLoadState('load');
    await page.fill('#as_of', '2013-03-01');
    await submit(page, page.locator('form.inline-form'));
    const row = page.locator(`#commitment-${commitmentId}`);
    assert.equal(await row.getAttribute('data-status'), 'breached');
    const rowText = (await row.innerText()).replace(/[\u2068\u2069]/g, '');
    assert.match(rowText, /No fuel arrived/, 'the observation is stated');
    assert.match(rowText, /\[[A-F]\]/, 'its source with its grade');
    assert.equal(await row.locator(`a[href="/documentation/commitments/${commitmentId}#observation-"]`).count(), 0);
    assert.ok(await row.locator(`a[href^="/documentation/commitments/${commitmentId}#observation-"]`).count() >= 1, 'linked to the observation');
    assert.ok(await row.locator('a[href^="/documentation/sources/"]').count() >= 1, 'linked to the source');
    assert.ok(await page.locator('main svg').count() >= 2, 'the charts are drawn');
    assert.equal(await page.locator('#report-csv').getAttribute('href'), '/documentation/commitments-report.csv?as_of=2013-03-01');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('form.inline-form').isVisible(), false, 'no controls on paper');
    await page.screenshot({ path: artifactPath('commitments-report-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // A monitoring visit recorded through the form counts for the UN's presence term.
    await page.goto(`${server.url}/documentation/agreements`);
    await page.locator('#visits-link').click();
    await page.waitForLoadState('load');
    const visits = await page.locator('#visits tbody tr').count();
    assert.ok(visits > 100, 'the demo visits');
    const vf = page.locator('#visit-form');
    await vf.locator('#organisation').fill('UNAMI');
    await vf.locator('#site').selectOption('LIBERTY');
    await vf.locator('#arrival').fill('2014-07-01T09:00');
    await vf.locator('#departure').fill('2014-07-01T17:00');
    await vf.locator('#monitors').fill('3');
    await submit(page, vf);
    assert.match(page.url(), /\/documentation\/visits\/\d+$/);
    const visitText = await text(page);
    assert.match(visitText, /UN Assistance Mission for Iraq/);
    assert.match(visitText, /round the clock/, 'it counts for the presence commitment');
    await page.screenshot({ path: artifactPath('visit.png'), fullPage: true });

    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('commitments-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  browser problems: ${JSON.stringify(problems, null, 2)}`
      + `\n  server output:\n${server.output()}`;
    throw e;
  } finally {
    await context.close();
  }
});
