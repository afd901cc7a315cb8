// The web shell in a real browser: sign in, switch English → Persian → Arabic (the
// page must turn right-to-left and translate), sign out. Screenshots of each state go
// to target/browser-artifacts/ so a reviewer can look at the RTL layout and glyphs.
// Any console error, uncaught exception or CSP violation on the way fails the test:
// with a strict CSP, an inline script or a CDN link shows up here first.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  artifactPath, htmlLangDir, launchBrowser, login, newPage, startServer, switchLanguage,
} from './helpers.mjs';

const DASHBOARD = { en: 'Dashboard', fa: 'داشبورد', ar: 'لوحة المعلومات' };

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

async function h1(page) {
  return (await page.locator('h1').first().textContent())?.trim();
}

test('shell: sign in, switch to Persian and Arabic, sign out', { timeout: 180_000 }, async () => {
  const { context, page, problems } = await newPage(browser);
  try {
    await page.goto(`${server.url}/login`);
    assert.deepEqual(await htmlLangDir(page), { lang: 'en', dir: 'ltr' }, 'login page starts in English, ltr');
    await page.screenshot({ path: artifactPath('login.png'), fullPage: true });

    await login(page, server.url, server.users.admin);
    assert.equal(await h1(page), DASHBOARD.en, 'dashboard heading after sign-in');
    await page.screenshot({ path: artifactPath('dashboard-en.png'), fullPage: true });

    await switchLanguage(page, 'fa');
    assert.deepEqual(await htmlLangDir(page), { lang: 'fa', dir: 'rtl' }, 'Persian is right-to-left');
    assert.equal(await h1(page), DASHBOARD.fa, 'dashboard heading in Persian');
    await page.screenshot({ path: artifactPath('dashboard-fa.png'), fullPage: true });

    await switchLanguage(page, 'ar');
    assert.deepEqual(await htmlLangDir(page), { lang: 'ar', dir: 'rtl' }, 'Arabic is right-to-left');
    assert.equal(await h1(page), DASHBOARD.ar, 'dashboard heading in Arabic');
    await page.screenshot({ path: artifactPath('dashboard-ar.png'), fullPage: true });

    await Promise.all([
      page.waitForURL((u) => u.pathname === '/login', { waitUntil: 'load' }),
      page.locator('form[action="/logout"] [type="submit"]').first().click(),
    ]);
    assert.equal(new URL(page.url()).pathname, '/login', 'signed out, back on /login');
    await page.locator('form[action="/login"] input[name="password"]').waitFor();

    assert.deepEqual(problems, [], 'no console errors, exceptions or CSP violations');
  } catch (e) {
    await page.screenshot({ path: artifactPath('shell-failure.png'), fullPage: true }).catch(() => {});
    e.message += `\n  page: ${page.url()}\n  browser problems: ${JSON.stringify(problems, null, 2)}`
      + `\n  server output:\n${server.output()}`;
    throw e;
  } finally {
    await context.close();
  }
});
