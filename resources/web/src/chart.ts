// SPDX-License-Identifier: GPL-3.0-or-later
// Charts with uPlot: line, area, bar and scatter, several series, a legend that follows the
// cursor, and zoom by dragging (double-click resets). Long series are decimated for display
// (min/max per bucket, as the window does); the full data stays, so zooming in shows detail.
import uPlot from 'uplot';
import { ChartSelection } from './chartselection';
import { decimateForView, extendShown, Series } from './decimate';
import { el, themeColour } from './dom';
import { measure } from './metrics';
import { Buffers, Element, ElementOfKind, Frame, isKind } from './protocol';
import { View, ViewContext } from './view';

/// The elements a chart view shows.
export type ChartElement = ElementOfKind<'line_chart' | 'area_chart' | 'bar_chart' | 'scatter_chart'>;

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];

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

/// Series longer than this many points per pixel of width are decimated for display.
const POINTS_PER_PIXEL = 2;

/// The rows of a chart element: x ascending, one array per drawn series.
function chartData(element: ChartElement, buffers: Buffers): { data: Series; labels: string[]; raw: Series } {
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
  return { data: { xs, ys }, labels: series.map((c) => c.name), raw: { xs: rawXs, ys: rawYs } };
}

/// A tooltip by the cursor with x and each series' value at the nearest row.
function tooltip(): uPlot.Plugin {
  const tip = el('div', 'chart-tip');
  tip.hidden = true;
  const format = (v: number | null | undefined) =>
    v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toPrecision(5);
  return {
    hooks: {
      init: (u) => u.over.append(tip),
      setCursor: (u) => {
        const { idx, left, top } = u.cursor;
        if (idx === null || idx === undefined || left === undefined || left < 0) {
          tip.hidden = true;
          return;
        }
        const lines = [`${u.series[0].label}: ${format(u.data[0][idx])}`];
        u.series.slice(1).forEach((s, i) => s.show && lines.push(`${s.label}: ${format(u.data[i + 1][idx])}`));
        tip.textContent = lines.join('\n');
        tip.hidden = false;
        const flip = left > u.over.clientWidth / 2;
        tip.style.left = flip ? '' : `${left + 12}px`;
        tip.style.right = flip ? `${u.over.clientWidth - left + 12}px` : '';
        tip.style.top = `${Math.max(0, (top ?? 0) - 10)}px`;
      },
    },
  };
}

function options(element: ChartElement, labels: string[], rows: number, width: number): uPlot.Options {
  const p = element.props;
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
  return {
    width,
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
        range: fromZero ? (_u, min, max) => uPlot.rangeNum(Math.min(0, min), Math.max(0, max), 0.1, true) : undefined,
      },
    },
    axes: [axis(p.xLabel ?? ''), axis(p.yLabel ?? '')],
    series: [
      { label: p.x || 'row' },
      ...labels.map((label, i) => ({
        label,
        ...seriesStyle(element.kind, COLOURS[i % COLOURS.length], i, labels.length),
      })),
    ],
    // A box selection drags a box; otherwise dragging zooms.
    cursor: { drag: p.selectionMode === 'box' ? { x: true, y: true, setScale: false } : { x: true, y: false } },
    legend: { show: true, live: true },
    plugins: [tooltip()],
  };
}

/// What decides the plot's set-up: everything but the row count (bars' spacing needs it).
/// Both elements draw the same shared buffers (a rerun that changed only the selection).
function sameBuffers(a: ChartElement, b: ChartElement): boolean {
  const x = a.data?.columns ?? [];
  const y = b.data?.columns ?? [];
  return (
    a.data?.rows === b.data?.rows &&
    x.length === y.length &&
    x.every((c, i) => c.buffer !== undefined && c.name === y[i].name && c.buffer === y[i].buffer)
  );
}

/// A new selection (the value) is drawn over the same plot.
function shapeKey(element: ChartElement): string {
  const rows = element.kind === 'bar_chart' ? element.props.rows : 0;
  return JSON.stringify({ ...element.props, rows, value: null });
}

/// The charts on the page, by their plot's node.
const views = new Map<HTMLElement, ChartView>();
const resized = new ResizeObserver((entries) => {
  for (const entry of entries) views.get(entry.target as HTMLElement)?.resize(Math.floor(entry.contentRect.width));
});

/// The moment the message being applied arrived, for the chart timings below.
let messageArrivedAt = 0;
export function noteMessageArrived(at: number): void {
  messageArrivedAt = at;
}
/// When the message being applied arrived.
export function lastMessageArrivedAt(): number {
  return messageArrivedAt;
}

/// A chart: one uPlot that later versions of the element update in place.
export class ChartView implements View {
  dom = el('figure', 'chart-block');
  host = el('div', 'chart');
  private caption = el('figcaption');
  private plot: uPlot | null = null;
  private element: ChartElement;
  private data: Series = { xs: new Float64Array(0), ys: [] };
  private labels: string[] = [];
  private arrivedAt = messageArrivedAt;
  private shown: [number, number] | null = null;
  /// What the plot draws while not zoomed, when that is a decimation of the data.
  private decimated: Series | null = null;
  /// The rows as they come (not sorted by x): selections name rows by their place here.
  private raw: Series = { xs: new Float64Array(0), ys: [] };
  private selection: ChartSelection;
  private buffers: Buffers;

  constructor(element: ChartElement, ctx: ViewContext) {
    this.buffers = ctx.buffers;
    this.element = element;
    this.selection = new ChartSelection(
      (value) => ctx.send(this.element.id ?? '', value),
      () => this.plot?.redraw(false, false),
      () => this.raw,
    );
    this.host.setAttribute('role', 'img');
    this.dom.append(this.caption, this.host);
    views.set(this.host, this);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['line_chart', 'area_chart', 'bar_chart', 'scatter_chart'])) return false;
    const before = this.element;
    this.element = element;
    this.arrivedAt = messageArrivedAt;
    this.caption.textContent = element.props.title ?? '';
    this.caption.hidden = !element.props.title;
    this.host.setAttribute('aria-label', element.props.title || 'Chart');
    this.selection.take(element.props.value);
    this.host.classList.toggle('selectable', !!element.props.selectionMode);
    this.host.dataset.selected = this.selection.rows.join(',');
    const sameSetUp = before.kind === element.kind && shapeKey(before) === shapeKey(element);
    if (this.plot && sameSetUp && sameBuffers(before, element)) {
      this.plot.redraw(false, false); // only the selection changed: the data stays as it is
      return true;
    }
    const { data, labels, raw } = chartData(element, this.buffers);
    this.raw = raw;
    const sameShape = sameSetUp && labels.length === this.labels.length && labels.every((l, i) => l === this.labels[i]);
    this.data = data;
    this.labels = labels;
    if (this.plot && sameShape) {
      this.shown = null;
      this.plot.setData(this.display(-Infinity, Infinity));
      this.drawn();
    } else {
      this.rebuild();
    }
    return true;
  }

  /// Rows added after the last: while the whole range is in view, only they are decimated and
  /// drawn after what is there; otherwise (zoomed, bars, rows not after the last) update().
  addRows(element: Element, rows: Frame): boolean {
    if (!isKind(element, ['line_chart', 'area_chart', 'bar_chart', 'scatter_chart'])) return false;
    const before = this.decimated;
    if (!this.plot || !before || this.shown || element.kind === 'bar_chart') return false;
    const { data, labels, raw } = chartData(element, this.buffers);
    this.raw = raw;
    const added = rows.rows;
    const n = data.xs.length;
    if (labels.length !== this.labels.length || added <= 0 || added >= n) return false;
    const firstNew = n - added;
    // chartData() sorts rows by x when they are not ascending: then the new ones are not last.
    if (firstNew > 0 && !(data.xs[firstNew] >= data.xs[firstNew - 1])) return false;
    const more: Series = { xs: data.xs.subarray(firstNew), ys: data.ys.map((y) => y.subarray(firstNew)) };
    const width = this.plot.width;
    this.element = element;
    this.arrivedAt = messageArrivedAt;
    this.data = data;
    this.decimated = extendShown(before, more, width / Math.max(1, firstNew));
    this.plot.setData([this.decimated.xs as unknown as number[], ...(this.decimated.ys as unknown as number[][])]);
    this.drawn();
    return true;
  }

  /// The data uPlot draws with [xMin, xMax] in view.
  private display(xMin: number, xMax: number): uPlot.AlignedData {
    const n = this.data.xs.length;
    const width = this.plot?.width ?? (this.host.clientWidth || 600);
    const decimate = this.element.kind !== 'bar_chart' && n > POINTS_PER_PIXEL * width;
    const shown = decimate ? decimateForView(this.data, xMin, xMax, width) : this.data;
    this.decimated = decimate && xMin === -Infinity && xMax === Infinity ? shown : null;
    return [shown.xs as unknown as number[], ...(shown.ys as unknown as number[][])];
  }

  /// Zoomed: decimate the range in view again from the full data.
  private zoomed(u: uPlot): void {
    const { min, max } = u.scales.x;
    if (u !== this.plot || min === undefined || max === undefined) return; // still being built
    const n = this.data.xs.length;
    if (n <= POINTS_PER_PIXEL * u.width) return;
    // The whole range (the first draw, or zoom reset): the decimation of everything.
    if (min <= this.data.xs[0] && max >= this.data.xs[n - 1]) {
      if (!this.decimated) u.setData(this.display(-Infinity, Infinity), false);
      this.shown = null;
      return;
    }
    if (this.shown && this.shown[0] === min && this.shown[1] === max) return;
    this.shown = [min, max];
    u.setData(this.display(min, max), false);
  }

  /// Builds the plot once the node is in the document (it needs a width): right after the
  /// message that brought it has been applied, or on the next frame.
  private rebuild(): void {
    this.plot?.destroy();
    this.plot = null;
    const build = (retry: boolean) => {
      if (views.get(this.host) !== this || this.plot) return;
      if (!this.host.isConnected) {
        if (retry) requestAnimationFrame(() => build(false));
        return;
      }
      const width = Math.max(200, this.host.clientWidth || 600);
      const opts = options(this.element, this.labels, this.data.xs.length, width);
      opts.hooks = {
        setSelect: [
          (u) => this.element.props.selectionMode === 'box' && u === this.plot && this.selection.boxDragged(u),
        ],
        setScale: [(u, key) => key === 'x' && this.zoomed(u)],
        draw: [(u) => this.element.props.selectionMode && this.selection.draw(u)],
      };
      this.host.replaceChildren();
      this.plot = new uPlot(opts, this.display(-Infinity, Infinity), this.host);
      if (this.element.props.selectionMode === 'point')
        this.selection.listenForPoints(this.plot, this.element.kind === 'bar_chart');
      resized.observe(this.host);
      this.drawn();
    };
    queueMicrotask(() => build(true));
  }

  /// Counts the draws on the node, notes the rows drawn, and records how long the data took
  /// from arriving to being drawn (the browser tests and benchmarks read these).
  private drawn(): void {
    this.host.dataset.draws = String(Number(this.host.dataset.draws ?? 0) + 1);
    this.host.dataset.rows = String(this.data.xs.length);
    measure('tessera-chart', this.arrivedAt, { rows: this.data.xs.length });
  }

  resize(width: number): void {
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.plot.height });
  }

  /// Draws again with the current theme's colours.
  redraw(): void {
    if (this.plot) this.rebuild();
  }

  dispose(): void {
    this.plot?.destroy();
    this.plot = null;
    resized.unobserve(this.host);
    views.delete(this.host);
  }
}

/// Draws every chart again (the theme changed).
export function redrawCharts(): void {
  views.forEach((view) => view.redraw());
}
