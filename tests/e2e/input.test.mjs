// SPDX-License-Identifier: GPL-3.0-or-later
// Input as a person gives it: focus and caret survive reruns, typing is never overwritten by
// an echo, sliders send a throttled stream, and everything works from the keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

/// Counts the widget messages the page sends.
function countSends(page) {
  return page.addInitScript(() => {
    window.__widgetSends = [];
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      if (typeof data === 'string' && data.includes('"type":"widget"')) window.__widgetSends.push(JSON.parse(data));
      return send.call(this, data);
    };
  });
}

const currentValues = (page) => page.$eval('pre.json code', (c) => JSON.parse(c.textContent));

test('a text input keeps focus, caret and typing across a rerun', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const name = page.getByLabel('Project name');
    await name.click();
    await name.press('End');
    await name.pressSequentially('-x');
    await name.press('Enter');  // sends, and the page reruns
    await name.pressSequentially('yz');  // typed while the rerun's echo comes back
    await page.waitForFunction(() => document.querySelector('pre.json code')?.textContent.includes('tessera-demo-x"'));
    await settled(page);
    assert.ok(await name.evaluate((n) => n === document.activeElement), 'the input keeps focus');
    assert.equal(await name.inputValue(), 'tessera-demo-xyz', 'what was typed stays');
    assert.equal(await name.evaluate((n) => n.selectionStart), 'tessera-demo-xyz'.length, 'the caret stays');
    await name.press('Tab');  // leaving the field sends it
    await page.waitForFunction(() => document.querySelector('pre.json code')?.textContent.includes('tessera-demo-xyz'));
    assert.deepEqual(page.problems, []);
  });
});

test('a dragged slider sends a throttled stream whose last value wins', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await countSends(page);
    await page.goto(server.url);
    await settled(page);
    const slider = page.getByLabel('Replicas');
    const id = await slider.evaluate((input) => {
      for (let v = 1; v <= 9; ++v) {
        input.value = String(v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      return input.id;
    });
    assert.ok(id);
    await page.waitForFunction(() => window.__widgetSends.at(-1)?.value === 9);
    const sends = await page.evaluate(() => window.__widgetSends.map((m) => m.value));
    assert.ok(sends.length <= 3, `nine moves sent ${sends.length} messages: ${sends}`);
    await page.waitForFunction(() => document.querySelector('pre.json code')?.textContent.includes('"replicas": 9'));
    assert.equal((await currentValues(page)).replicas, 9);
  });
});

test('widgets work from the keyboard, with labels tied to their controls', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    // Radio buttons: arrows move the choice.
    await page.getByLabel('Team').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('pre.json code')?.textContent.includes('"Enterprise"'));
    // A checkbox by Space, found by its label.
    const agree = page.getByLabel('I agree to the terms');
    const before = await agree.isChecked();
    await agree.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(
      (v) => document.querySelector('pre.json code')?.textContent.includes(`"agree": ${v}`),
      !before,
    );
    // A select by arrows.
    const region = page.getByLabel('Region');
    await region.focus();
    await region.selectOption({ index: 1 });
    const chosen = await region.inputValue();
    await page.waitForFunction(
      (v) => document.querySelector('pre.json code')?.textContent.includes(`"region": "${v}"`),
      chosen,
    );
    // Every control has an accessible name.
    const unnamed = await page.$$eval('#main input, #main select, #main textarea', (controls) =>
      controls.filter((c) => !c.labels?.length && !c.getAttribute('aria-label')).map((c) => c.outerHTML),
    );
    assert.deepEqual(unnamed, []);
    assert.deepEqual(page.problems, []);
  });
});

test('a download button saves its bytes under its file name, then reports the click', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(e.message));
    await page.goto(server.url);
    await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these values' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'values.json');
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    const saved = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    assert.deepEqual(saved, await currentValues(page));
    await page.locator('#toasts .toast', { hasText: 'values.json saved' }).waitFor();
    assert.deepEqual(page.problems, []);
  });
});
