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
