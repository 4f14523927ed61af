// SPDX-License-Identifier: GPL-3.0-or-later
// Charts with uPlot: line, area, bar and scatter, several series, a legend that follows the
// cursor, and zoom by dragging (double-click resets). uPlot draws large series by pixel
// (min/max per column of pixels), so a million points stay quick and zoom keeps the detail.
import uPlot from 'uplot';
import { Buffers, Element } from './protocol';

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];

function themeColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/// Bars of `count` series side by side around each x, from zero.
function groupedBars(index: number, count: number): uPlot.Series.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx];
    const path = new Path2D();
    const step =
      xs.length > 1 ? Math.abs(u.valToPos(xs[1], 'x', true) - u.valToPos(xs[0], 'x', true)) : u.bbox.width / 2;
    const group = step * 0.8;
    const width = group / count;
    const zero = u.valToPos(0, 'y', true);
    for (let i = idx0; i <= idx1; i++) {
      const y = ys[i];
      if (y === null || y === undefined || !isFinite(y)) continue;
      const left = u.valToPos(xs[i], 'x', true) - group / 2 + index * width;
      const top = u.valToPos(y, 'y', true);
      path.rect(left, Math.min(top, zero), Math.max(1, width - 1), Math.abs(zero - top));
    }
    return { stroke: path, fill: path };
  };
}

function seriesStyle(kind: string, colour: string, index: number, count: number): Partial<uPlot.Series> {
  switch (kind) {
    case 'area_chart':
      return { stroke: colour, fill: colour + '33', width: 1.5, points: { show: false } };
    case 'bar_chart':
      return { stroke: colour, fill: colour + 'cc', paths: groupedBars(index, count), points: { show: false } };
    case 'scatter_chart':
      return { stroke: colour, fill: colour, paths: () => null, points: { show: true, size: 5, fill: colour } };
    default:
      return { stroke: colour, width: 1.5, points: { show: false } };
  }
}

/// uPlot draws x ascending: rows whose x is not get sorted by it (scatter data often is not).
function sortByX(xs: Float64Array, ys: Float64Array[]): [Float64Array, Float64Array[]] {
  let ascending = true;
  for (let i = 1; i < xs.length && ascending; i++) ascending = !(xs[i] < xs[i - 1]);
  if (ascending) return [xs, ys];
  const order = Array.from(xs.keys()).sort((a, b) => xs[a] - xs[b]);
  const pick = (v: Float64Array) => Float64Array.from(order, (i) => v[i]);
  return [pick(xs), ys.map(pick)];
}

function build(host: HTMLElement, element: Element, buffers: Buffers): uPlot {
  const p = element.props;
  const columns = element.data?.columns ?? [];
  const xColumn = columns.find((c) => c.name === p.x);
  const yNames: string[] = p.y ?? [];
  const series = columns.filter(
    (c) => c !== xColumn && c.type === 'f64' && (yNames.length === 0 || yNames.includes(c.name)),
  );
  const rawYs = series.map((c) => buffers.numbers(c));
  const rows = rawYs.length ? rawYs[0].length : 0;
  let rawXs = xColumn ? buffers.numbers(xColumn) : null;
  if (!rawXs || rawXs.length !== rows) rawXs = Float64Array.from({ length: rows }, (_, i) => i);
  const [xs, ys] = sortByX(rawXs, rawYs);
  const bars = element.kind === 'bar_chart';
  const fromZero = bars || element.kind === 'area_chart';
  const text = themeColour('--text');
  const grid = themeColour('--grid');
  const axis = (label: string): uPlot.Axis => ({
    stroke: text,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    label: label || undefined,
  });
  const options: uPlot.Options = {
    width: Math.max(200, host.clientWidth || 600),
    height: p.height || 280,
    scales: {
      // Bars get half a step of room at both ends; bars and areas stand on zero.
      x: {
        time: false,
        range: bars
          ? (_u, min, max) => {
              const half = rows > 1 ? (max - min) / (rows - 1) / 2 : 0.5;
              return [min - half, max + half];
            }
          : undefined,
      },
      y: {
        range: fromZero
          ? (_u, min, max) => uPlot.rangeNum(Math.min(0, min), Math.max(0, max), 0.1, true)
          : undefined,
      },
    },
    axes: [axis(p.xLabel ?? ''), axis(p.yLabel ?? '')],
    series: [
      { label: p.x || 'row' },
      ...series.map((c, i) => ({
        label: c.name,
        ...seriesStyle(element.kind, COLOURS[i % COLOURS.length], i, series.length),
      })),
    ],
    cursor: { drag: { x: true, y: false } },
    legend: { show: true, live: true },
  };
  host.replaceChildren();
  return new uPlot(options, [xs as unknown as number[], ...(ys as unknown as number[][])], host);
}

interface Chart {
  element: Element;
  buffers: Buffers;
  plot: uPlot | null;
}

const charts = new Map<HTMLElement, Chart>();
const resized = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const plot = charts.get(entry.target as HTMLElement)?.plot;
    const width = Math.floor(entry.contentRect.width);
    if (plot && width > 0 && width !== plot.width) plot.setSize({ width, height: plot.height });
  }
});

/// A node that shows `element` as a chart once it is in the document.
export function chartView(element: Element, buffers: Buffers): HTMLElement {
  const host = document.createElement('div');
  host.className = 'chart';
  const chart: Chart = { element, buffers, plot: null };
  charts.set(host, chart);
  requestAnimationFrame(() => {
    if (!host.isConnected || charts.get(host) !== chart) return;
    chart.plot = build(host, element, buffers);
    resized.observe(host);
  });
  return host;
}

/// Frees the charts under `root`, which leaves the page (a walk of that subtree only).
export function disposeCharts(root: HTMLElement): void {
  const hosts = [...root.querySelectorAll<HTMLElement>('.chart')];
  if (root.classList.contains('chart')) hosts.push(root);
  for (const host of hosts) {
    const chart = charts.get(host);
    if (!chart) continue;
    chart.plot?.destroy();
    resized.unobserve(host);
    charts.delete(host);
  }
}

/// Draws every chart again (the theme changed).
export function redrawCharts(): void {
  for (const [host, chart] of charts) {
    if (!host.isConnected || !chart.plot) continue;
    chart.plot.destroy();
    chart.plot = build(host, chart.element, chart.buffers);
  }
}
