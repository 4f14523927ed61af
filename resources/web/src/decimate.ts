// SPDX-License-Identifier: GPL-3.0-or-later
// Min/max decimation for display, as the window's charts do: each bucket of rows keeps its
// lowest and highest value, in row order, so peaks survive and the line keeps its shape.

export interface Series {
  xs: Float64Array;
  ys: Float64Array[];
}

/// The index of the first x ≥ value in ascending xs.
export function lowerBound(xs: Float64Array, value: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/// Rows [from, to) of `data` in at most 2 × buckets points.
export function span(data: Series, from: number, to: number, buckets: number, out: { xs: number[]; ys: number[][] }) {
  const count = to - from;
  if (count <= 0) return;
  if (count <= 2 * buckets) {
    for (let i = from; i < to; ++i) {
      out.xs.push(data.xs[i]);
      data.ys.forEach((y, s) => out.ys[s].push(y[i]));
    }
    return;
  }
  const starts = new Int32Array(buckets + 1);
  for (let b = 0; b <= buckets; ++b) starts[b] = from + Math.floor((b * count) / buckets);
  for (let b = 0; b < buckets; ++b) out.xs.push(data.xs[starts[b]], data.xs[starts[b + 1] - 1]);
  data.ys.forEach((y, s) => {
    const target = out.ys[s];
    for (let b = 0; b < buckets; ++b) {
      const start = starts[b];
      const end = starts[b + 1];
      let min = start;
      let max = start;
      let low = y[start];
      let high = low;
      for (let i = start + 1; i < end; ++i) {
        const v = y[i];
        if (v < low) ((low = v), (min = i));
        else if (v > high) ((high = v), (max = i));
      }
      // Lowest and highest, in the order they occur.
      if (min <= max) target.push(low, high);
      else target.push(high, low);
    }
  });
}

/// `shown` (what a chart draws) with `more` (rows after its last) added at the density the
/// rest was decimated to: `perRow` buckets per row, at least one.
export function extendShown(shown: Series, more: Series, perRow: number): Series {
  const out = { xs: [] as number[], ys: more.ys.map(() => [] as number[]) };
  span(more, 0, more.xs.length, Math.max(1, Math.round(more.xs.length * perRow)), out);
  const join = (a: Float64Array, b: number[]) => {
    const all = new Float64Array(a.length + b.length);
    all.set(a);
    all.set(b, a.length);
    return all;
  };
  return { xs: join(shown.xs, out.xs), ys: shown.ys.map((y, s) => join(y, out.ys[s])) };
}

/// What a chart draws of `data` with [xMin, xMax] in view: fine buckets in view, and a few
/// coarse ones on either side so that the whole range stays known (reset zoom goes back to it).
export function decimateForView(data: Series, xMin: number, xMax: number, buckets: number): Series {
  const n = data.xs.length;
  const from = Math.max(0, lowerBound(data.xs, xMin) - 1);
  const to = Math.min(n, lowerBound(data.xs, xMax) + 1);
  const out = { xs: [] as number[], ys: data.ys.map(() => [] as number[]) };
  span(data, 0, from, 32, out);
  span(data, from, to, buckets, out);
  span(data, to, n, 32, out);
  return { xs: Float64Array.from(out.xs), ys: out.ys.map((y) => Float64Array.from(y)) };
}
