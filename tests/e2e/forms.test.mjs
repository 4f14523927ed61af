// SPDX-License-Identifier: GPL-3.0-or-later
// Forms and callbacks in the browser (the gallery's widgets page): a form's widgets rerun
// nothing until it is submitted, then one run sees them all; Enter submits; callbacks run
// before the rerun they cause.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

/// How many times this session has run the page (the page counts its runs in session state).
async function visits(page) {
  const caption = await page.getByText(/This session has run the widgets page/).textContent();
  return Number(/(\d+) time/.exec(caption)[1]);
}

test('a form sends nothing until it is submitted, then one run sees every value', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const before = await visits(page);
    const form = page.locator('[role=form]');
    assert.equal(await form.count(), 1);

    await form.getByLabel('Item').selectOption('Tea');
    const cups = form.getByLabel('Cups');
    await cups.focus();
    await cups.press('ArrowRight');
    await cups.press('ArrowRight');
    const name = form.getByLabel('Name on the order');
    await name.fill('Ada');
    await name.press('Tab');  // sent, and held by the session

    await form.getByRole('button', { name: 'Place order' }).click();
    await page.getByText('3 × Tea for Ada').waitFor();
    await settled(page);
    assert.equal(await visits(page), before + 1, 'four changes and a submit: one run');
    // clearOnSubmit: the form shows its defaults again.
    assert.equal(await name.inputValue(), '');
    assert.equal(await form.getByLabel('Item').inputValue(), 'Coffee');
    assert.equal(await cups.inputValue(), '1');
    assert.deepEqual(page.problems, []);
  });
});

test('Enter in a field of a form submits it', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const before = await visits(page);
    const name = page.locator('[role=form]').getByLabel('Name on the order');
    await name.fill('Grace');
    await name.press('Enter');
    await page.getByText('1 × Coffee for Grace').waitFor();
    await settled(page);
    assert.equal(await visits(page), before + 1);
    assert.deepEqual(page.problems, []);
  });
});

test('callbacks run before the rerun their change causes', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const metric = (label) =>
      page.locator('.metric', { hasText: label }).locator('.value');
    assert.equal(await metric('Fahrenheit').textContent(), '68');
    const celsius = page.getByLabel('Celsius');
    await celsius.focus();
    await celsius.press('End');  // 100 °C
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.metric')].some((m) => m.textContent.includes('Fahrenheit') && m.textContent.includes('212')));
    await page.getByRole('button', { name: 'Count a click' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.metric')].some((m) => m.textContent.includes('Clicks') && /Clicks.*1$/.test(m.textContent)));
    await page.getByRole('button', { name: 'Count a click' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.metric')].some((m) => m.textContent.includes('Clicks') && /Clicks.*2$/.test(m.textContent)));
    assert.deepEqual(page.problems, []);
  });
});
