// SPDX-License-Identifier: GPL-3.0-or-later
// Every x/y mark, drawn on uPlot's canvas in its draw hook with uPlot's scales: lines and
// areas decimated to the plot's width, bars, heatmap cells as one scaled image, box plots,
// candlesticks, error bars, bands, rules and text.
import uPlot from 'uplot';
import { decimateForView } from '../decimate';
import { formatNumber } from './format';
import { rampColour, rampPixels, seriesColour } from './palette';
import { ChartSpec, Layer, SeriesSpec } from './spec';

export interface Canvas {
  u: uPlot;
  spec: ChartSpec;
  dark: boolean;
  text: string;
}

const px = (c: Canvas, v: number, scale: string) => c.u.valToPos(v, scale, true);

function yScale(layer: Layer): string {
  return layer.right ? 'yr' : 'y';
}

/// Rows of one series, decimated for the x range in view when there are many.
function seriesPoints(c: Canvas, layer: Layer, s: SeriesSpec, channel: string): { xs: Float64Array; ys: Float64Array } {
  const xs = layer.numbers('x').subarray(s.start, s.start + s.count);
  const ys = layer.numbers(channel).subarray(s.start, s.start + s.count);
  const width = c.u.bbox.width;
  if (xs.length <= 2 * width) return { xs, ys };
  const { min, max } = c.u.scales.x;
  const shown = decimateForView({ xs, ys: [ys] }, min ?? -Infinity, max ?? Infinity, Math.max(1, Math.round(width)));
  return { xs: shown.xs, ys: shown.ys[0] };
}

function tracePath(c: Canvas, xs: Float64Array, ys: Float64Array, scale: string, path: Path2D, reverse = false): void {
  let pen = false;
  const n = xs.length;
  for (let k = 0; k < n; k++) {
    const i = reverse ? n - 1 - k : k;
    const y = ys[i];
    if (!Number.isFinite(y)) {
      pen = false;
      continue;
    }
    const X = px(c, xs[i], 'x');
    const Y = px(c, y, scale);
    if (pen || reverse) path.lineTo(X, Y);
    else path.moveTo(X, Y);
    pen = true;
  }
}

function withAlpha(hex: string, alpha: number): string {
  return (
    hex +
    Math.round(alpha * 255)
      .toString(16)
      .padStart(2, '0')
  );
}

export function drawLines(c: Canvas, layer: Layer): void {
  const ctx = c.u.ctx;
  const scale = yScale(layer);
  for (const s of layer.spec.series) {
    const colour = seriesColour(s.color, c.dark);
    if (layer.mark === 'line') {
      const { xs, ys } = seriesPoints(c, layer, s, 'y');
      const path = new Path2D();
      tracePath(c, xs, ys, scale, path);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.stroke(path);
      continue;
    }
    // Areas and bands: from y2 (or zero) up to y; a band from y to y2.
    const band = layer.mark === 'errorband';
    const top = seriesPoints(c, layer, s, band ? 'y2' : 'y');
    const hasBase = layer.has(band ? 'y' : 'y2');
    const bottom = hasBase ? seriesPoints(c, layer, s, band ? 'y' : 'y2') : null;
    const path = new Path2D();
    tracePath(c, top.xs, top.ys, scale, path);
    if (bottom) tracePath(c, bottom.xs, bottom.ys, scale, path, true);
    else if (top.xs.length) {
      path.lineTo(px(c, top.xs[top.xs.length - 1], 'x'), px(c, 0, scale));
      path.lineTo(px(c, top.xs[0], 'x'), px(c, 0, scale));
    }
    path.closePath();
    ctx.fillStyle = withAlpha(colour, band ? 0.25 : 0.45);
    ctx.fill(path);
    const edge = new Path2D();
    tracePath(c, top.xs, top.ys, scale, edge);
    ctx.strokeStyle = colour;
    ctx.lineWidth = (band ? 0.5 : 1.5) * devicePixelRatio;
    ctx.stroke(edge);
  }
}

export function drawPoints(c: Canvas, layer: Layer): void {
  const ctx = c.u.ctx;
  const scale = yScale(layer);
  const xs = layer.numbers('x');
  const ys = layer.numbers('y');
  const sizes = layer.numbers('size');
  const colours = layer.numbers('color');
  const colourDomain = c.spec.colorScale?.domain ?? [0, 1];
  let sizeMax = 0;
  for (const v of sizes) if (v > sizeMax) sizeMax = v;
  const many = xs.length > 20000;
  for (const s of layer.spec.series) {
    ctx.fillStyle = seriesColour(s.color, c.dark);
    for (let i = s.start; i < s.start + s.count; i++) {
      if (!Number.isFinite(ys[i]) || !Number.isFinite(xs[i])) continue;
      const X = px(c, xs[i], 'x');
      const Y = px(c, ys[i], scale);
      if (colours.length && layer.encoding('color')?.type === 'quantitative') {
        const [r, g, b] = rampColour((colours[i] - colourDomain[0]) / (colourDomain[1] - colourDomain[0] || 1));
        ctx.fillStyle = `rgb(${r},${g},${b})`;
      }
      const radius = (sizes.length && sizeMax > 0 ? 2 + 10 * Math.sqrt(sizes[i] / sizeMax) : 3.5) * devicePixelRatio;
      if (many) ctx.fillRect(X - radius / 2, Y - radius / 2, radius, radius);
      else {
        ctx.beginPath();
        ctx.arc(X, Y, radius, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }
}

export function drawBars(c: Canvas, layer: Layer): void {
  const ctx = c.u.ctx;
  const horizontal = !!layer.spec.horizontal;
  const across = horizontal ? 'y' : 'x';
  const measure = horizontal ? 'x' : 'y';
  const base = horizontal ? 'x2' : 'y2';
  const acrossScale = horizontal ? 'y' : 'x';
  const measureScale = horizontal ? 'x' : yScale(layer);
  const band = c.spec.axes[across]?.scale === 'band';
  const at = layer.numbers(across);
  const value = layer.numbers(measure);
  const bases = layer.numbers(base);
  const stacked = bases.length > 0 && band;
  const ends = layer.numbers('x2');
  const series = layer.spec.series;
  // The width of a bar in values: a band, a bin, or 80% of the narrowest gap.
  let width = 1;
  if (!band && !ends.length) {
    let gap = Infinity;
    for (let i = 1; i < at.length; i++) {
      const d = Math.abs(at[i] - at[i - 1]);
      if (d > 0 && d < gap) gap = d;
    }
    width = Number.isFinite(gap) ? gap * 0.8 : 1;
  }
  series.forEach((s, k) => {
    ctx.fillStyle = seriesColour(s.color, c.dark);
    for (let i = s.start; i < s.start + s.count; i++) {
      const v = value[i];
      if (!Number.isFinite(v)) continue;
      let from: number;
      let to: number;
      if (band) {
        const slot = stacked || series.length === 1 ? 0.8 : 0.8 / series.length;
        from = at[i] - 0.4 + (stacked || series.length === 1 ? 0 : k * slot);
        to = from + slot;
      } else if (ends.length) {
        from = at[i];
        to = ends[i];
      } else {
        from = at[i] - width / 2;
        to = at[i] + width / 2;
      }
      const a = px(c, from, acrossScale);
      const b = px(c, to, acrossScale);
      const lo = px(c, bases.length ? bases[i] : 0, measureScale);
      const hi = px(c, v, measureScale);
      const gap = ends.length ? Math.min(1, Math.abs(b - a) * 0.05) : 0;
      if (horizontal)
        ctx.fillRect(Math.min(lo, hi), Math.min(a, b) + gap, Math.abs(hi - lo), Math.abs(b - a) - 2 * gap);
      else ctx.fillRect(Math.min(a, b) + gap, Math.min(lo, hi), Math.abs(b - a) - 2 * gap, Math.abs(hi - lo));
    }
  });
}

/// Heatmap cells as one image of a pixel per cell, scaled to the plot.
export function drawCells(c: Canvas, layer: Layer): void {
  const axes = c.spec.axes;
  const cells = (axis: 'x' | 'y') => {
    const a = axes[axis];
    if (!a) return { n: 1, lo: 0, step: 1, band: true };
    if (a.scale === 'band') return { n: a.labels?.length ?? 1, lo: -0.5, step: 1, band: true };
    const step = layer.encoding(axis)?.binStep ?? 1;
    return { n: Math.max(1, Math.ceil((a.domain[1] - a.domain[0]) / step)), lo: a.domain[0], step, band: false };
  };
  const cx = cells('x');
  const cy = cells('y');
  const image = new ImageData(cx.n, cy.n);
  const xs = layer.numbers('x');
  const ys = layer.numbers('y');
  const values = layer.numbers('color');
  const [lo, hi] = c.spec.colorScale?.domain ?? [0, 1];
  const pixels = new Uint32Array(image.data.buffer);
  const ramp = rampPixels();
  const scale = hi > lo ? 255 / (hi - lo) : 0;
  const n = Math.min(xs.length, ys.length, values.length);
  for (let i = 0; i < n; i++) {
    const col = cx.band ? xs[i] : Math.floor((xs[i] - cx.lo) / cx.step + 1e-9);
    const row = cy.band ? ys[i] : Math.floor((ys[i] - cy.lo) / cy.step + 1e-9);
    const value = values[i];
    if (!(col >= 0 && col < cx.n && row >= 0 && row < cy.n) || value !== value) continue;
    const shade = scale > 0 ? Math.min(255, Math.max(0, Math.floor((value - lo) * scale))) : 128;
    pixels[(cy.n - 1 - row) * cx.n + col] = ramp[shade];
  }
  const sprite = document.createElement('canvas');
  sprite.width = cx.n;
  sprite.height = cy.n;
  sprite.getContext('2d')?.putImageData(image, 0, 0);
  const x0 = px(c, axes.x?.domain[0] ?? 0, 'x');
  const x1 = px(c, axes.x?.domain[1] ?? 1, 'x');
  const y0 = px(c, axes.y?.domain[1] ?? 1, 'y');
  const y1 = px(c, axes.y?.domain[0] ?? 0, 'y');
  const ctx = c.u.ctx;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(sprite, Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
}

export function drawBoxes(c: Canvas, layer: Layer): void {
  const ctx = c.u.ctx;
  const scale = yScale(layer);
  const x = layer.numbers('x');
  const [lower, q1, median, q3, upper] = ['lower', 'q1', 'median', 'q3', 'upper'].map((k) => layer.numbers(k));
  const colour = seriesColour(layer.spec.series[0]?.color ?? 0, c.dark);
  ctx.lineWidth = 1.5 * devicePixelRatio;
  for (let i = 0; i < median.length; i++) {
    const at = x.length ? x[i] : 0;
    const left = px(c, at - 0.3, 'x');
    const right = px(c, at + 0.3, 'x');
    const mid = px(c, at, 'x');
    const [yl, y1, ym, y3, yu] = [lower[i], q1[i], median[i], q3[i], upper[i]].map((v) => px(c, v, scale));
    ctx.fillStyle = withAlpha(colour, 0.6);
    ctx.fillRect(left, Math.min(y1, y3), right - left, Math.abs(y3 - y1));
    ctx.strokeStyle = c.text;
    ctx.beginPath();
    ctx.rect(left, Math.min(y1, y3), right - left, Math.abs(y3 - y1));
    ctx.moveTo(left, ym);
    ctx.lineTo(right, ym);
    ctx.moveTo(mid, y3);
    ctx.lineTo(mid, yu);
    ctx.moveTo(mid, y1);
    ctx.lineTo(mid, yl);
    const cap = (right - left) / 4;
    ctx.moveTo(mid - cap, yu);
    ctx.lineTo(mid + cap, yu);
    ctx.moveTo(mid - cap, yl);
    ctx.lineTo(mid + cap, yl);
    ctx.stroke();
  }
}

/// Candlesticks (a wick from low to high, a body from open to close) and error bars.
export function drawSticks(c: Canvas, layer: Layer): void {
  const ctx = c.u.ctx;
  const scale = yScale(layer);
  const x = layer.numbers('x');
  const candles = layer.mark === 'candlestick';
  const [a, b, low, high] = candles
    ? [layer.numbers('open'), layer.numbers('close'), layer.numbers('low'), layer.numbers('high')]
    : [layer.numbers('y'), layer.numbers('y2'), layer.numbers('y'), layer.numbers('y2')];
  let gap = Infinity;
  for (let i = 1; i < x.length; i++) if (x[i] > x[i - 1]) gap = Math.min(gap, x[i] - x[i - 1]);
  const half = Math.abs(px(c, x[0] + (Number.isFinite(gap) ? gap : 1) * 0.35, 'x') - px(c, x[0], 'x'));
  for (const s of layer.spec.series) {
    for (let i = s.start; i < s.start + s.count; i++) {
      const X = px(c, x[i], 'x');
      const up = b[i] >= a[i];
      const colour = candles ? seriesColour(up ? 2 : 1, c.dark) : seriesColour(s.color, c.dark);
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(X, px(c, low[i], scale));
      ctx.lineTo(X, px(c, high[i], scale));
      if (!candles) {
        const cap = half * 0.6;
        for (const v of [low[i], high[i]]) {
          ctx.moveTo(X - cap, px(c, v, scale));
          ctx.lineTo(X + cap, px(c, v, scale));
        }
      }
      ctx.stroke();
      if (candles) {
        const top = px(c, Math.max(a[i], b[i]), scale);
        const bottom = px(c, Math.min(a[i], b[i]), scale);
        ctx.fillRect(X - half, top, 2 * half, Math.max(1, bottom - top));
      }
    }
  }
}

export function drawRules(c: Canvas, layer: Layer): void {
  const ctx = c.u.ctx;
  const scale = yScale(layer);
  const { left, top, width, height } = c.u.bbox;
  ctx.strokeStyle = seriesColour(layer.spec.series[0]?.color ?? 0, c.dark);
  ctx.lineWidth = 1.5 * devicePixelRatio;
  ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
  ctx.beginPath();
  const y = layer.encoding('y');
  const x = layer.encoding('x');
  const horizontalAt = (v: number) => {
    ctx.moveTo(left, px(c, v, scale));
    ctx.lineTo(left + width, px(c, v, scale));
  };
  const verticalAt = (v: number, from = top, to = top + height) => {
    ctx.moveTo(px(c, v, 'x'), from);
    ctx.lineTo(px(c, v, 'x'), to);
  };
  if (y?.value !== undefined) horizontalAt(y.value);
  else if (x?.value !== undefined) verticalAt(x.value);
  else {
    const xs = layer.numbers('x');
    const ys = layer.numbers('y');
    const y2 = layer.numbers('y2');
    for (let i = 0; i < layer.spec.rows; i++) {
      if (xs.length && y2.length) verticalAt(xs[i], px(c, ys[i], scale), px(c, y2[i], scale));
      else if (ys.length) horizontalAt(ys[i]);
      else verticalAt(xs[i]);
    }
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

export function drawText(c: Canvas, layer: Layer): void {
  const ctx = c.u.ctx;
  const scale = yScale(layer);
  const xs = layer.numbers('x');
  const ys = layer.numbers('y');
  const numbers = layer.numbers('text');
  const text = layer.text('text');
  const labels = layer.encoding('text')?.labels;
  const format = layer.encoding('text')?.format;
  ctx.fillStyle = c.text;
  ctx.font = `${12 * devicePixelRatio}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (let i = 0; i < Math.min(layer.spec.rows, 2000); i++) {
    const s = labels ? (labels[numbers[i]] ?? '') : numbers.length ? formatNumber(numbers[i], format) : (text[i] ?? '');
    ctx.fillText(s, px(c, xs[i], 'x'), px(c, ys[i], scale) - 2 * devicePixelRatio);
  }
}

/// Draws `layer` with the function for its mark.
export function drawLayer(c: Canvas, layer: Layer): void {
  switch (layer.mark) {
    case 'line':
    case 'area':
    case 'errorband':
      return drawLines(c, layer);
    case 'point':
      return drawPoints(c, layer);
    case 'bar':
      return drawBars(c, layer);
    case 'rect':
      return drawCells(c, layer);
    case 'boxplot':
      return drawBoxes(c, layer);
    case 'candlestick':
    case 'errorbar':
      return drawSticks(c, layer);
    case 'rule':
      return drawRules(c, layer);
    case 'text':
      return drawText(c, layer);
  }
}
