// SPDX-License-Identifier: GPL-3.0-or-later
// Large data: a million-row dataframe keeps only the rows in view in the DOM, and a
// million-point chart is drawn soon after its data arrives (the figure is printed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

const benchPlugins = { pluginDirs: [process.env.TESSERA_BENCH_PLUGINS] };

test('a million-row dataframe is virtualised', async () => {
  await withServer(
    'bench-rows',
    async (server, browser) => {
      const page = await open(browser, server.url);
      await settled(page, 60_000);
      const rowsInDom = () => page.locator('.table tbody tr').count();
      assert.ok((await rowsInDom()) < 100, 'only the rows in view are in the DOM');
      await page.$eval('.table-scroll', (s) => (s.scrollTop = s.scrollHeight));
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.table td.index')].some((td) => td.textContent === '999999'),
      );
      assert.ok((await rowsInDom()) < 100);
      await page.$eval('.table-scroll', (s) => (s.scrollTop = s.scrollHeight / 2));
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.table td.index')].some((td) => td.textContent === '500000'),
      );
      assert.deepEqual(page.problems, []);
    },
    benchPlugins,
  );
});

test('a million-point chart is drawn soon after its data arrives', async () => {
  await withServer(
    'bench-million',
    async (server, browser) => {
      const times = [];
      for (let load = 0; load < 3; ++load) {
        const page = await open(browser, server.url);
        await page.waitForFunction(() => performance.getEntriesByName('tessera-chart').length > 0, null, {
          timeout: 60_000,
        });
        const [entry] = await page.evaluate(() =>
          performance.getEntriesByName('tessera-chart').map((e) => ({ ms: e.duration, rows: e.detail.rows })),
        );
        assert.equal(entry.rows, 1_000_000);
        times.push(entry.ms);
        // Zooming in draws the detail from the full data.
        const canvas = page.locator('.chart canvas');
        await page.locator('.chart .u-over').hover({ position: { x: 200, y: 100 } });
        // The tooltip names the row under the cursor and each series' value there.
        await page.locator('.chart-tip').waitFor({ state: 'visible' });
        assert.match(await page.locator('.chart-tip').textContent(), /^x: \d+\ny: -?\d/);
        const box = await page.locator('.chart .u-over').boundingBox();
        await page.mouse.down();
        await page.mouse.move(box.x + 240, box.y + 100);
        await page.mouse.up();
        assert.ok(await canvas.isVisible());
        assert.deepEqual(page.problems, []);
        await page.context().close();
      }
      times.sort((a, b) => a - b);
      console.log(
        `1,000,000-point line chart: drawn ${times.map((t) => t.toFixed(0)).join(' / ')} ms after its data arrived (median ${times[1].toFixed(0)} ms)`,
      );
    },
    benchPlugins,
  );
});

test('rows added to a million-point chart are drawn soon after they arrive', async () => {
  await withServer(
    'bench-stream',
    async (server, browser) => {
      const page = await open(browser, server.url);
      await settled(page, 60_000);
      await page.waitForFunction(() => document.querySelector('.chart')?.dataset.rows === '1005000', null, {
        timeout: 60_000,
      });
      const added = await page.evaluate(() =>
        performance
          .getEntriesByName('tessera-chart')
          .filter((e) => e.detail.rows > 1_000_000)
          .map((e) => e.duration),
      );
      assert.equal(added.length, 5, 'one draw for each 1,000 rows added, not a rebuild');
      const sorted = [...added].sort((a, b) => a - b);
      console.log(
        `1,000 rows added to a 1,000,000-point chart: drawn ${added.map((t) => t.toFixed(0)).join(' / ')} ms after they arrived (median ${sorted[2].toFixed(0)} ms)`,
      );
      assert.deepEqual(page.problems, []);
    },
    benchPlugins,
  );
});

test('markup in any string from the server shows as text', async () => {
  await withServer(
    'hostile-text',
    async (server, browser) => {
      const page = await open(browser, server.url);
      await settled(page);
      await page.waitForFunction(() => document.querySelector('.chart canvas'));
      assert.equal(await page.locator('#main img, #main script').count(), 0, 'no element made from a string');
      assert.equal(await page.evaluate(() => window.pwned), undefined);
      const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
      // Title, text, caption, code, alert, metric, table cell and header, chart title,
      // expander and tab labels, widget labels, value and options: all the literal string.
      const texts = await page.$$eval('#main *', (nodes) =>
        nodes.filter((n) => n.children.length === 0).map((n) => n.textContent),
      );
      assert.ok(texts.filter((t) => t === evil).length >= 12, `the markup shows as text: ${texts.length}`);
      assert.equal(await page.getByLabel(evil).first().inputValue(), evil);
      assert.deepEqual(page.problems, []);
    },
    benchPlugins,
  );
});
