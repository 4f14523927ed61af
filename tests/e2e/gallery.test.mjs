// SPDX-License-Identifier: GPL-3.0-or-later
// Every gallery page renders every kind it holds, in light and dark, with no console error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

const PAGES = ['gallery', 'gallery-charts', 'gallery-grammar', 'gallery-widgets', 'gallery-layout', 'gallery-chat'];

/// The kinds on a page as `tessera --once --json` reports them.
function kindsOf(dashboard) {
  const json = execFileSync(
    process.env.TESSERA_BIN,
    ['--plugin-dir', process.env.TESSERA_PLUGINS, '--once', dashboard, '--json'],
    { env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' }, maxBuffer: 64 << 20 },
  );
  const kinds = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.kind === 'string') kinds.add(v.kind);
      Object.values(v).forEach(walk);
    }
  };
  walk(JSON.parse(json).page);
  return kinds;
}

test('every gallery page renders every kind it holds', async () => {
  const kinds = new Map(PAGES.map((dashboard) => [dashboard, kindsOf(dashboard)]));
  await withServer('gallery', async (server, browser) => {
    for (const colorScheme of ['light', 'dark']) {
      for (const dashboard of PAGES) {
        const expected = kinds.get(dashboard);
        const page = await open(browser, `${server.url}?dashboard=${dashboard}`, { colorScheme });
        await settled(page);
        // Charts draw on the next frame.
        await page.waitForFunction(() =>
          [...document.querySelectorAll('.chart')].every((c) => c.querySelector('canvas')),
        );
        const shown = new Set(await page.$$eval('[data-kind]', (nodes) => nodes.map((n) => n.dataset.kind)));
        const missing = [...expected].filter((k) => !shown.has(k));
        assert.deepEqual(missing, [], `${dashboard} (${colorScheme}) does not show these kinds`);
        const unknown = await page.$$eval('.status.error', (nodes) =>
          nodes.map((n) => n.textContent).filter((t) => t.startsWith('This page cannot show')),
        );
        assert.deepEqual(unknown, []);
        assert.equal(
          await page.evaluate(() => document.documentElement.dataset.theme),
          colorScheme,
          'the page follows the system colour scheme',
        );
        assert.deepEqual(page.problems, [], `${dashboard} (${colorScheme})`);
        await page.context().close();
      }
    }
  });
});

test('no string from the server is inserted as HTML', async () => {
  await withServer('gallery', async (server, browser) => {
    const page = await open(browser, `${server.url}?dashboard=gallery-layout`);
    await settled(page);
    // Markdown makes its own elements, but never script, style or raw HTML from the text.
    assert.equal(await page.locator('#main script, #main style, #main iframe').count(), 0);
    const links = await page.$$eval('#main a', (as) => as.map((a) => a.target));
    assert.ok(links.every((t) => t === '_blank'));
  });
});

test("a fragment's spinner sits over what it redraws instead of pushing it down", async () => {
  await withServer('gallery', async (server, browser) => {
    const page = await open(browser, `${server.url}?dashboard=gallery-layout`);
    await settled(page);
    const inbox = page.locator('[data-fragment="inbox"]');
    await inbox.scrollIntoViewIfNeeded();
    const metricTop = () => inbox.locator('.metric').evaluate((m) => m.getBoundingClientRect().top);
    const before = await metricTop();
    // The layout at the first moment the rerun's spinner is on the page.
    await page.evaluate(() => {
      const fragment = document.querySelector('[data-fragment="inbox"]');
      window.spinnerLayout = new Promise((resolve) => {
        new MutationObserver((_, observer) => {
          const spinner = fragment.querySelector(':scope > .spinner');
          if (!spinner) return;
          observer.disconnect();
          const s = spinner.getBoundingClientRect();
          const m = fragment.querySelector(':scope > .metric').getBoundingClientRect();
          resolve({ over: spinner.classList.contains('over'), spinnerTop: s.top, metricTop: m.top });
        }).observe(fragment, { childList: true });
      });
    });
    await page.getByRole('button', { name: 'Send a message' }).click();
    const during = await page.evaluate(() => window.spinnerLayout);
    assert.ok(during.over, 'the spinner is drawn over the old content');
    assert.equal(during.metricTop, before, 'the old content stays where it was');
    assert.equal(during.spinnerTop, before, 'the spinner sits on top of it');
    await page.waitForFunction(
      () => document.querySelector('[data-fragment="inbox"] .metric .value')?.textContent === '1',
    );
    assert.equal(await inbox.locator('.spinner').count(), 0);
    assert.equal(await metricTop(), before);
    assert.deepEqual(page.problems, []);
  });
});
