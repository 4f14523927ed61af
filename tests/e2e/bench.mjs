// SPDX-License-Identifier: GPL-3.0-or-later
// The viewer page's benchmark: prints figures, asserts nothing (the machines are shared).
// Each figure is the median of RUNS page loads. Run by scripts/bench-browser.sh.
import { open, settled, withServer } from './harness.mjs';

const RUNS = 5;
const bench = { pluginDirs: [process.env.TESSERA_PLUGINS, process.env.TESSERA_BENCH_PLUGINS] };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(what, values) {
  const shown = values.map((v) => v.toFixed(0)).join(' / ');
  console.log(`${what.padEnd(64)} median ${median(values).toFixed(0).padStart(6)} ms   (${shown})`);
}

/// Loads `dashboard` RUNS times; `measure(page)` returns one figure per load.
async function perLoad(browser, url, measure) {
  const values = [];
  for (let i = 0; i < RUNS; ++i) {
    const page = await open(browser, url);
    values.push(await measure(page));
    await page.context().close();
  }
  return values;
}

await withServer(
  'gallery',
  async (server, browser) => {
    const paint = await perLoad(browser, `${server.url}?dashboard=gallery`, async (page) => {
      await settled(page);
      return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    });
    report('first contentful paint (the page shell), gallery', paint);
    const firstElements = await perLoad(browser, `${server.url}?dashboard=gallery`, async (page) => {
      await settled(page);
      return page.evaluate(() => {
        const e = performance.getEntriesByName('tessera-apply')[0];
        return e.startTime + e.duration;
      });
    });
    report('first elements shown (the first page message applied), gallery', firstElements);

    const seed = await perLoad(browser, `${server.url}?dashboard=growth`, async (page) => {
      await page.waitForFunction(() => performance.getEntriesByName('tessera-chart').length >= 3, null, {
        timeout: 30_000,
      });
      return page.evaluate(() => {
        const ends = performance.getEntriesByName('tessera-chart').map((e) => e.startTime + e.duration);
        const open = performance.getEntriesByName('tessera-apply')[0].startTime;
        return Math.max(...ends) - open;
      });
    });
    report('growth (seed): first page message to third chart drawn', seed);

    const million = await perLoad(browser, `${server.url}?dashboard=bench-million`, async (page) => {
      await page.waitForFunction(() => performance.getEntriesByName('tessera-chart').length > 0, null, {
        timeout: 60_000,
      });
      return page.evaluate(() => performance.getEntriesByName('tessera-chart')[0].duration);
    });
    report('1,000,000-point chart: data arrived to drawn', million);

    const page = await open(browser, `${server.url}?dashboard=bench-10k`);
    await page.waitForFunction(() => document.querySelectorAll('#main > .el').length === 10_000, null, {
      timeout: 60_000,
    });
    await settled(page, 60_000);
    const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
    console.log(`${'DOM nodes, 10,000-element page'.padEnd(64)} ${String(nodes).padStart(13)}`);
    const reruns = [];
    const applied = [];
    for (let i = 0; i < RUNS; ++i) {
      await page.evaluate(() => performance.clearMeasures('tessera-apply'));
      const runs = await page.evaluate(() => performance.getEntriesByName('tessera-run-finished').length);
      const start = await page.evaluate(() => performance.now());
      await page.click('#rerun');
      await page.waitForFunction(
        (n) => performance.getEntriesByName('tessera-run-finished').length > n,
        runs,
        { timeout: 60_000 },
      );
      reruns.push((await page.evaluate(() => performance.now())) - start);
      applied.push(
        await page.evaluate(() =>
          performance.getEntriesByName('tessera-apply').reduce((sum, e) => sum + e.duration, 0),
        ),
      );
    }
    report('10,000 elements, rerun with nothing changed: click to ready', reruns);
    report('  of which the page spent applying ops', applied);
  },
  bench,
);
