// SPDX-License-Identifier: GPL-3.0-or-later
// Overlays in the browser (the gallery's layout page): a modal dialog with its own rerun
// scope, closed by a full run or by the person; a popover that stays open while its widgets
// rerun the page; toasts; a status box that ends complete.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

/// The layout page with its dialog opened by its button.
async function openDialog(browser, url) {
  const page = await open(browser, url);
  await settled(page);
  await page.getByRole('button', { name: 'Open a dialog' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename the report' });
  await dialog.waitFor();
  return { page, dialog };
}

test('a dialog opens modally, reruns on its own, and closes when the dashboard says so', async () => {
  await withServer('gallery-layout', async (server, browser) => {
    const { page, dialog } = await openDialog(browser, server.url);
    assert.ok(await dialog.evaluate((d) => d.open && d.matches(':modal')), 'a modal dialog');

    const name = dialog.getByLabel('New name');
    await name.fill('Q4 review');
    await name.press('Tab');
    await dialog.getByText('it will be saved as “Q4 review”').waitFor();
    assert.ok(await dialog.isVisible(), 'a rerun of the dialog keeps it open');

    await dialog.getByRole('button', { name: 'Save and close' }).click();
    await page.getByText('The report is called “Q4 review”.').waitFor();
    await settled(page);
    assert.equal(await page.locator('dialog').count(), 0, 'the full run closed it');
    assert.deepEqual(page.problems, []);
  });
});

test('Esc closes a dialog; the page goes on', async () => {
  await withServer('gallery-layout', async (server, browser) => {
    const { page, dialog } = await openDialog(browser, server.url);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Show a toast' }).click();  // the page is usable again
    await page.locator('#toasts .toast', { hasText: 'Saved.' }).waitFor();
    assert.deepEqual(page.problems, []);
  });
});

test('a popover stays open while its widgets rerun the page; toasts and status boxes show', async () => {
  await withServer('gallery-layout', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const status = page.locator('details.status-box > summary');
    assert.match(await status.textContent(), /✔\s+Data checked: 2 checks passed/);

    const button = page.getByRole('button', { name: 'Chart settings' });
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const grid = page.getByLabel('Show grid');
    await grid.uncheck();
    await settled(page);
    assert.ok(await grid.isVisible(), 'the popover is still open after the rerun');
    assert.equal(await grid.isChecked(), false);
    await page.keyboard.press('Escape');
    await grid.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Show a toast' }).click();
    const toast = page.locator('#toasts .toast', { hasText: 'Saved. Toasts go away by themselves.' });
    await toast.waitFor();
    await toast.waitFor({ state: 'detached', timeout: 10_000 });  // it goes by itself
    assert.deepEqual(page.problems, []);
  });
});
