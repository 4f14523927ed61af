// SPDX-License-Identifier: GPL-3.0-or-later
// Grammar charts in the browser: each mark of the gallery's chart grammar page is drawn, with
// its series and the axis ticks the run asked for (dates on a time axis, names on a band
// axis), in light and dark; the pie library is fetched only by a page that shows a pie.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

/// What each chart of the page draws, in page order: its marks, how many series, and
/// ticks expected on its axes.
const CHARTS = [
  { marks: 'line + rule', series: 4, x: ['Dec 8', 'Dec 9', 'Dec 13'], y: ['0', '250'] },
  { marks: 'histogram', series: 1, x: ['0', '100', '600'], y: ['0', '4000'] },
  { marks: 'boxplot', series: 1, x: ['api', 'search', 'web'], y: ['0', '300'] },
  { marks: 'heatmap', series: 1, x: ['0', '12', '23'], y: ['Mon', 'Sun'] },
  { marks: 'donut', series: 3 },
  { marks: 'candlestick + bars', series: 2, x: ['Sep 8', 'Dec 1'], y: ['95', '130'], yRight: ['0', '6M'] },
  { marks: 'errorband + line', series: 2, x: ['Dec 7', 'Dec 31'], y: ['800', '2000'] },
  { marks: 'stacked areas', series: 3, x: ['Dec 8', 'Dec 14'], y: ['0', '1400'] },
  { marks: 'errorbar + point', series: 2, x: ['api', 'web'] },
  { marks: 'bar + text', series: 2, x: ['Mon', 'Sun'], y: ['0', '50000'] },
  { marks: 'normalized bars', series: 3, y: ['0', '0.4', '1'] },
];

const ticks = (value) => (value ? value.split('|') : []);

test('every mark of the chart grammar page is drawn with its series and ticks', async () => {
  await withServer('gallery-grammar', async (server, browser) => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await open(browser, server.url, { colorScheme });
      await settled(page);
      await page.waitForFunction(
        (count) => {
          const charts = [...document.querySelectorAll('.chart.grammar')];
          return charts.length === count && charts.every((c) => c.dataset.series && c.querySelector('canvas'));
        },
        CHARTS.length,
      );
      const drawn = await page.$$eval('.chart.grammar', (nodes) =>
        nodes.map((n) => ({ series: n.dataset.series, x: n.dataset.ticksX, y: n.dataset.ticksY, yRight: n.dataset.ticksYRight })),
      );
      CHARTS.forEach((expected, i) => {
        const chart = drawn[i];
        assert.equal(Number(chart.series), expected.series, `${expected.marks}: series`);
        for (const axis of ['x', 'y', 'yRight'])
          for (const tick of expected[axis] ?? [])
            assert.ok(ticks(chart[axis]).includes(tick), `${expected.marks} (${colorScheme}): ${axis} tick ${tick} in ${chart[axis]}`);
      });
      // Hovering the week of latency reads each service's value and its tooltip field.
      const plot = page.locator('.chart.grammar .u-over').first();
      const box = await plot.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tip = page.locator('.chart.grammar .chart-tip').first();
      await tip.waitFor({ state: 'visible' });
      const text = await tip.textContent();
      assert.match(text, /^Dec \d+, 2026, \d\d:\d\d/, text);
      assert.match(text, /api: [\d.]+\n  requests: \d+\n/, text);
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      assert.ok(loaded.some((name) => name.includes('tessera-arcs.js')), 'the donut brought the pie library');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  });
});

test('a page without a pie does not load the pie library', async () => {
  await withServer('gallery-charts', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    assert.ok(!loaded.some((name) => name.includes('tessera-arcs.js')), loaded.join(', '));
    assert.deepEqual(page.problems, []);
  });
});
