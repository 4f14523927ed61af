// SPDX-License-Identifier: GPL-3.0-or-later
// The connection as a person meets it: a reload or a lost connection resumes the same
// session; after the resume TTL a fresh one starts, with a notice; a page without the token
// it needs says how to get in.
import assert from 'node:assert/strict';
import http from 'node:http';
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

    // An address naming another dashboard switches the resumed session to it.
    await page.goto(`${server.url}?dashboard=gallery-layout`);
    await page.waitForFunction(() => document.querySelector('#main h1')?.textContent === 'Layout & status');
    assert.equal(await page.getAttribute('#pages [aria-current=page]', 'href'), '?dashboard=gallery-layout');
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

/// A page on another origin: a second local server whose page tries the bridge's WebSocket.
async function otherOrigin() {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/// Opens `wsUrl` from a page at `pageUrl`; resolves to the first message's type, or 'refused'.
async function tryWebSocket(browser, pageUrl, wsUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pageUrl);
  const result = await page.evaluate(
    (url) =>
      new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => socket.send(JSON.stringify({ type: 'hello', protocol: [2] }));
        socket.onmessage = (event) => resolve(JSON.parse(event.data).type);
        socket.onclose = () => resolve('refused');
      }),
    wsUrl,
  );
  await context.close();
  return result;
}

function socketUrl(serverUrl, token) {
  const ws = new URL('/ws', serverUrl);
  ws.protocol = 'ws:';
  ws.search = token ? `?token=${token}` : '';
  return ws.toString();
}

test('pages from other origins are refused unless --allow-origin names them', async () => {
  const other = await otherOrigin();
  const browser = await launch();
  try {
    for (const allowed of [false, true]) {
      const server = await serve('gallery', { args: allowed ? ['--allow-origin', other.origin] : [] });
      try {
        const fromOther = await tryWebSocket(browser, `${other.origin}/`, socketUrl(server.url));
        assert.equal(fromOther, allowed ? 'welcome' : 'refused', `allowed: ${allowed}`);
        assert.equal(await tryWebSocket(browser, server.url, socketUrl(server.url)), 'welcome');
      } finally {
        await server.close();
      }
    }
  } finally {
    other.close();
    await browser.close();
  }
});

test('the WebSocket checks the token as the page does', async () => {
  const server = await serve('gallery', { args: ['--token', 'e2e-secret'] });
  const browser = await launch();
  try {
    // From the refusal page, so that no cookie from an accepted token comes along.
    const page = new URL(server.url);
    page.search = '';
    assert.equal(await tryWebSocket(browser, page.toString(), socketUrl(server.url)), 'refused');
    assert.equal(await tryWebSocket(browser, page.toString(), socketUrl(server.url, 'wrong')), 'refused');
    assert.equal(await tryWebSocket(browser, page.toString(), socketUrl(server.url, 'e2e-secret')), 'welcome');
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the token leaves the address; a cookie named for the port brings reloads and resumes in', async () => {
  const server = await serve('gallery-widgets', { args: ['--token', 'e2e-secret'] });
  const browser = await launch();
  try {
    const page = await openTracked(browser, server.url);
    assert.equal(new URL(page.url()).searchParams.get('token'), null, 'the token is gone from the address');
    const port = new URL(server.url).port;
    const cookies = await page.context().cookies();
    assert.deepEqual(
      cookies.map((c) => [c.name, c.value, c.httpOnly, c.sameSite]),
      [[`tessera-token-${port}`, 'e2e-secret', true, 'Strict']],
    );
    await setProjectName(page, 'kept-with-the-cookie');
    await page.reload();
    await settled(page);
    assert.equal(await page.getByLabel('Project name').inputValue(), 'kept-with-the-cookie');
    await page.evaluate(() => window.__sockets.at(-1).close());
    await page.waitForFunction(() => document.getElementById('banner').hidden, null, { timeout: 15_000 });
    await settled(page);
    assert.equal(await page.getByLabel('Project name').inputValue(), 'kept-with-the-cookie');
  } finally {
    await browser.close();
    await server.close();
  }
});

test('no crafted address puts a header or a script on the page', async () => {
  await withServer('gallery', async (server, browser) => {
    const page = await (await browser.newContext()).newPage();
    const problems = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    for (const query of [
      '?token=x%0d%0aX-Injected:%20yes',
      '?token=x%0d%0aContent-Length:%2050%0d%0a%0d%0a<script>alert(document.domain)</script>',
      '?token=x%0aSet-Cookie:%20tessera-token=evil',
    ]) {
      const response = await page.goto(server.url + query);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['x-injected'], undefined);
      assert.equal(response.headers()['set-cookie'], undefined, 'a server without a token sets no cookie');
      await settled(page);
      assert.equal(new URL(page.url()).searchParams.get('token'), null);
    }
    assert.deepEqual(await page.context().cookies(), []);
    assert.deepEqual(problems, []);
  });
});

test('a duplicated tab gets a session of its own, and the first keeps its own', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(server.url);
    await settled(first);
    await setProjectName(first, 'the-first-tab');
    const resume = await first.evaluate(() => sessionStorage.getItem('tessera-resume'));
    assert.ok(resume);
    // A duplicated tab starts with a copy of the first one's sessionStorage.
    const second = await context.newPage();
    await second.addInitScript((token) => {
      if (!sessionStorage.getItem('tessera-resume')) sessionStorage.setItem('tessera-resume', token);
    }, resume);
    await second.goto(server.url);
    await second.waitForFunction((token) => sessionStorage.getItem('tessera-resume') !== token, resume, {
      timeout: 15_000,
    });
    await settled(second);
    assert.notEqual(await second.getByLabel('Project name').inputValue(), 'the-first-tab');
    assert.equal(await first.getByLabel('Project name').inputValue(), 'the-first-tab');
  });
});

test('the page offers Clear cache only where the server takes it', async () => {
  for (const allowed of [false, true]) {
    await withServer(
      'gallery',
      async (server, browser) => {
        const page = await (await browser.newContext()).newPage();
        const refusals = [];
        page.on('console', (m) => m.text().includes('forbidden') && refusals.push(m.text()));
        await page.goto(server.url);
        await settled(page);
        const button = page.locator('#clear-cache');
        assert.equal(await button.isVisible(), allowed, `allowed: ${allowed}`);
        if (allowed) {
          await button.click();
          await page.waitForFunction(() => document.getElementById('status-text')?.textContent === 'Ready');
        }
        assert.deepEqual(refusals, []);
      },
      { args: allowed ? ['--allow-clear-cache'] : [] },
    );
  }
});
