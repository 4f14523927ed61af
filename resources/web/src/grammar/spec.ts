// SPDX-License-Identifier: GPL-3.0-or-later
// A grammar chart as the server computed it (docs/protocol.md, "Charts"): the completed spec
// and each layer's drawn columns ("L.C").
import { Buffers, Column, Element, ElementOfKind } from '../protocol';
import { formatNumber, formatTime } from './format';

export interface AxisSpec {
  scale: 'linear' | 'log' | 'time' | 'band';
  title?: string;
  format?: string;
  domain: [number, number];
  tickStep?: number;
  labels?: string[];
  timeZone?: string;
}

export interface EncodingSpec {
  field?: string;
  type?: string;
  title?: string;
  format?: string;
  value?: number;
  axis?: string;
  labels?: string[];
  binStep?: number;
  timeZone?: string;
}

export interface SeriesSpec {
  label: string;
  start: number;
  count: number;
  color: number;
}

export interface LayerSpec {
  mark: string;
  encoding: Record<string, EncodingSpec | undefined>;
  series: SeriesSpec[];
  rows: number;
  horizontal?: boolean;
  innerRadius?: number;
  name?: string;
  /// Fields shown on hover, as the columns "L.tooltip0", "L.tooltip1", …
  tooltip?: EncodingSpec[];
}

export interface ChartSpec {
  layers: LayerSpec[];
  axes: { x?: AxisSpec; y?: AxisSpec; yRight?: AxisSpec };
  labels?: string[];
  colorScale?: { title?: string; domain: [number, number] };
  height?: number;
}

export type GrammarElement = ElementOfKind<'chart'>;

/// One layer with its columns.
export class Layer {
  constructor(
    readonly index: number,
    readonly spec: LayerSpec,
    private columns: Map<string, Column>,
    private buffers: Buffers,
  ) {}

  get mark(): string {
    return this.spec.mark;
  }
  encoding(channel: string): EncodingSpec | undefined {
    return this.spec.encoding[channel];
  }
  has(channel: string): boolean {
    return this.columns.has(`${this.index}.${channel}`);
  }
  /// The channel's numbers (empty when the layer draws none for it).
  numbers(channel: string): Float64Array {
    const column = this.columns.get(`${this.index}.${channel}`);
    return column ? this.buffers.numbers(column) : new Float64Array(0);
  }
  /// The channel's text, for a text column.
  text(channel: string): string[] {
    return this.columns.get(`${this.index}.${channel}`)?.values ?? [];
  }
  /// Row `row` of the channel's column as its field writes it: text as it is, times in
  /// `timeZone`, numbers by the field's format.
  write(channel: string, row: number, field: EncodingSpec, timeZone: string): string {
    const column = this.columns.get(`${this.index}.${channel}`);
    if (!column) return '';
    if (column.type === 'text') return column.values?.[row] ?? '';
    const value = this.buffers.numbers(column)[row];
    if (field.type === 'temporal') return formatTime(value, field.timeZone ?? timeZone, 0);
    return formatNumber(value, field.format);
  }
  /// Whether the layer's y is on the second axis.
  get right(): boolean {
    const y = this.encoding(this.mark === 'candlestick' ? 'close' : 'y');
    return y?.axis === 'right';
  }
}

export function chartSpec(element: GrammarElement): ChartSpec {
  return element.props.spec as unknown as ChartSpec;
}

export function layersOf(element: GrammarElement, buffers: Buffers): Layer[] {
  const columns = new Map((element.data?.columns ?? []).map((c) => [c.name, c]));
  return (chartSpec(element).layers ?? []).map((spec, i) => new Layer(i, spec, columns, buffers));
}

export function isGrammar(element: Element): element is GrammarElement {
  return element.kind === 'chart';
}
