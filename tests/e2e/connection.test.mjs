// SPDX-License-Identifier: GPL-3.0-or-later
// The connection as a person meets it: a reload or a lost connection resumes the same
// session; after the resume TTL a fresh one starts, with a notice; a page without the token
// it needs says how to get in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch, serve, settled, withServer } from './harness.mjs';

/// A page whose WebSockets the test can reach (window.__sockets).
async function openTracked(browser, url) {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    window.__sockets = [];
    const Native = WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        window.__sockets.push(this);
      }
    };
  });
  await page.goto(url);
  await settled(page);
  return page;
}

async function setProjectName(page, text) {
  const name = page.getByLabel('Project name');
  await name.fill(text);
  await name.press('Enter');
  await page.waitForFunction((t) => document.querySelector('pre.json code')?.textContent.includes(`"${t}"`), text);
}

const banner = (page) => page.$eval('#banner', (b) => (b.hidden ? '' : b.textContent));

test('a reload and a lost connection resume the same session', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const page = await openTracked(browser, server.url);
    await setProjectName(page, 'kept-across-reload');
    await page.reload();
    await settled(page);
    assert.equal(await page.getByLabel('Project name').inputValue(), 'kept-across-reload');
    assert.equal(await banner(page), '');

    await page.evaluate(() => window.__sockets.at(-1).close());
    await page.waitForFunction(() => document.getElementById('banner').textContent.includes('Reconnecting'));
    await page.waitForFunction(() => document.getElementById('banner').hidden, null, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => window.__sockets.length), 2);
    await settled(page);
    assert.equal(await page.getByLabel('Project name').inputValue(), 'kept-across-reload');
  });
});

test('after the resume TTL a fresh session starts, with a notice', async () => {
  await withServer(
    'gallery-widgets',
    async (server, browser) => {
      const page = await openTracked(browser, server.url);
      await setProjectName(page, 'gone-with-the-session');
      await page.evaluate(() => window.__sockets.at(-1).close());
      await page.waitForFunction(() => document.getElementById('banner').textContent.includes('new one'), null, {
        timeout: 15_000,
      });
      await settled(page);
      assert.notEqual(await page.getByLabel('Project name').inputValue(), 'gone-with-the-session');
    },
    { args: ['--resume-ttl', '0'] },
  );
});

test('a page opened without its token says how to get in', async () => {
  const server = await serve('gallery', { args: ['--token', 'e2e-secret'] });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const bare = new URL(server.url);
    bare.search = '';
    const response = await page.goto(bare.toString());
    assert.equal(response.status(), 401);
    const text = await page.textContent('body');
    assert.match(text, /token/i);
    assert.match(text, /Share/);
    // With the token the dashboard opens.
    await page.goto(server.url);
    await settled(page);
  } finally {
    await browser.close();
    await server.close();
  }
});
