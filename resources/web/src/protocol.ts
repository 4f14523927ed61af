// SPDX-License-Identifier: GPL-3.0-or-later
// The messages of the bridge protocol (docs/protocol.md), as this page reads and sends them.

import type { JsonValue, Kind, PropsOf } from './schema';
import type { GroupRecord } from './timeline';

export const PROTOCOL_VERSION = 2;

export type Path = number[];

export interface Column {
  name: string;
  type: 'f64' | 'text';
  buffer?: string;
  base64?: string;
  values?: string[];
  /// Values this page combined itself (rows added to a column); not sent by the server.
  array?: Float64Array;
  /// Where `array` lives, with room for more rows (see withRows()).
  grow?: Growable;
}

/// A buffer with room to spare, filled up to `used`: rows added to a column go after the
/// values, so a stream of additions copies each value about twice, not once per addition.
interface Growable {
  data: Float64Array;
  used: number;
}

export interface Frame {
  rows: number;
  columns: Column[];
}

/// An element of kind `K`, with that kind's props (schema.ts).
export interface ElementOf<K extends Kind> {
  kind: K;
  id?: string;
  props: PropsOf[K];
  data?: Frame;
  bytes?: { buffer?: string; base64?: string };
}

/// Any element: a union discriminated by `kind`.
export type Element = { [K in Kind]: ElementOf<K> }[Kind];

/// The elements of the kinds `K`.
export type ElementOfKind<K extends Kind> = Extract<Element, { kind: K }>;

/// Whether `element` is of one of `kinds`.
export function isKind<K extends Kind>(element: Element, kinds: readonly K[]): element is ElementOfKind<K> {
  return (kinds as readonly string[]).includes(element.kind);
}

export type Op =
  | { op: 'upsert'; path: Path; element: Element }
  | { op: 'remove'; path: Path }
  | { op: 'stale'; path: Path; stale: boolean }
  | { op: 'addRows'; path: Path; rows: Frame };

export interface Welcome {
  type: 'welcome';
  resume: string;
  resumed: boolean;
  mirror: boolean;
  dashboard: string;
  dashboards: { id: string; title: string }[];
  limits?: { maxMessageBytes?: number; maxUploadBytes?: number };
  /// Actions beyond this session that the server takes from this client ('clearCache').
  processActions?: string[];
}

export type ServerMessage =
  | Welcome
  | { type: 'snapshot' | 'ops'; sequence: number; ops: Op[] }
  | { type: 'release'; buffers: string[] }
  | { type: 'status'; running: boolean; dashboard: string }
  | { type: 'reloaded'; dashboard: string }
  | { type: 'groupStarted'; group: string }
  | { type: 'groupFinished'; record: GroupRecord }
  | { type: 'error'; code: string; message: string; ref?: number | string }
  | { type: 'pong' };

/// A widget's value; data editors and selections send objects (docs/protocol.md).
export type WidgetValue = boolean | number | string | string[] | number[] | Record<string, unknown>;

export type ClientMessage =
  | { type: 'hello'; protocol: number[]; dashboard?: string; resume?: string; mirror?: boolean }
  | { type: 'widget'; id: string; value: WidgetValue }
  | { type: 'rerun' }
  | { type: 'stop' }
  | { type: 'clearCache' }
  | { type: 'dashboard'; id: string }
  | { type: 'upload'; id: string; files: { name: string; type: string; size: number }[]; ref: number }
  | { type: 'uploadDone'; id: string; ref: number };

/// A JSON object's members, or none when `value` is not an object.
export function jsonObject(value: JsonValue | undefined): { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/// The numbers of a JSON array (other entries left out), or none when it is not an array.
export function jsonNumbers(value: JsonValue | undefined): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/// A selectable chart's or dataframe's value (docs/protocol.md): the rows selected, and for
/// a box selection its bounds [x0, x1, y0, y1].
export function selectionOf(value: JsonValue | undefined): { rows: number[]; box: number[] | null } {
  const o = jsonObject(value);
  const box = jsonNumbers(o.box);
  return { rows: jsonNumbers(o.rows), box: box.length === 4 ? box : null };
}

/// Buffers the server sent as binary frames, by id, until it releases them.
export class Buffers {
  private bytes = new Map<string, ArrayBuffer>();

  /// A binary frame: u32 little-endian id length, the id, the bytes.
  receive(frame: ArrayBuffer): void {
    const length = new DataView(frame).getUint32(0, true);
    const id = new TextDecoder().decode(new Uint8Array(frame, 4, length));
    this.bytes.set(id, frame.slice(4 + length));
  }
  release(ids: string[]): void {
    ids.forEach((id) => this.bytes.delete(id));
  }
  /// Buffer ids belong to one connection: a new one numbers them afresh.
  clear(): void {
    this.bytes.clear();
  }
  /// The bytes of a buffer reference or of inline base64.
  resolve(ref: { buffer?: string; base64?: string } | undefined): ArrayBuffer | undefined {
    if (!ref) return undefined;
    if (ref.buffer !== undefined) return this.bytes.get(ref.buffer);
    if (ref.base64 !== undefined) return Uint8Array.from(atob(ref.base64), (c) => c.charCodeAt(0)).buffer;
    return undefined;
  }
  /// A float64 column's values: a view of the buffer (received 8-byte aligned), not a copy.
  numbers(column: Column): Float64Array {
    if (column.array) return column.array;
    const bytes = column.type === 'f64' ? this.resolve(column) : undefined;
    if (!bytes) return new Float64Array(0);
    if (bytes.byteLength % 8 !== 0) return new Float64Array(bytes.slice(0, bytes.byteLength - (bytes.byteLength % 8)));
    return new Float64Array(bytes);
  }
}

/// `element` with `rows` below its data (matched by column name and type), its row count
/// updated; undefined when the rows do not fit its columns.
export function withRows(element: Element, rows: Frame, buffers: Buffers): Element | undefined {
  const columns = element.data?.columns;
  if (!columns || columns.length !== rows.columns.length) return undefined;
  const merged: Column[] = [];
  for (const column of columns) {
    const more = rows.columns.find((c) => c.name === column.name && c.type === column.type);
    if (!more) return undefined;
    if (column.type === 'f64') {
      const before = buffers.numbers(column);
      const added = buffers.numbers(more);
      const total = before.length + added.length;
      // The values may stay where they are when this column is the last that was added to
      // them (older elements' arrays end before `used`) and there is room; else move them.
      let grow = column.grow;
      if (!grow || grow.used !== before.length || grow.data.length < total) {
        grow = { data: new Float64Array(Math.max(1024, 2 * total)), used: before.length };
        grow.data.set(before);
      }
      grow.data.set(added, grow.used);
      grow.used = total;
      merged.push({ name: column.name, type: 'f64', array: grow.data.subarray(0, total), grow });
    } else {
      merged.push({ name: column.name, type: 'text', values: [...(column.values ?? []), ...(more.values ?? [])] });
    }
  }
  const count = (element.data?.rows ?? 0) + rows.rows;
  const props = 'rows' in element.props ? { ...element.props, rows: count } : element.props;
  return { ...element, props, data: { rows: count, columns: merged } } as Element;
}
