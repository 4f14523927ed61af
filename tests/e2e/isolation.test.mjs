// SPDX-License-Identifier: GPL-3.0-or-later
// A dashboard in a worker process (`--serve --isolate`) that crashes: the page says so in a
// banner with the worker's last lines, and shows the dashboard again with its slider's value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

const textIs = (page, text) =>
  page.waitForFunction((t) => [...document.querySelectorAll('[data-kind="text"]')].some((n) => n.textContent === t), text);

test('a crashed dashboard is shown again with its values, and the page says why', async () => {
  const options = { pluginDirs: [process.env.TESSERA_WORKER_PLUGINS], args: ['--isolate', '--no-watch'] };
  await withServer(
    'dying',
    async (server, browser) => {
      const page = await open(browser, server.url);
      await settled(page);
      const slider = page.getByRole('slider', { name: 'n', exact: true });
      await slider.focus();
      for (let i = 0; i < 4; ++i) await slider.press('ArrowRight');
      await textIs(page, 'n = 7');
      await page.getByRole('button', { name: 'Dereference null' }).click();
      await page.waitForFunction(() => !document.getElementById('banner').hidden);
      const banner = await page.locator('#banner').textContent();
      assert.match(banner, /This dashboard stopped \(SIGSEGV\) and was restarted/);
      // The last lines the worker wrote, folded until asked for.
      const lines = page.locator('#banner details pre');
      assert.equal(await lines.isVisible(), false);
      await page.locator('#banner summary').click();
      assert.match(await lines.textContent(), /fatal signal SIGSEGV/);
      await textIs(page, 'n = 7');
      assert.equal(await slider.inputValue(), '7');
      // The console's warning names the error; nothing else went wrong.
      assert.deepEqual(page.problems, []);
    },
    options,
  );
});
