// SPDX-License-Identifier: GPL-3.0-or-later
// Charts drawn on a canvas, decimated to about two points per pixel.
import { Buffers, Element } from './protocol';

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];

export function drawChart(canvas: HTMLCanvasElement, element: Element, buffers: Buffers): void {
  const p = element.props;
  const columns = element.data?.columns ?? [];
  const xColumn = columns.find((c) => c.name === p.x);
  const series = columns.filter(
    (c) => c !== xColumn && c.type === 'f64' && (!p.y || p.y.length === 0 || p.y.includes(c.name)),
  );
  const w = (canvas.width = canvas.clientWidth || 600);
  const h = (canvas.height = 260);
  const g = canvas.getContext('2d');
  if (!g) return;
  const ys = series.map((c) => buffers.numbers(c));
  const xs = xColumn ? buffers.numbers(xColumn) : null;
  const n = ys.length ? ys[0].length : 0;
  if (!n) return;
  let lo = Infinity;
  let hi = -Infinity;
  ys.forEach((y) =>
    y.forEach((v) => {
      if (isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }),
  );
  if (element.kind === 'bar_chart' || element.kind === 'area_chart') lo = Math.min(lo, 0);
  const x0 = xs ? xs[0] : 0;
  const x1 = xs ? xs[n - 1] : n - 1;
  const px = (i: number) => 40 + (((xs ? xs[i] : i) - x0) / (x1 - x0 || 1)) * (w - 50);
  const py = (v: number) => h - 20 - ((v - lo) / (hi - lo || 1)) * (h - 30);
  const step = Math.max(1, Math.floor(n / (w * 2)));
  ys.forEach((y, s) => {
    g.strokeStyle = g.fillStyle = COLOURS[s % COLOURS.length];
    g.beginPath();
    for (let i = 0; i < n; i += step) {
      if (element.kind === 'scatter_chart') g.fillRect(px(i) - 1, py(y[i]) - 1, 3, 3);
      else if (element.kind === 'bar_chart') g.fillRect(px(i) - 2 + s * 4, py(y[i]), 4, py(lo) - py(y[i]));
      else if (i === 0) g.moveTo(px(i), py(y[i]));
      else g.lineTo(px(i), py(y[i]));
    }
    if (element.kind === 'line_chart' || element.kind === 'area_chart') g.stroke();
  });
  g.fillStyle = getComputedStyle(document.body).color;
  g.fillText(hi.toPrecision(4), 2, 12);
  g.fillText(lo.toPrecision(4), 2, h - 20);
}
