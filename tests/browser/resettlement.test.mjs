// Resettlement in a real browser, on the demo: a case officer takes a submitted case
// through acceptance and departure (a new case for the household is then refused),
// and the funnel and the forecast (as of the day the
// demo's record is current to, 30 September 2015) change by that household's people.
// The forecast page is then read in Persian, right to left. Screenshots go to
// target/browser-artifacts/; any console error, uncaught exception or CSP violation
// fails the test.

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

/** A number as shown in English (`1,234`). */
function num(s) {
  return Number(s.replace(/[^0-9]/g, ''));
}

async function submit(page, form) {
  await Promise.all([page.waitForEvent('load'), form.locator('button[type="submit"]').first().click()]);
}

async function funnelPeople(page, stage) {
  await page.goto(`${server.url}/resettlement/pipeline`);
  return num(await page.locator(`table.funnel tr[data-stage="${stage}"] td`).last().innerText());
}

async function forecastFacts(page) {
  await page.goto(`${server.url}/resettlement/forecast`);
  const fact = async (label) => num(await page.locator('dl.facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText());
  return {
    resettled: await fact('People resettled'),
    remaining: await fact('Still to leave'),
    finish: (await page.locator('#forecast-finish').innerText()).trim(),
  };
}

test('resettlement: a case through to departure changes the funnel and the forecast', { timeout: 240_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    await login(page, server.url, server.users.case_officer);
    const departedBefore = await funnelPeople(page, 'departed');
    const submittedBefore = await funnelPeople(page, 'submitted');
    assert.match(await text(page), /As of: 30 Sep 2015/, 'the demo record is current to September 2015');
    await page.screenshot({ path: artifactPath('resettlement-pipeline.png'), fullPage: true });
    const before = await forecastFacts(page);
    assert.match(before.finish, /At the observed pace the last resident would leave around/);
    assert.equal(await page.locator('main svg').count() >= 2, true, 'the forecast and back-test charts');
    await page.screenshot({ path: artifactPath('resettlement-forecast.png'), fullPage: true });

    // A case waiting for a decision.
    await page.goto(`${server.url}/resettlement?stage=submitted`);
    await page.locator('table.cases a').first().click();
    await page.waitForLoadState('load');
    const people = num(await page.locator('dl.facts dt', { hasText: 'People' }).locator('xpath=following-sibling::dd[1]').innerText().then((t) => t.split('—')[0]));
    assert.ok(people >= 1, 'the case has people');

    for (const stage of ['accepted', 'departure_scheduled', 'departed']) {
      const form = page.locator('form[action$="/step"]');
      await form.locator('select[name="stage"]').selectOption(stage);
      await form.locator('input[name="date"]').fill('2015-09-30');
      await submit(page, form);
      assert.match(await text(page), /The step was recorded/, `${stage} recorded`);
    }
    assert.equal((await page.locator('#case-stage').innerText()).trim(), 'Departed');
    assert.equal(await page.locator('table.case-history tbody tr').count() >= 7, true, 'the whole history');
    assert.equal(await page.locator('form[action$="/step"]').count(), 0, 'a departed case has no next step');
    await page.screenshot({ path: artifactPath('resettlement-case-departed.png'), fullPage: true });
    const household = (await page.locator('dl.facts dt', { hasText: 'Household' }).locator('xpath=following-sibling::dd[1]').innerText()).trim();

    // The departed household cannot have a new case: the form says why.
    await page.goto(`${server.url}/resettlement`);
    const open = page.locator('form[action="/resettlement/cases"]');
    await open.locator('input[name="household"]').fill(household);
    await open.locator('input[name="date"]').fill('2015-09-30');
    await submit(page, open);
    assert.match(await text(page), /this household has departed for resettlement/, 'a departed household is refused');

    assert.equal(await funnelPeople(page, 'departed'), departedBefore + people, 'the funnel: more departed');
    assert.equal(await funnelPeople(page, 'submitted'), submittedBefore - people, 'the funnel: fewer waiting');
    const after = await forecastFacts(page);
    assert.equal(after.resettled, before.resettled + people, 'the forecast counts the departure');
    assert.equal(after.remaining, before.remaining - people, 'fewer still to leave');

    await switchLanguage(page, 'fa');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.match(await text(page), /پیش‌بینی/);
    await page.screenshot({ path: artifactPath('resettlement-forecast-fa.png'), fullPage: true });

    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('resettlement-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  browser problems: ${JSON.stringify(problems, null, 2)}`
      + `\n  server output:\n${server.output()}`;
    throw e;
  } finally {
    await context.close();
  }
});
