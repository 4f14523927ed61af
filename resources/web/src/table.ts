// SPDX-License-Identifier: GPL-3.0-or-later
// Tables and dataframes. Only the rows in view are in the DOM: a spacer as tall as every
// row gives the scroll bar its length, and the visible slice is drawn as the person
// scrolls, so a million rows scroll as smoothly as ten.
import { el } from './dom';
import { Buffers, Column, Element, ElementOfKind, isKind, selectionOf } from './protocol';
import { View, ViewContext } from './view';

const ROW_HEIGHT = 28;
const OVERSCAN = 8;

/// A column's cells, read as they are needed.
type Cells = (row: number) => string;

function cells(column: Column, buffers: Buffers): Cells {
  if (column.type !== 'f64') {
    const values = column.values ?? [];
    return (row) => values[row] ?? '';
  }
  const numbers = buffers.numbers(column);
  return (row) => {
    const v = numbers[row];
    if (v === undefined || Number.isNaN(v)) return '';
    return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
  };
}

export class TableView implements View {
  dom = el('div', 'table');
  private scroller = el('div', 'table-scroll');
  private spacer = el('div', 'table-spacer');
  private grid = el('table');
  private head = el('thead');
  private body = el('tbody');
  private columns: Cells[] = [];
  private numeric: boolean[] = [];
  private rows = 0;
  private drawn = [-1, -1];
  private frame = 0;
  private element: ElementOfKind<'table' | 'dataframe'>;
  /// Selectable rows: the selection mode, and the rows selected.
  private mode = '';
  private selected = new Set<number>();
  private buffers: Buffers;

  constructor(
    element: ElementOfKind<'table' | 'dataframe'>,
    private ctx: ViewContext,
  ) {
    this.buffers = ctx.buffers;
    this.element = element;
    this.grid.append(this.head, this.body);
    this.spacer.append(this.grid);
    this.scroller.append(this.spacer);
    this.scroller.tabIndex = 0; // scrolls by keyboard too
    this.scroller.setAttribute('role', 'region');
    this.scroller.onscroll = () => this.schedule();
    this.dom.append(this.scroller);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['table', 'dataframe'])) return false;
    this.element = element;
    const props = element.kind === 'dataframe' ? element.props : {};
    this.mode = props.selectionMode ?? '';
    this.selected = new Set<number>(selectionOf(props.value).rows);
    this.scroller.classList.toggle('selectable', this.mode !== '');
    if (this.mode) this.grid.setAttribute('aria-multiselectable', String(this.mode === 'multiRow'));
    const columns = element.data?.columns ?? [];
    this.rows = element.data?.rows ?? 0;
    this.columns = columns.map((c) => cells(c, this.buffers));
    this.numeric = columns.map((c) => c.type === 'f64');
    this.scroller.setAttribute('aria-label', `Table of ${this.rows} rows`);
    const tr = el('tr');
    tr.append(el('th', 'index'), ...columns.map((c, i) => el('th', this.numeric[i] ? 'num' : '', c.name)));
    this.head.replaceChildren(tr);
    // A table shows all its rows up to a height; a dataframe scrolls within its own.
    const visible = element.kind === 'table' ? Math.min(this.rows, 400) : Math.min(this.rows, 12);
    const height = props.height || (visible + 1) * ROW_HEIGHT + 2;
    this.scroller.style.maxHeight = `${height}px`;
    this.spacer.style.height = `${(this.rows + 1) * ROW_HEIGHT}px`;
    this.drawn = [-1, -1];
    this.draw();
    return true;
  }

  /// A row a click (or Enter, or Space) selects: the only one, or one more (multiRow).
  private selectable(tr: HTMLTableRowElement, row: number): void {
    tr.setAttribute('aria-selected', String(this.selected.has(row)));
    tr.tabIndex = 0;
    const toggle = () => {
      const on = !this.selected.has(row);
      if (this.mode === 'singleRow') this.selected.clear();
      if (on) this.selected.add(row);
      else this.selected.delete(row);
      this.drawn = [-1, -1];
      this.draw();
      const rows = [...this.selected].sort((a, b) => a - b);
      this.ctx.send(this.element.id ?? '', { rows });
    };
    tr.onclick = toggle;
    tr.onkeydown = (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      toggle();
    };
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.frame = 0;
    const viewHeight = this.scroller.clientHeight || parseFloat(this.scroller.style.maxHeight) || 400;
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows, Math.ceil((this.scroller.scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
    if (first === this.drawn[0] && last === this.drawn[1]) return;
    this.drawn = [first, last];
    const rows: HTMLTableRowElement[] = [];
    for (let r = first; r < last; ++r) {
      const tr = el('tr');
      if (this.mode) this.selectable(tr, r);
      tr.append(el('td', 'index', r));
      this.columns.forEach((cell, c) => tr.append(el('td', this.numeric[c] ? 'num' : '', cell(r))));
      rows.push(tr);
    }
    this.body.replaceChildren(...rows);
    this.grid.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
  }
}
