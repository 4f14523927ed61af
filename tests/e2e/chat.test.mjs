// SPDX-License-Identifier: GPL-3.0-or-later
// Chat in the browser (the gallery's chat page): the input is docked at the bottom, sends on
// Enter and clears; the question shows as the user's message and the answer streams in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

test('a chat message is sent from the docked input and the answer streams in', async () => {
  await withServer('gallery-chat', async (server, browser) => {
    const page = await open(browser, server.url, { height: 700 });
    await settled(page);
    const input = page.getByRole('textbox', { name: 'Ask the gallery' });
    const bar = await input.evaluate((i) => i.closest('form').getBoundingClientRect().bottom);
    assert.equal(Math.round(bar), 700, 'docked at the bottom of the viewport');

    await input.fill('How fast is it?');
    await input.press('Enter');
    assert.equal(await input.inputValue(), '', 'the input clears once sent');
    const user = page.locator('.chat-message[data-role=user]');
    await user.getByText('How fast is it?').waitFor();
    // The answer arrives piece by piece: first with the cursor, then whole.
    const answer = page.locator('.chat-message[data-role=assistant]').last();
    await page.waitForFunction(() => {
      const all = document.querySelectorAll('.chat-message[data-role=assistant]');
      return all.length === 2 && all[1].textContent.includes('▌');
    });
    await settled(page);
    const text = await answer.textContent();
    assert.match(text, /You asked “How fast is it\?” — 4 word\(s\)\./);
    assert.ok(!text.includes('▌'), 'the cursor goes when the stream ends');

    // The next run shows the conversation from session state, and the input is empty again.
    await page.getByRole('button', { name: 'Rerun' }).click();
    await settled(page);
    assert.equal(await page.locator('.chat-message').count(), 3);
    assert.equal(await page.locator('form.chat-input').count(), 1);
    assert.deepEqual(page.problems, []);
  });
});
