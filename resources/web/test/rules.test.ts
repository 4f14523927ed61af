// SPDX-License-Identifier: GPL-3.0-or-later
// The checks the page makes before it sends, ported from the core (which checks again):
// data editor cells (core/src/page/dataedits.cpp) and uploads (fileUploadProblem in
// core/src/page/schema.cpp).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellValue, ColumnSpec } from '../src/editor';
import { fileProblem } from '../src/widgets/upload';

const number: ColumnSpec = { name: 'n', type: 'number', min: 0, max: 10 };
const integer: ColumnSpec = { name: 'i', type: 'integer' };
const check: ColumnSpec = { name: 'c', type: 'checkbox' };
const choice: ColumnSpec = { name: 'k', type: 'choice', options: ['a', 'b'], required: true };
const text: ColumnSpec = { name: 't', type: 'text', maxChars: 3 };

test('numbers are parsed and bounded', () => {
  assert.deepEqual(cellValue(number, ' 2.5 '), { value: 2.5 });
  assert.deepEqual(cellValue(number, 11), { problem: '11 is outside [0, 10]' });
  assert.deepEqual(cellValue(number, 'x'), { problem: 'expected a number' });
  assert.deepEqual(cellValue(number, ''), { value: null });
  assert.deepEqual(cellValue({ name: 'n', type: 'number', min: 1 }, 0), { problem: '0 is below 1' });
});

test('whole numbers refuse fractions', () => {
  assert.deepEqual(cellValue(integer, '3'), { value: 3 });
  assert.deepEqual(cellValue(integer, '3.5'), { problem: 'expected a whole number' });
});

test('checkboxes hold 0 or 1', () => {
  assert.deepEqual(cellValue(check, true), { value: 1 });
  assert.deepEqual(cellValue(check, false), { value: 0 });
  assert.deepEqual(cellValue(check, 2), { problem: 'expected checked or not' });
});

test('choices and text keep to their options and length', () => {
  assert.deepEqual(cellValue(choice, 'a'), { value: 'a' });
  assert.deepEqual(cellValue(choice, 'z'), { problem: "'z' is not one of: a, b" });
  assert.deepEqual(cellValue(choice, ''), { problem: 'a value is required' });
  assert.deepEqual(cellValue(text, 'abcd'), { problem: 'at most 3 characters' });
  assert.deepEqual(cellValue(text, null), { value: '' });
});

test('uploads keep to the size limit and the types taken', () => {
  const props = { maxBytes: 1024, types: ['csv', '.TXT'] };
  assert.equal(fileProblem(props, 'a.csv', 10), '');
  assert.equal(fileProblem(props, 'notes.txt', 10), '');
  assert.equal(fileProblem(props, 'a.png', 10), "'a.png' is not one of the types taken here: csv, .TXT");
  assert.equal(fileProblem(props, 'csv', 10), "'csv' is not one of the types taken here: csv, .TXT");
  assert.equal(fileProblem(props, 'big.csv', 2048), "'big.csv' is 2.0 kB; files up to 1.0 kB are taken here");
  assert.equal(fileProblem({}, 'anything.bin', 1 << 30), '');
});
