// SPDX-License-Identifier: GPL-3.0-or-later
// Min/max decimation, the rule the window's charts follow (widgets/src/chartview.cpp).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimateForView, extendShown, lowerBound, Series, span } from '../src/decimate';

function series(ys: number[]): Series {
  return { xs: Float64Array.from(ys.map((_, i) => i)), ys: [Float64Array.from(ys)] };
}

test('lowerBound finds the first x at or above a value', () => {
  const xs = Float64Array.from([1, 2, 2, 5]);
  assert.equal(lowerBound(xs, 0), 0);
  assert.equal(lowerBound(xs, 2), 1);
  assert.equal(lowerBound(xs, 3), 3);
  assert.equal(lowerBound(xs, 9), 4);
});

test('few rows are kept as they are', () => {
  const out = { xs: [] as number[], ys: [[] as number[]] };
  span(series([3, 1, 4]), 0, 3, 2, out);
  assert.deepEqual(out.xs, [0, 1, 2]);
  assert.deepEqual(out.ys[0], [3, 1, 4]);
});

test('each bucket keeps its lowest and highest value, in the order they occur', () => {
  const out = { xs: [] as number[], ys: [[] as number[]] };
  // Two buckets of four rows: the peak (9) and the dip (-7) survive.
  span(series([0, 9, 1, 2, 3, -7, 4, 5]), 0, 8, 2, out);
  assert.deepEqual(out.ys[0], [0, 9, -7, 5]);
  assert.deepEqual(out.xs, [0, 3, 4, 7]);
});

test('a view keeps the whole range known and is fine inside', () => {
  const ys = Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50));
  const shown = decimateForView(series(ys), 4000, 4100, 200);
  assert.ok(shown.xs.length < 2 * (32 + 200 + 32) + 1);
  assert.equal(shown.xs[0], 0);
  assert.equal(shown.xs[shown.xs.length - 1], 9999);
  // Inside the view every row is there (100 rows, fewer than 2 × 200 buckets).
  for (let x = 4000; x <= 4100; ++x) assert.ok(shown.xs.includes(x), `row ${x} is shown`);
  const sorted = [...shown.xs].every((x, i, all) => i === 0 || all[i - 1] <= x);
  assert.ok(sorted, 'x stays in row order');
});

test('rows added later are decimated at the density of the rest', () => {
  const shown = series([1, 2]);
  const more = series(Array.from({ length: 100 }, (_, i) => i));
  const out = extendShown(shown, more, 0.1);
  assert.equal(out.xs.length, 2 + 20); // 10 buckets, two points each
  assert.equal(out.ys[0][2], 0);
  assert.equal(out.ys[0][out.ys[0].length - 1], 99);
});
