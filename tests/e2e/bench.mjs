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

    const drawTime = async (page) => {
      await page.waitForFunction(() => performance.getEntriesByName('tessera-chart').length > 0, null, {
        timeout: 60_000,
      });
      return page.evaluate(() => performance.getEntriesByName('tessera-chart')[0].duration);
    };
    const timeSeries = await perLoad(browser, `${server.url}?dashboard=bench-timeseries`, drawTime);
    report('1,000,000-point time series (grammar line): data arrived to drawn', timeSeries);
    const heatmap = await perLoad(browser, `${server.url}?dashboard=bench-heatmap`, drawTime);
    report('1,000 x 1,000 heatmap: data arrived to drawn', heatmap);

    // 1,000 rows a second into a rolling one-hour chart of four series: the page's frames and
    // the bytes the bridge sends while it streams (TESSERA_STREAM_SECONDS, 60 by default).
    const seconds = Number(process.env.TESSERA_STREAM_SECONDS || 60);
    const stream = await open(browser, `${server.url}?dashboard=bench-chart-stream`);
    let bytes = 0;
    stream.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => (bytes += typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length)),
    );
    await stream.reload();
    await stream.waitForFunction(() => document.querySelector('.chart.grammar canvas'), null, { timeout: 30_000 });
    const startBytes = bytes;
    const started = Date.now();
    const frames = await stream.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const gaps = [];
          let last = performance.now();
          const end = last + ms;
          const frame = (now) => {
            gaps.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(frame);
            else resolve(gaps);
          };
          requestAnimationFrame(frame);
        }),
      Math.max(1000, (seconds - 3) * 1000),
    );
    const elapsed = (Date.now() - started) / 1000;
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    console.log(
      `${'streaming into a rolling chart: page frame time'.padEnd(64)} p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
    );
    console.log(
      `${'streaming into a rolling chart: bytes over the bridge'.padEnd(64)} ${((bytes - startBytes) / elapsed / 1024).toFixed(1)} KiB/s`,
    );
    await stream.context().close();

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
