// SPDX-License-Identifier: GPL-3.0-or-later
// The data editor: a table of inputs that fit their columns (text, numbers, a list of
// choices, check boxes). A value the column refuses is marked with the reason and goes
// nowhere; edits the server would refuse as a whole (a new row whose required cells are still
// empty) wait, with the reason shown, until they are complete. The rules are the server's
// (dataedits.h), which checks again.
import { el, tell } from './dom';
import { Buffers, Element, ElementOfKind, isKind, jsonNumbers, jsonObject } from './protocol';
import { JsonValue } from './schema';
import { uniqueId, View, ViewContext } from './view';

type Cell = number | string | null;
type Cells = Record<string, Cell>;
interface Edits {
  edited: Record<string, Cells>;
  added: Cells[];
  deleted: number[];
}
export interface ColumnSpec {
  name: string;
  type: 'number' | 'integer' | 'checkbox' | 'text' | 'choice';
  min?: number;
  max?: number;
  options?: string[];
  maxChars?: number;
  required?: boolean;
  disabled?: boolean;
}

/// A JSON value as a cell: numbers, text and null stay, anything else is null.
function cell(value: JsonValue): Cell {
  return typeof value === 'number' || typeof value === 'string'
    ? value
    : value === true
      ? 1
      : value === false
        ? 0
        : null;
}

function cells(value: JsonValue | undefined): Cells {
  return Object.fromEntries(Object.entries(jsonObject(value)).map(([name, v]) => [name, cell(v)]));
}

/// A data editor's value (docs/protocol.md, data editor edits), read member by member.
function edits(value: JsonValue | undefined): Edits {
  const o = jsonObject(value);
  return {
    edited: Object.fromEntries(Object.entries(jsonObject(o.edited)).map(([row, v]) => [row, cells(v)])),
    added: Array.isArray(o.added) ? o.added.map(cells) : [],
    deleted: jsonNumbers(o.deleted),
  };
}

const COLUMN_TYPES: readonly ColumnSpec['type'][] = ['number', 'integer', 'checkbox', 'text', 'choice'];

/// The editor's column specs (its `columns` prop), read member by member.
function columnSpecs(value: JsonValue | undefined): ColumnSpec[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => {
    const o = jsonObject(v);
    const type = COLUMN_TYPES.find((t) => t === o.type) ?? 'text';
    const spec: ColumnSpec = { name: typeof o.name === 'string' ? o.name : '', type };
    if (typeof o.min === 'number') spec.min = o.min;
    if (typeof o.max === 'number') spec.max = o.max;
    if (Array.isArray(o.options)) spec.options = o.options.filter((x): x is string => typeof x === 'string');
    if (typeof o.maxChars === 'number') spec.maxChars = o.maxChars;
    if (typeof o.required === 'boolean') spec.required = o.required;
    if (typeof o.disabled === 'boolean') spec.disabled = o.disabled;
    return spec;
  });
}

/// `value` for a cell of `column` as the server keeps it, or the reason it is refused.
export function cellValue(column: ColumnSpec, value: unknown): { value: Cell } | { problem: string } {
  const empty = value === null || value === undefined || value === '';
  const text = column.type === 'text' || column.type === 'choice';
  if (empty) return column.required ? { problem: 'a value is required' } : { value: text ? '' : null };
  if (text) {
    const s = String(value);
    if (column.maxChars && s.length > column.maxChars) return { problem: `at most ${column.maxChars} characters` };
    if (column.type === 'choice' && !(column.options ?? []).includes(s))
      return { problem: `'${s}' is not one of: ${(column.options ?? []).join(', ')}` };
    return { value: s };
  }
  const d = typeof value === 'boolean' ? (value ? 1 : 0) : Number(String(value).trim());
  if (column.type === 'checkbox') return d === 0 || d === 1 ? { value: d } : { problem: 'expected checked or not' };
  if (!Number.isFinite(d)) return { problem: 'expected a number' };
  if (column.type === 'integer' && !Number.isInteger(d)) return { problem: 'expected a whole number' };
  const min = column.min ?? -Infinity;
  const max = column.max ?? Infinity;
  if (d < min || d > max) {
    if (Number.isFinite(min) && Number.isFinite(max)) return { problem: `${d} is outside [${min}, ${max}]` };
    return { problem: Number.isFinite(min) ? `${d} is below ${min}` : `${d} is above ${max}` };
  }
  return { value: d };
}

export class DataEditorView implements View {
  dom = el('div', 'widget data-editor');
  private label = el('div', 'editor-label');
  private scroller = el('div', 'table-scroll');
  private grid = el('table');
  private body = el('tbody');
  private add = el('button', 'widget-button', 'Add row');
  private note = el('div', 'upload-note');
  private element: ElementOfKind<'data_editor'>;
  private columns: ColumnSpec[] = [];
  private edits: Edits = edits(null);
  /// The edits the server last showed, as JSON: news replace what is shown, an echo does not.
  private fromServer = '';
  /// Everything else the server sent (columns, labels, what is allowed), as JSON.
  private shape = '';

  constructor(
    element: ElementOfKind<'data_editor'>,
    private ctx: ViewContext,
  ) {
    this.element = element;
    this.label.id = uniqueId('editor');
    this.grid.setAttribute('aria-labelledby', this.label.id);
    this.grid.append(el('thead'), this.body);
    this.scroller.append(this.grid);
    this.add.type = 'button';
    this.add.onclick = () => {
      this.edits.added.push({});
      this.draw();
      this.commit();
      (this.body.lastElementChild?.querySelector('input, select') as HTMLElement | null)?.focus();
    };
    this.note.setAttribute('role', 'status');
    this.dom.append(this.label, this.scroller, this.add, this.note);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['data_editor'])) return false;
    if (element.id !== this.element.id) return false; // other data: a new editor
    this.element = element;
    const p = element.props;
    this.label.textContent = p.label ?? '';
    this.label.hidden = !p.label;
    this.dom.title = p.help ?? '';
    this.add.hidden = !p.addRows;
    this.add.disabled = !!p.disabled;
    this.scroller.style.maxHeight = `${p.height || 320}px`;
    this.columns = columnSpecs(p.columns);
    // The server's edits replace what is shown only when they are news, not the echo of
    // what this page sent: a redraw would take the focus from the next cell.
    const news = this.canonical(edits(p.value));
    const shape = JSON.stringify({ ...p, value: null });
    if (shape !== this.shape) {
      this.shape = shape;
      this.fromServer = news;
      this.edits = edits(p.value);
      this.draw();
    } else if (news !== this.fromServer) {
      this.fromServer = news;
      if (news !== this.canonical(this.edits)) {
        this.edits = edits(p.value);
        this.draw();
      }
    }
    return true;
  }

  /// `e` as the server keeps edits: added rows with every column, deletions sorted, as JSON.
  private canonical(e: Edits): string {
    const sorted = (cells: Cells) =>
      Object.keys(cells)
        .sort()
        .map((k) => [k, cells[k]]);
    const cell = (column: ColumnSpec, v: Cell | undefined) => {
      const checked = cellValue(column, v);
      return 'value' in checked ? checked.value : v;
    };
    return JSON.stringify({
      edited: Object.keys(e.edited)
        .map(Number)
        .sort((a, b) => a - b)
        .map((r) => [r, sorted(e.edited[r])]),
      added: e.added.map((row) => this.columns.map((c) => cell(c, row[c.name]))),
      deleted: [...new Set(e.deleted)].sort((a, b) => a - b),
    });
  }

  /// The cell's value: edited, added, or as the data has it.
  private cell(source: number, column: number): Cell {
    const name = this.columns[column].name;
    if (source < 0) return this.edits.added[-1 - source]?.[name] ?? null;
    const edited = this.edits.edited[String(source)];
    if (edited && name in edited) return edited[name];
    const c = this.element.data!.columns[column];
    if (c.type !== 'f64') return c.values?.[source] ?? '';
    const v = this.buffers.numbers(c)[source];
    return v === undefined || Number.isNaN(v) ? null : v;
  }

  private get buffers(): Buffers {
    return this.ctx.buffers;
  }

  private draw(): void {
    const p = this.element.props;
    const head = el('tr');
    head.append(
      el('th', 'index'),
      ...this.columns.map((c) => el('th', c.type === 'text' || c.type === 'choice' ? '' : 'num', c.name)),
    );
    if (p.deleteRows) head.append(el('th', 'index'));
    this.grid.tHead!.replaceChildren(head);
    const deleted = new Set(this.edits.deleted);
    const sources: number[] = [];
    for (let r = 0; r < (this.element.data?.rows ?? 0); r++) if (!deleted.has(r)) sources.push(r);
    this.edits.added.forEach((_, i) => sources.push(-1 - i));
    this.body.replaceChildren(...sources.map((source) => this.row(source)));
  }

  private row(source: number): HTMLTableRowElement {
    const p = this.element.props;
    const tr = el('tr');
    tr.append(el('td', 'index', source >= 0 ? source : '+'));
    const where = source >= 0 ? `Row ${source}` : `New row ${-source}`;
    this.columns.forEach((column, c) => {
      const td = el('td', column.type === 'text' || column.type === 'choice' ? '' : 'num');
      const value = this.cell(source, c);
      const locked = !!p.disabled || (!!column.disabled && source >= 0);
      const input = this.input(column, value);
      input.disabled = locked;
      input.setAttribute('aria-label', `${where}, ${column.name}`);
      input.onchange = () => this.change(source, column, input, where);
      td.append(input);
      tr.append(td);
    });
    if (p.deleteRows) {
      const remove = el('button', 'row-delete', '×');
      remove.type = 'button';
      remove.disabled = !!p.disabled;
      remove.setAttribute('aria-label', `Delete ${where.toLowerCase()}`);
      remove.onclick = () => {
        if (source >= 0) this.edits.deleted.push(source);
        else this.edits.added.splice(-1 - source, 1);
        this.draw();
        this.commit();
      };
      const td = el('td', 'index');
      td.append(remove);
      tr.append(td);
    }
    return tr;
  }

  private input(column: ColumnSpec, value: Cell): HTMLInputElement | HTMLSelectElement {
    if (column.type === 'choice') {
      const select = el('select');
      const choices = column.required ? (column.options ?? []) : ['', ...(column.options ?? [])];
      select.append(...choices.map((o) => el('option', '', o)));
      select.value = String(value ?? '');
      return select;
    }
    const input = el('input');
    if (column.type === 'checkbox') {
      input.type = 'checkbox';
      input.checked = value === 1;
      return input;
    }
    input.type = 'text';
    if (column.type !== 'text') input.inputMode = column.type === 'integer' ? 'numeric' : 'decimal';
    input.value = value === null ? '' : String(value);
    return input;
  }

  private change(source: number, column: ColumnSpec, input: HTMLInputElement | HTMLSelectElement, where: string): void {
    const given = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
    const checked = cellValue(column, given);
    if ('problem' in checked) {
      input.setAttribute('aria-invalid', 'true');
      return this.tell(`${where}, ${column.name}: ${checked.problem}`, true);
    }
    input.removeAttribute('aria-invalid');
    if (source < 0) this.edits.added[-1 - source] = { ...this.edits.added[-1 - source], [column.name]: checked.value };
    else this.edits.edited[String(source)] = { ...this.edits.edited[String(source)], [column.name]: checked.value };
    this.commit();
  }

  /// Sends the edits when every new row is complete; else says what is missing.
  private commit(): void {
    for (let i = 0; i < this.edits.added.length; i++) {
      for (const column of this.columns) {
        const checked = cellValue(column, this.edits.added[i][column.name]);
        if ('problem' in checked) return this.tell(`New row ${i + 1}, ${column.name}: ${checked.problem}`, true);
      }
    }
    this.tell('', false);
    this.ctx.send(this.element.id ?? '', this.edits as unknown as Record<string, unknown>);
  }

  private tell(message: string, problem: boolean): void {
    tell(this.note, message, problem);
  }
}
