// SPDX-License-Identifier: GPL-3.0-or-later
// Editable and selectable data as a person uses them in the gallery's charts page: cells typed
// into a data editor reach the run, a wrong one is refused with the reason where it was typed,
// a new row waits for its required cells, rows are deleted; rows clicked in a dataframe and a
// box dragged over a chart come back as selections.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

test('the data editor takes good cells, refuses wrong ones, adds and deletes rows', async () => {
  await withServer('gallery-charts', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const editor = page.locator('.data-editor', { hasText: 'Shopping list' });
    const note = editor.locator('.upload-note');
    const metric = (label) => page.locator('.metric', { hasText: label }).locator('.value');
    await editor.scrollIntoViewIfNeeded();
    assert.equal(await metric('Total').textContent(), '€25.50');

    // A good cell: typed, then left.
    await editor.getByLabel('Row 2, qty').fill('10');
    await editor.getByLabel('Row 2, qty').press('Tab');
    await page.waitForFunction(() => document.body.innerText.includes('€30.70'));

    // Wrong cells are refused where they are typed, with the reason; nothing is sent.
    const runs = await page.evaluate(() => performance.getEntriesByName('tessera-run-finished').length);
    await editor.getByLabel('Row 0, qty').fill('0');
    await editor.getByLabel('Row 0, qty').press('Tab');
    await note.filter({ hasText: 'Row 0, qty: 0 is outside [1, 99]' }).waitFor();
    assert.equal(await note.getAttribute('role'), 'alert');
    assert.equal(await editor.getByLabel('Row 0, qty').getAttribute('aria-invalid'), 'true');
    await editor.getByLabel('Row 1, price (€)').fill('cheap');
    await editor.getByLabel('Row 1, price (€)').press('Tab');
    await note.filter({ hasText: 'Row 1, price (€): expected a number' }).waitFor();
    assert.equal(await page.evaluate(() => performance.getEntriesByName('tessera-run-finished').length), runs);
    assert.equal(await metric('Total').textContent(), '€30.70');
    await editor.getByLabel('Row 0, qty').fill('1');
    await editor.getByLabel('Row 0, qty').press('Tab');
    await editor.getByLabel('Row 1, price (€)').fill('2.4');
    await editor.getByLabel('Row 1, price (€)').press('Tab');

    // A new row waits until its required cells are filled in.
    await editor.getByRole('button', { name: 'Add row' }).click();
    await note.filter({ hasText: 'New row 1, item: a value is required' }).waitFor();
    await editor.getByLabel('New row 1, item').fill('Tea');
    await editor.getByLabel('New row 1, item').press('Tab');
    await editor.getByLabel('New row 1, qty').fill('2');
    await editor.getByLabel('New row 1, qty').press('Tab');
    await editor.getByLabel('New row 1, price (€)').fill('3');
    await editor.getByLabel('New row 1, price (€)').press('Tab');
    await page.waitForFunction(() => document.body.innerText.includes('€36.70'));
    await editor.getByLabel('New row 1, kind').selectOption('pantry');
    assert.equal(await note.textContent(), '');

    // A deleted row leaves the table and the totals; a box checked counts as bought.
    await editor.getByRole('button', { name: 'Delete row 0' }).click();
    await page.waitForFunction(() => document.body.innerText.includes('€23.80'));
    await editor.getByLabel('Row 2, bought').check();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.metric')].some((m) => m.textContent.includes('Still to buy') && m.textContent.includes('€6.00')),
    );
    assert.equal(await editor.locator('tbody tr').count(), 3);
    assert.deepEqual(page.problems, []);
  });
});

test('rows clicked in a dataframe and a box dragged over a chart are selections', async () => {
  await withServer('gallery-charts', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const table = page.getByRole('region', { name: 'Table of 40 rows' });
    await table.scrollIntoViewIfNeeded();
    await table.locator('tbody tr').nth(3).click();
    await page.getByText(/^1 order selected/).waitFor();
    await table.locator('tbody tr').nth(5).click();
    await page.getByText(/^2 orders selected/).waitFor();
    assert.equal(await table.locator('tbody tr[aria-selected="true"]').count(), 2);

    const chart = page.locator('figure', { hasText: 'Drag a box over the points' });
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('canvas').waitFor();
    const over = await chart.locator('.u-over').boundingBox();
    await page.mouse.move(over.x + over.width * 0.1, over.y + over.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(over.x + over.width * 0.6, over.y + over.height * 0.9, { steps: 8 });
    await page.mouse.up();
    const caption = page.getByText(/requests in the box/);
    await caption.waitFor();
    const count = Number((await caption.textContent()).split(' ')[0]);
    assert.ok(count > 0, await caption.textContent());
    assert.equal((await chart.locator('.chart').getAttribute('data-selected')).split(',').length, count);
    assert.deepEqual(page.problems, []);
  });
});
