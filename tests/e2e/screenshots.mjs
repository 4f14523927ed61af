// SPDX-License-Identifier: GPL-3.0-or-later
// The README's browser screenshots, taken from the viewer page in Chromium (run by
// scripts/screenshot.sh, which sets TESSERA_BIN and TESSERA_PLUGINS).
// usage: node screenshots.mjs OUTPUT_DIR
import path from 'node:path';
import { open, settled, withServer } from './harness.mjs';

const out = process.argv[2] ?? '.';

await withServer('gallery', async (server, browser) => {
  const gallery = await open(browser, `${server.url}?dashboard=gallery`, { height: 900 });
  await settled(gallery);
  await gallery.waitForFunction(() => document.querySelector('.chart canvas'));
  await gallery.screenshot({ path: path.join(out, 'screenshot-browser-gallery.png') });
  await gallery.context().close();
});

await withServer('gallery-grammar', async (server, browser) => {
  for (const [colorScheme, name, from] of [
    ['light', 'screenshot-browser-charts.png', 'Chart grammar'],
    ['dark', 'screenshot-browser-charts-dark.png', 'Prices and volume'],
  ]) {
    const page = await open(browser, server.url, { colorScheme, height: 900 });
    await settled(page);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.chart.grammar')].every((c) => c.dataset.series && c.querySelector('canvas')),
    );
    await page.evaluate((text) => {
      const heading = [...document.querySelectorAll('h1, h2, h3')].find((h) => h.textContent === text);
      heading?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -60); // below the header bar
    }, from);
    await page.screenshot({ path: path.join(out, name) });
    await page.context().close();
  }
});

await withServer('growth', async (server, browser) => {
  const growth = await open(browser, server.url, { colorScheme: 'dark', height: 1000 });
  await growth.waitForFunction(() => document.querySelectorAll('.chart canvas').length === 3, null, {
    timeout: 30_000,
  });
  await settled(growth);
  await growth.click('#timeline-toggle');
  await growth.screenshot({ path: path.join(out, 'screenshot-browser-growth-dark.png') });
});

await withServer('gallery-chat', async (server, browser) => {
  const chat = await open(browser, server.url, { height: 640 });
  await settled(chat);
  const input = chat.getByRole('textbox', { name: 'Ask the gallery' });
  await input.fill('What does a form do?');
  await input.press('Enter');
  await chat.waitForFunction(() => document.querySelectorAll('.chat-message').length === 3);
  await settled(chat);
  await chat.screenshot({ path: path.join(out, 'screenshot-browser-chat.png') });
});

await withServer('gallery-widgets', async (server, browser) => {
  const page = await open(browser, server.url, { height: 700 });
  await settled(page);
  const label = 'A CSV or text file to look at';
  await page.getByLabel(label).setInputFiles({
    name: 'scores.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,score,team\nada,31,red\nbob,25,blue\ncyd,40,red\n'),
  });
  await page.getByRole('region', { name: 'Table of 3 rows' }).waitFor();
  await settled(page);
  const files = page.getByRole('heading', { name: 'Files' });
  await files.evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: path.join(out, 'screenshot-browser-files.png') });
});

await withServer('gallery-charts', async (server, browser) => {
  const page = await open(browser, server.url, { colorScheme: 'dark', height: 640 });
  await settled(page);
  await page.getByRole('button', { name: 'Stream three seconds of readings' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].some((c) => c.dataset.rows === '120'), null, {
    timeout: 30_000,
  });
  await settled(page);
  await page.getByRole('heading', { name: 'Streaming rows' }).evaluate((h) => h.scrollIntoView());
  await page.screenshot({ path: path.join(out, 'screenshot-browser-streaming-dark.png') });
});

await withServer('gallery-charts', async (server, browser) => {
  const page = await open(browser, server.url, { colorScheme: 'dark', height: 900 });
  await settled(page);
  const editor = page.locator('.data-editor', { hasText: 'Shopping list' });
  await editor.getByLabel('Row 2, qty').fill('10');
  await editor.getByLabel('Row 2, qty').press('Tab');
  await page.waitForFunction(() => document.body.innerText.includes('€30.70'));
  await editor.getByRole('button', { name: 'Add row' }).click();
  await editor.getByLabel('New row 1, item').fill('Tea');
  await editor.getByLabel('New row 1, qty').fill('0');
  await editor.getByLabel('New row 1, qty').press('Tab');
  const table = page.getByRole('region', { name: 'Table of 40 rows' });
  for (const row of [1, 3, 4]) await table.locator('tbody tr').nth(row).click();
  await page.getByText(/^3 orders selected/).waitFor();
  const chart = page.locator('figure', { hasText: 'Drag a box over the points' });
  await chart.scrollIntoViewIfNeeded();
  const over = await chart.locator('.u-over').boundingBox();
  await page.mouse.move(over.x + over.width * 0.15, over.y + over.height * 0.45);
  await page.mouse.down();
  await page.mouse.move(over.x + over.width * 0.55, over.y + over.height * 0.85, { steps: 8 });
  await page.mouse.up();
  await page.getByText(/requests in the box/).waitFor();
  await settled(page);
  // Scrolled to the heading, below the page's top bar.
  await page.getByRole('heading', { name: 'Editable data' }).evaluate((h) => {
    h.scrollIntoView();
    scrollBy(0, -64);
  });
  await page.screenshot({ path: path.join(out, 'screenshot-browser-data-dark.png') });
  await page.getByRole('heading', { name: 'Selections' }).evaluate((h) => {
    h.scrollIntoView();
    scrollBy(0, -64);
  });
  await page.screenshot({ path: path.join(out, 'screenshot-browser-selections-dark.png') });
});
