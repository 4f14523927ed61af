// SPDX-License-Identifier: GPL-3.0-or-later
// A grammar chart (kind "chart"). Marks with axes are drawn on uPlot's canvas, on its scales
// and axes (its time axes are native; drag to zoom, double-click to reset); arcs (pies and
// donuts), which uPlot lacks, are drawn by Chart.js, loaded only when a page shows one.
// The view notes what it drew on its node for tests: data-series, data-ticks-x, data-ticks-y.
import uPlot from 'uplot';
import { lastMessageArrivedAt } from '../chart';
import { el, themeColour } from '../dom';
import { measure } from '../metrics';
import { Element } from '../protocol';
import { View, ViewContext } from '../view';
import { drawArcs } from './arcs';
import { formatNumber, formatTick, formatTime } from './format';
import { drawLayer } from './marks';
import { rampColour, seriesColour } from './palette';
import { AxisSpec, chartSpec, ChartSpec, GrammarElement, isGrammar, Layer, layersOf } from './spec';

function isDark(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}

/// A round step (1, 2 or 5 × 10^k) that cuts `span` into about `ticks` parts.
function niceStep(span: number, ticks: number): number {
  if (!(span > 0)) return 1;
  const raw = span / ticks;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

/// The grammar charts on the page, to draw again when the theme changes.
const shown = new Set<GrammarChartView>();

/// Draws every grammar chart again, in the current theme's colours.
export function redrawGrammarCharts(): void {
  shown.forEach((view) => view.redraw());
}

export class GrammarChartView implements View {
  dom = el('figure', 'chart-block');
  host = el('div', 'chart grammar');
  private caption = el('figcaption');
  private legend = el('div', 'chart-legend');
  private tip = el('div', 'chart-tip');
  private plot: uPlot | null = null;
  private arcs: { destroy(): void } | null = null;
  private element: GrammarElement;
  private layers: Layer[] = [];
  private arrivedAt = lastMessageArrivedAt();
  /// The element's first draw has been measured.
  private measured = false;
  private observer = new ResizeObserver((entries) => this.resize(Math.floor(entries[0].contentRect.width)));

  constructor(
    element: GrammarElement,
    private ctx: ViewContext,
  ) {
    this.element = element;
    this.host.setAttribute('role', 'img');
    this.tip.hidden = true;
    this.dom.append(this.caption, this.host, this.legend);
    shown.add(this);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isGrammar(element)) return false;
    this.element = element;
    this.arrivedAt = lastMessageArrivedAt();
    this.measured = false;
    const title = element.props.title ?? '';
    this.caption.textContent = title;
    this.caption.hidden = !title;
    this.host.setAttribute('aria-label', title || 'Chart');
    this.layers = layersOf(element, this.ctx.buffers);
    this.rebuild();
    return true;
  }

  private get spec(): ChartSpec {
    return chartSpec(this.element);
  }

  private rebuild(): void {
    this.destroy();
    const build = (retry: boolean) => {
      if (this.plot || this.arcs) return;
      if (!this.host.isConnected) {
        if (retry) requestAnimationFrame(() => build(false));
        return;
      }
      const width = Math.max(200, this.host.clientWidth || 600);
      const height = this.spec.height ?? 280;
      this.host.replaceChildren();
      this.host.style.height = `${height}px`;
      const arcs = this.layers.filter((l) => l.mark === 'arc');
      if (arcs.length) {
        drawArcs(this.host, arcs[0], isDark(), themeColour('--bg')).then((chart) => {
          this.arcs = chart;
          this.noteSeries(arcs[0].spec.series.length);
          this.measureDraw();
        });
      } else {
        // uPlot's data is only the x domain's ends: the marks draw their own columns.
        const domain = this.spec.axes.x?.domain ?? [0, 1];
        this.plot = new uPlot(this.options(width, height), [[domain[0], domain[1]]], this.host);
        this.plot.over.append(this.tip);
        this.noteSeries(this.layers.reduce((n, l) => n + l.spec.series.length, 0));
      }
      this.showLegend();
      this.observer.observe(this.host);
    };
    queueMicrotask(() => build(true));
  }

  private noteSeries(series: number): void {
    this.host.dataset.series = String(series);
  }

  /// Counts the draws on the node, and records how long the element took from its message
  /// arriving to its first draw (the browser tests and benchmarks read these).
  private measureDraw(): void {
    this.host.dataset.draws = String(Number(this.host.dataset.draws ?? 0) + 1);
    if (this.measured) return;
    this.measured = true;
    measure('tessera-chart', this.arrivedAt, { rows: Number(this.element.props.rows ?? 0) });
  }

  // ---- uPlot: scales, axes, drawing, tooltip ------------------------------------------

  private axis(spec: AxisSpec, scale: string, side: number, name: string): uPlot.Axis {
    const text = themeColour('--text');
    const grid = themeColour('--grid');
    const note = (labels: string[]) => {
      this.host.dataset[`ticks${name}`] = labels.join('|');
      return labels;
    };
    const axis: uPlot.Axis = {
      scale,
      side,
      stroke: text,
      grid: { stroke: grid, width: 1, show: side !== 1 },
      ticks: { stroke: grid, width: 1 },
      label: spec.title || undefined,
    };
    if (spec.scale === 'band') {
      const labels = spec.labels ?? [];
      axis.splits = (u) => {
        const { min = 0, max = 0 } = u.scales[scale];
        return labels.map((_, i) => i).filter((i) => i >= min && i <= max);
      };
      axis.values = (_u, splits) => note(splits.map((i) => labels[i] ?? ''));
      if (labels.length > 12 && side % 2 === 0) axis.rotate = -90;
    } else if (spec.scale === 'time') {
      const zone = spec.timeZone ?? 'UTC';
      axis.values = (_u, splits) =>
        note(splits.map((v) => formatTick(v, zone, splits.length > 1 ? splits[1] - splits[0] : 86_400_000)));
    } else {
      if (spec.scale === 'linear')
        axis.splits = (_u, _i, min, max) => {
          const whole = min <= spec.domain[0] && max >= spec.domain[1];
          const step = whole && spec.tickStep ? spec.tickStep : niceStep(max - min, 5);
          const out: number[] = [];
          for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step)
            out.push(Number(v.toPrecision(12)));
          return out;
        };
      axis.values = (_u, splits) => note(splits.map((v) => formatNumber(v, spec.format)));
    }
    return axis;
  }

  private scale(spec: AxisSpec, time = false): uPlot.Scale {
    const scale: uPlot.Scale = { time, auto: false, range: [spec.domain[0], spec.domain[1]] };
    if (spec.scale === 'log') Object.assign(scale, { distr: 3, log: 10 });
    return scale;
  }

  private options(width: number, height: number): uPlot.Options {
    const { x, y, yRight } = this.spec.axes;
    const scales: uPlot.Scales = {};
    const axes: uPlot.Axis[] = [];
    const timeX = x?.scale === 'time';
    scales.x = x ? this.scale(x, timeX) : { time: false, auto: false, range: [0, 1] };
    axes.push(x ? this.axis(x, 'x', 2, 'X') : { show: false });
    if (y) {
      scales.y = this.scale(y);
      axes.push(this.axis(y, 'y', 3, 'Y'));
    }
    if (yRight) {
      scales.yr = this.scale(yRight);
      axes.push(this.axis(yRight, 'yr', 1, 'YRight'));
    }
    const zone = x?.timeZone ?? 'UTC';
    return {
      width,
      height,
      ms: 1, // times are milliseconds
      tzDate: (ts) => uPlot.tzDate(new Date(ts), zone),
      scales,
      axes,
      series: [{}],
      legend: { show: false },
      cursor: { drag: { x: true, y: false }, points: { show: false } },
      hooks: {
        draw: [(u) => this.draw(u)],
        setCursor: [(u) => this.showTip(u)],
      },
    };
  }

  private draw(u: uPlot): void {
    const ctx = u.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    const canvas = { u, spec: this.spec, dark: isDark(), text: themeColour('--text') };
    for (const layer of this.layers) drawLayer(canvas, layer);
    ctx.restore();
    this.measureDraw();
  }

  /// x under the cursor, and each line's, area's, bar's or point's value nearest to it.
  private showTip(u: uPlot): void {
    const { left, top } = u.cursor;
    if (left === undefined || left < 0 || top === undefined) {
      this.tip.hidden = true;
      return;
    }
    const x = u.posToVal(left, 'x');
    const xAxis = this.spec.axes.x;
    const writeX = (v: number) =>
      xAxis?.scale === 'time'
        ? formatTime(v, xAxis.timeZone ?? 'UTC', 0)
        : xAxis?.scale === 'band'
          ? (xAxis.labels?.[Math.round(v)] ?? '')
          : formatNumber(v, xAxis?.format);
    const lines = [writeX(xAxis?.scale === 'band' ? Math.round(x) : x)];
    for (const layer of this.layers) {
      if (!['line', 'area', 'point', 'bar', 'errorband'].includes(layer.mark) || layer.spec.horizontal) continue;
      const xs = layer.numbers('x');
      const ys = layer.numbers('y');
      for (const s of layer.spec.series.slice(0, 12)) {
        let best = -1;
        let distance = Infinity;
        for (let i = s.start; i < s.start + s.count; i += Math.max(1, Math.floor(s.count / 50000))) {
          const d = Math.abs(xs[i] - x);
          if (d < distance) ((distance = d), (best = i));
        }
        if (best >= 0 && Number.isFinite(ys[best])) {
          lines.push(`${s.label}: ${formatNumber(ys[best], layer.encoding('y')?.format)}`);
          (layer.spec.tooltip ?? []).forEach((field, i) =>
            lines.push(`  ${field.title ?? ''}: ${layer.write(`tooltip${i}`, best, field, xAxis?.timeZone ?? 'UTC')}`),
          );
        }
      }
    }
    this.tip.textContent = lines.join('\n');
    this.tip.hidden = false;
    const flip = left > u.over.clientWidth / 2;
    this.tip.style.left = flip ? '' : `${left + 12}px`;
    this.tip.style.right = flip ? `${u.over.clientWidth - left + 12}px` : '';
    this.tip.style.top = `${Math.max(0, top - 10)}px`;
  }

  // ---- legend -----------------------------------------------------------------------

  private showLegend(): void {
    const dark = isDark();
    const entries = new Map<string, string>();
    for (const layer of this.layers)
      for (const s of layer.spec.series) entries.set(s.label, seriesColour(s.color, dark));
    const items: HTMLElement[] = [];
    if (entries.size > 1 || this.layers.length > 1)
      entries.forEach((colour, label) => {
        const item = el('span', 'chart-legend-item');
        const swatch = el('span', 'chart-legend-swatch');
        swatch.style.background = colour;
        item.append(swatch, document.createTextNode(label));
        items.push(item);
      });
    const scale = this.spec.colorScale;
    if (scale) {
      const ramp = el('span', 'chart-legend-ramp');
      const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `rgb(${rampColour(t).join(',')})`);
      ramp.style.background = `linear-gradient(90deg, ${stops.join(', ')})`;
      const item = el('span', 'chart-legend-item');
      item.append(
        document.createTextNode(`${scale.title ?? ''} ${formatNumber(scale.domain[0])}`),
        ramp,
        document.createTextNode(formatNumber(scale.domain[1])),
      );
      items.push(item);
    }
    this.legend.replaceChildren(...items);
    this.legend.hidden = items.length === 0;
  }

  resize(width: number): void {
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.plot.height });
  }

  private destroy(): void {
    this.plot?.destroy();
    this.plot = null;
    this.arcs?.destroy();
    this.arcs = null;
    this.observer.disconnect();
  }

  redraw(): void {
    this.rebuild();
  }

  dispose(): void {
    this.destroy();
    shown.delete(this);
  }
}
