// SPDX-License-Identifier: GPL-3.0-or-later
// The seed dashboard in the browser: three charts in about 2 s, in code order; slider 2
// redraws charts 2 and 3 only, and what is being rerun fades meanwhile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

const drawsOf = (page) =>
  page.$$eval('.chart', (charts) => charts.map((c) => Number(c.dataset.draws ?? 0)));

test('growth: charts in code order, slider 2 redraws charts 2 and 3', async () => {
  await withServer('growth', async (server, browser) => {
    const page = await open(browser, server.url);
    // Parallel fragments show skeletons until their charts arrive.
    await page.waitForSelector('.skeleton', { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelectorAll('.chart canvas').length === 3, null, {
      timeout: 20_000,
    });
    await settled(page);
    assert.equal(await page.locator('[data-kind=fragment]').count(), 3);
    const titles = await page.$$eval('figure.chart-block figcaption', (f) => f.map((c) => c.textContent));
    assert.deepEqual(titles, ['User growth', 'Revenue growth', 'Expenses growth']);
    // When each chart was drawn, from the page's start (the run starts when the page connects).
    const drawn = await page.evaluate(() =>
      performance.getEntriesByName('tessera-chart').map((e) => Math.round(e.startTime + e.duration)),
    );
    console.log(`growth: charts drawn at ${drawn.join(', ')} ms after the page opened (sequential: 6000+ ms)`);

    const firstCanvas = await page.$('.chart canvas');
    assert.deepEqual(await drawsOf(page), [1, 1, 1]);
    const slider2 = page.getByLabel('Pick a second number');
    await slider2.focus();
    await slider2.press('ArrowRight');
    // Charts 2 and 3 rerun (2 s each, in parallel) and fade while they do.
    await page.waitForFunction(
      () => {
        const stale = [...document.querySelectorAll('.stale')];
        return stale.length > 0 && stale.every((n) => Number(getComputedStyle(n).opacity) < 1);
      },
      null,
      { timeout: 10_000 },
    );
    const staleCharts = await page.$$eval('.stale', (nodes) =>
      nodes.flatMap((n) => [...n.querySelectorAll('figcaption')].map((c) => c.textContent)),
    );
    assert.ok(!staleCharts.includes('User growth'), 'chart 1 is not rerun, so it does not fade');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.chart')].map((c) => c.dataset.draws).join() === '1,2,2',
      null,
      { timeout: 20_000 },
    );
    await settled(page);
    assert.equal(await page.locator('.stale').count(), 0, 'nothing stays faded after the run');
    assert.ok(
      await firstCanvas.evaluate((c) => c.isConnected && c === document.querySelector('.chart canvas')),
      "chart 1's canvas is the same node",
    );
    assert.deepEqual(await drawsOf(page), [1, 2, 2]);
    assert.equal(await page.getByText('Pick a second number').count(), 1);
    assert.deepEqual(page.problems, []);
  });
});
