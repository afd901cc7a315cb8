// Shared helpers for vigil's browser tests: start the real binary in demo mode on a
// free port, drive Debian's Chromium through playwright-core, sign in.
//
// Why Debian's Chromium: nothing may be downloaded at test time, so playwright-core
// (which never fetches a browser) drives /usr/bin/chromium, installed by scripts/test.
// Why the flags: as root Chromium needs --no-sandbox, and without the
// background-networking flags it keeps trying to reach Google's hosts, which this
// closed network refuses.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VIGIL = process.env.VIGIL_BIN ?? path.join(ROOT, 'target/debug/vigil');
export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'target/browser-artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where a test keeps its screenshots; created on first use. */
export function artifactPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Starts `vigil serve --demo` in a fresh temp dir on 127.0.0.1:0 and resolves once it
 * prints `vigil listening on http://…`. Resolves to
 * `{ url, users: { admin: { username, password }, … }, output(), stop() }`.
 * `stop()` kills the server and removes its directory; the server is also killed if
 * the test process exits first.
 */
export async function startServer({ timeoutMs = 120_000 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-browser-'));
  const args = [
    'serve', '--demo',
    '--data', path.join(dir, 'data'),
    '--key-dir', path.join(dir, 'keys'),
    '--listen', '127.0.0.1:0',
  ];
  const child = spawn(VIGIL, args, {
    cwd: dir,
    env: { ...process.env, VIGIL_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const lines = [];
  const output = () => lines.join('\n');
  createInterface({ input: child.stderr }).on('line', (l) => lines.push(`[stderr] ${l}`));

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(hard);
      }
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    }
  };

  const users = {};
  const ready = new Promise((resolve, reject) => {
    child.once('error', (e) => reject(new Error(`cannot run ${VIGIL}: ${e.message} (build it: cargo build)`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const user = /^(\w+): (\S+) \/ (\S+)$/.exec(line);
      if (user) users[user[1]] = { username: user[2], password: user[3] };
      const listening = /^vigil listening on (http:\/\/\S+)$/.exec(line);
      if (listening) resolve(listening[1].replace(/\/$/, ''));
    });
    exited.then(({ code, signal }) =>
      reject(new Error(`vigil serve exited (code ${code}, signal ${signal}) before listening:\n${output()}`)));
  });
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`vigil serve did not print "vigil listening on" within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
  });

  try {
    const url = await Promise.race([ready, timeout]);
    if (!users.admin) throw new Error(`vigil serve --demo printed no "admin: admin / PASSWORD" line:\n${output()}`);
    return { url, users, output, stop };
  } catch (e) {
    await stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Launches headless Debian Chromium (playwright gives it a fresh, temporary profile). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * A new page whose console errors, uncaught exceptions and CSP violations are collected
 * in `problems` (an array of strings), so a test can assert there were none.
 */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  // Playwright injects this over the DevTools protocol, so the page's CSP does not block
  // it; it reports violations even where the browser logs none (e.g. report-only).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { context, page, problems };
}

/** Signs in through the login form and waits for the dashboard at `/`. */
export async function login(page, baseUrl, { username, password }) {
  await page.goto(`${baseUrl}/login`);
  const form = page.locator('form[action="/login"]');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/', { waitUntil: 'load' }),
    form.locator('button[type="submit"]').click(),
  ]);
}

/**
 * Presses the language button for `lang` (en, fa, ar) and waits for the page the form
 * post leads to; the caller asserts what that page says.
 */
export async function switchLanguage(page, lang) {
  await Promise.all([
    page.waitForEvent('load'),
    page.locator(`form[action="/lang"] button[name="lang"][value="${lang}"]`).first().click(),
  ]);
}

/** `lang` and `dir` of the page's <html>, read from the DOM. */
export async function htmlLangDir(page) {
  const html = page.locator('html');
  return { lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir') };
}
