// SPDX-License-Identifier: GPL-3.0-or-later
// What is selected in a selectable chart, as the window's charts do it: a click selects the
// nearest point's row (a bar's, in a bar chart; Ctrl or ⌘ adds to the selection), a dragged
// box the rows with a point inside; the selected points are ringed, the box outlined.
import uPlot from 'uplot';
import { Series } from './decimate';
import { themeColour } from './dom';
import { selectionOf, WidgetValue } from './protocol';
import { JsonValue } from './schema';

export class ChartSelection {
  /// The selected rows, by their place in the data as it came (not sorted by x).
  rows: number[] = [];
  /// A box selection's bounds [x0, x1, y0, y1], in data coordinates.
  box: number[] | null = null;

  /// `send` reports a person's selection, `redraw` draws the plot again, `raw` gives the
  /// data as it came.
  constructor(
    private send: (value: WidgetValue) => void,
    private redraw: () => void,
    private raw: () => Series,
  ) {}

  /// Takes the selection the server holds (the element's value).
  take(value: JsonValue | undefined): void {
    ({ rows: this.rows, box: this.box } = selectionOf(value));
  }

  /// A box dragged over `u`: the rows with a point inside, and the box.
  boxDragged(u: uPlot): void {
    const { left, top, width, height } = u.select;
    if (width < 2 || height < 2) return;
    const x0 = u.posToVal(left, 'x');
    const x1 = u.posToVal(left + width, 'x');
    const y0 = u.posToVal(top + height, 'y');
    const y1 = u.posToVal(top, 'y');
    const raw = this.raw();
    const rows: number[] = [];
    for (let r = 0; r < raw.xs.length; r++) {
      const x = raw.xs[r];
      if (!(x >= x0 && x <= x1)) continue;
      if (raw.ys.some((ys) => ys[r] >= y0 && ys[r] <= y1)) rows.push(r);
    }
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.choose(rows, [x0, x1, y0, y1]);
  }

  /// Clicks on `u`: the nearest point's row (Ctrl or ⌘ adds to the selection, or takes it
  /// out); a click far from every point clears it. A drag still zooms. Bars go by x alone.
  listenForPoints(u: uPlot, bars: boolean): void {
    let down: [number, number] | null = null;
    u.over.addEventListener('mousedown', (e) => (down = [e.clientX, e.clientY]));
    u.over.addEventListener('click', (e) => {
      if (!down || Math.hypot(e.clientX - down[0], e.clientY - down[1]) > 4) return;
      const bounds = u.over.getBoundingClientRect();
      const row = this.nearestRow(u, e.clientX - bounds.left, e.clientY - bounds.top, bars);
      const add = e.ctrlKey || e.metaKey;
      if (row === null) return this.choose(add ? this.rows : [], null);
      const rows = add ? (this.rows.includes(row) ? this.rows.filter((r) => r !== row) : [...this.rows, row]) : [row];
      this.choose(rows, null);
    });
  }

  /// Rings around the selected rows' points (at most 5,000), and the selection's box.
  draw(u: uPlot): void {
    const raw = this.raw();
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = themeColour('--text');
    ctx.lineWidth = 2 * devicePixelRatio;
    const box = this.box;
    if (box) {
      const [x0, x1, y0, y1] = box;
      const left = u.valToPos(x0, 'x', true);
      const top = u.valToPos(y1, 'y', true);
      ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
      ctx.strokeRect(left, top, u.valToPos(x1, 'x', true) - left, u.valToPos(y0, 'y', true) - top);
      ctx.setLineDash([]);
    }
    const radius = 5 * devicePixelRatio;
    // A box selects rows by any of their points: the points ringed are those in the box.
    const inBox = (x: number, y: number) => !box || (x >= box[0] && x <= box[1] && y >= box[2] && y <= box[3]);
    for (const r of this.rows.slice(0, 5000)) {
      const x = u.valToPos(raw.xs[r], 'x', true);
      for (const ys of raw.ys) {
        if (!Number.isFinite(ys[r]) || !inBox(raw.xs[r], ys[r])) continue;
        ctx.beginPath();
        ctx.arc(x, u.valToPos(ys[r], 'y', true), radius, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  /// The row whose point is nearest (x, y) in the plot, within 16 pixels.
  private nearestRow(u: uPlot, x: number, y: number, bars: boolean): number | null {
    const raw = this.raw();
    let best: number | null = null;
    let bestDistance = 16;
    for (let r = 0; r < raw.xs.length; r++) {
      const px = u.valToPos(raw.xs[r], 'x');
      if (Math.abs(px - x) > bestDistance) continue;
      for (const ys of raw.ys) {
        const d = bars ? Math.abs(px - x) : Math.hypot(px - x, u.valToPos(ys[r], 'y') - y);
        if (d < bestDistance) [best, bestDistance] = [r, d];
      }
    }
    return best;
  }

  private choose(rows: number[], box: number[] | null): void {
    this.rows = [...new Set(rows)].sort((a, b) => a - b);
    this.box = box;
    this.redraw();
    this.send(box ? { rows: this.rows, box } : { rows: this.rows });
  }
}
