// SPDX-License-Identifier: GPL-3.0-or-later
// What the browser tests share: a `tessera --serve` on a free loopback port, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const env = process.env;
const SERVER_START_MS = 30_000;

/// Starts `tessera --serve 127.0.0.1:0` with `dashboard`; resolves once it prints its URL.
/// TESSERA_SERVE_ARGS adds options to every server (`--no-isolate`: the same tests with the
/// dashboards in the server's process rather than in workers).
export function serve(dashboard, { pluginDirs = [env.TESSERA_PLUGINS], args = [] } = {}) {
  const extra = env.TESSERA_SERVE_ARGS ? env.TESSERA_SERVE_ARGS.split(' ') : [];
  const argv = ['--serve', '127.0.0.1:0', ...pluginDirs.flatMap((d) => ['--plugin-dir', d]), ...args, ...extra, dashboard];
  const child = spawn(env.TESSERA_BIN, argv, {
    env: { ...env, QT_QPA_PLATFORM: 'offscreen' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`no URL within ${SERVER_START_MS} ms`), SERVER_START_MS);
    const fail = (why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`tessera --serve ${dashboard}: ${why}\n${output}`));
    };
    const read = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', read);
      resolve({
        url: match[0],
        async close() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}

export function launch() {
  return chromium.launch({
    executablePath: env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
}

/// A page at `url` that records console errors and uncaught exceptions in `page.problems`.
export async function open(browser, url, { colorScheme = 'light', width = 1280, height = 1000 } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width, height } });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return page;
}

/// Waits until the session's run has finished and its page is shown.
export async function settled(page, timeout = 20_000) {
  await page.waitForFunction(
    () => document.getElementById('status-text')?.textContent === 'Ready' && document.querySelector('#main > .el'),
    null,
    { timeout },
  );
}

/// Runs `body` with a server and a browser, and ends both whatever happens.
export async function withServer(dashboard, body, options) {
  const server = await serve(dashboard, options);
  const browser = await launch();
  try {
    await body(server, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}
