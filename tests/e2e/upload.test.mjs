// SPDX-License-Identifier: GPL-3.0-or-later
// Files as a person gives them to the gallery's uploader: picked with the file input or
// dropped on it, sent over the socket in frames, shown by the run; refused files are named
// with the reason where they were given, and nothing is sent for them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open, settled, withServer } from './harness.mjs';

const LABEL = 'A CSV or text file to look at';

test('a file picked or dropped reaches the run; refused ones are named', async () => {
  await withServer('gallery-widgets', async (server, browser) => {
    const page = await open(browser, server.url);
    await settled(page);
    const uploader = page.locator('.widget', { hasText: LABEL });
    const note = uploader.locator('.upload-note');
    const input = page.getByLabel(LABEL);

    // Picked: a CSV shows as a table.
    const csv = 'name,score\nada,3\nbob,5\n';
    await input.setInputFiles({ name: 'scores.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText(`scores.csv — ${csv.length} bytes, text/csv`).waitFor();
    await page.getByRole('region', { name: 'Table of 2 rows' }).waitFor();
    assert.deepEqual(await uploader.locator('.upload-files li').allTextContents(), ['scores.csv']);

    // Several megabytes travel in several frames, every byte of them.
    const big = 'x'.repeat(3 * 1024 * 1024 - 5) + '\nend\n';
    await input.setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
    await page.getByText(`big.txt — ${big.length.toLocaleString('en-US')} bytes`).waitFor({ timeout: 30_000 });

    // Refused before anything is sent: too large, or a type it does not take.
    await input.setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * 1024 * 1024, 'a') });
    await note.filter({ hasText: "'huge.csv' is 6.0 MB; files up to 5.0 MB are taken here" }).waitFor();
    assert.equal(await note.getAttribute('role'), 'alert');
    await input.setInputFiles({ name: 'run.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await note.filter({ hasText: "'run.exe' is not one of the types taken here: csv, txt, json" }).waitFor();
    assert.deepEqual(await uploader.locator('.upload-files li').allTextContents(), ['big.txt']);

    // Dropped on the box, as from a file manager.
    await uploader.locator('.upload-zone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['a,b\n1,2\n'], 'dropped.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('dropped.csv — 8 bytes, text/csv').waitFor();

    // A download made by a function when pressed: the click first, then the bytes it made.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download a summary of the files' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'summary.csv');
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).toString(), 'name,bytes,lines\ndropped.csv,8,2\n');

    // Removed: the page is as before.
    await uploader.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Drop files on the box, or browse').waitFor();
    assert.deepEqual(page.problems, []);
  });
});
