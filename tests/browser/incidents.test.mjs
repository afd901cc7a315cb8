// Incidents in a real browser, on the demo: a documenter records an incident with two
// sources that disagree on the death toll (their claims typed in the form that records
// it), sees both figures side by side with their grades, accepts one with a reason,
// then filters the timeline and finds it there, on a map vigil draws itself. It also
// corrects the incident (the earlier version kept and shown) and retracts one claim
// with a reason. Screenshots go to target/browser-artifacts/; any console error,
// uncaught exception or CSP violation fails the test.

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

test('incidents: two sources that disagree, side by side, then the timeline', { timeout: 240_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    await login(page, server.url, server.users.documenter);

    // The demo's April 2011 raid: the seeds' one toll, and two sources that date it
    // differently (May in the press report, April for the residents' advocates).
    await page.goto(`${server.url}/documentation/incidents`);
    await page.locator('main table a', { hasText: 'Raid on Camp Ashraf' }).first().click();
    await page.waitForLoadState('load');
    let body = await text(page);
    assert.match(body, /US ambassador urges the Ashraf residents/);
    assert.match(body, /dates to May, left 35 civilians dead/);
    assert.match(body, /April 2011 assault/);
    assert.match(body, /one voice, not corroborated/);
    await page.screenshot({ path: artifactPath('incident-april-2011.png'), fullPage: true });

    // A new source, then a new incident with two claims that disagree.
    await page.goto(`${server.url}/documentation/sources`);
    const source = page.locator('form[action="/documentation/sources"]');
    await source.locator('input[name="title"]').fill('Browser wire report');
    await source.locator('input[name="publisher"]').fill('unami');
    await source.locator('select[name="affiliation"]').selectOption('official');
    await source.locator('select[name="reliability"]').selectOption('B');
    await source.locator('textarea[name="reliability_reason"]').fill('UN mission, visited the site');
    await submit(page, source);
    assert.match(new URL(page.url()).pathname, /^\/documentation\/sources\/\d+$/, 'the new source page');

    await page.goto(`${server.url}/documentation/incidents`);
    const create = page.locator('form[action="/documentation/incidents"]');
    await create.locator('input[name="title"]').fill('Browser rocket attack');
    await create.locator('select[name="category"]').selectOption('rocket_attack');
    await create.locator('input[name="started"]').fill('2014-03');
    await create.locator('select[name="site"]').selectOption('LIBERTY');
    // Both sources' claims recorded with the incident, in the same form.
    await create.locator('select[name="claims[0].source"]').selectOption({ label: 'Browser wire report (B)' });
    await create.locator('input[name="claims[0].values"]').fill('killed = 2');
    await create.locator('select[name="claims[0].credibility"]').selectOption('2');
    await create.locator('select[name="claims[1].source"]').selectOption({ label: 'Call to protect Camp Liberty residents (C)' });
    await create.locator('input[name="claims[1].values"]').fill('killed = 5');
    await create.locator('select[name="claims[1].credibility"]').selectOption('3');
    await submit(page, create);
    assert.match(new URL(page.url()).pathname, /^\/documentation\/incidents\/\d+$/, 'the new incident page');
    const incidentPage = page.url();

    const figure = page.locator('form[action$="/figures"]');
    await figure.locator('input[name="value"]').fill('2');
    await figure.locator('textarea[name="reason"]').fill('The UN count after its visit');
    await submit(page, figure);

    body = await text(page);
    const cells = await page.locator('table.claims tbody td.num').allInnerTexts();
    assert.ok(cells.includes('2') && cells.includes('5'), `both figures side by side: ${cells}`);
    assert.match(body, /B — usually reliable/);
    assert.match(body, /C — fairly reliable/);
    assert.match(body, /accepted by documenter, because: The UN count after its visit/);
    assert.match(body, /Corroborated/, 'two independent voices');
    await page.screenshot({ path: artifactPath('incident-two-sources.png'), fullPage: true });

    // A correction: the documenter renames it and moves it to April; the page shows
    // the new version, and the earlier one under "Earlier versions".
    await page.locator('details:has(#edit-incident) > summary').click();
    const edit = page.locator('#edit-incident');
    assert.equal(await edit.locator('input[name="started"]').inputValue(), '2014-03', 'the form holds it as typed');
    await edit.locator('input[name="title"]').fill('Browser rocket attack on Liberty');
    await edit.locator('input[name="started"]').fill('2014-04-02');
    await submit(page, edit);
    body = await text(page);
    assert.match(body, /Saved/);
    assert.equal((await page.locator('h1').innerText()).includes('Browser rocket attack on Liberty'), true);
    assert.match(body, /2 Apr 2014/);
    assert.match(body, /Earlier versions/);
    assert.match(body, /title: Browser rocket attack(?! on)/);
    assert.match(body, /started_at: 1 Mar 2014/, 'the earlier start, as a day');

    // A claim retracted with its reason: it stays, marked, and no longer corroborates.
    const retract = page.locator('table.claims form[action$="/retract"]').last();
    await retract.locator('input[name="reason"]').fill('Misread: the statement was about another attack');
    await submit(page, retract);
    body = await text(page);
    assert.match(body, /Retracted on .* by documenter: Misread: the statement was about another attack/);
    assert.equal(await page.locator('h1 .badge').innerText(), 'Unverified', 'one voice left');
    assert.equal(await page.locator('table.claims tr.retracted').count(), 1);
    await page.screenshot({ path: artifactPath('incident-corrected.png'), fullPage: true });

    // The timeline, filtered to rocket attacks at Liberty: the new incident is there.
    await page.goto(`${server.url}/documentation/timeline`);
    const filter = page.locator('form.filters');
    await filter.locator('select[name="category"]').selectOption('rocket_attack');
    await filter.locator('select[name="site"]').selectOption('LIBERTY');
    await submit(page, filter);
    body = await text(page);
    assert.match(body, /Browser rocket attack on Liberty/);
    assert.match(body, /Fourth rocket attack on Liberty/);
    assert.doesNotMatch(body, /Raid on Camp Ashraf/, 'the filter leaves other categories out');
    assert.equal(await page.locator('svg.chart-map').count(), 1, 'the map, drawn by vigil');
    assert.equal(await page.locator('img').count(), 0, 'no tiles');
    await page.screenshot({ path: artifactPath('timeline-rockets.png'), fullPage: true });

    await page.goto(incidentPage);
    await switchLanguage(page, 'fa');
    assert.match(await text(page), /حملهٔ موشکی/);
    await page.screenshot({ path: artifactPath('incident-two-sources-fa.png'), fullPage: true });

    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('incidents-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  browser problems: ${JSON.stringify(problems, null, 2)}`
      + `\n  server output:\n${server.output()}`;
    throw e;
  } finally {
    await context.close();
  }
});
