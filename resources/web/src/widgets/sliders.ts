// SPDX-License-Identifier: GPL-3.0-or-later
// Sliders: one value, or a range. A dragged slider sends at most every 80 ms.
import { el } from '../dom';
import { ElementOfKind } from '../protocol';
import { ViewContext } from '../view';
import { WidgetView } from './widgetview';

/// How often a dragged slider sends at most; the latest value always goes last.
const SLIDER_INTERVAL_MS = 80;

/// Sends the latest value at most once per interval while values keep coming.
export class Throttle<T> {
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: { value: T } | null = null;

  constructor(
    private interval: number,
    private deliver: (value: T) => void,
  ) {}

  push(value: T): void {
    this.pending = { value };
    const wait = this.last + this.interval - performance.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) return;
    const { value } = this.pending;
    this.pending = null;
    this.last = performance.now();
    this.deliver(value);
  }
}

/// Whether a pointer is dragging one of `inputs`: a dragged value's echo would pull the
/// thumb back, so sliders leave it alone meanwhile.
export function trackDrag(...inputs: HTMLInputElement[]): () => boolean {
  let dragging = false;
  for (const input of inputs)
    input.addEventListener('pointerdown', () => {
      dragging = true;
      addEventListener('pointerup', () => (dragging = false), { once: true });
    });
  return () => dragging;
}

export class SliderView extends WidgetView<'slider'> {
  private input = el('input');
  private output = el('output');
  private dragging = trackDrag(this.input);
  private throttle = new Throttle<number>(SLIDER_INTERVAL_MS, (v) => this.send(v));

  constructor(element: ElementOfKind<'slider'>, ctx: ViewContext) {
    super(element, ctx);
    this.input.type = 'range';
    this.input.id = this.frame.controlId;
    this.output.htmlFor.add(this.input.id);
    this.input.oninput = () => {
      this.output.textContent = this.input.value;
      this.throttle.push(Number(this.input.value));
    };
    this.input.onchange = () => this.throttle.flush();
    const row = el('div', 'slider-row');
    row.append(this.input, this.output);
    this.dom.append(row);
    this.show(element);
  }

  show(element: ElementOfKind<'slider'>): void {
    const p = element.props;
    this.frame.show(element, [this.input]);
    this.input.min = String(p.min ?? 0);
    this.input.max = String(p.max ?? 100);
    this.input.step = p.step ? String(p.step) : p.integer ? '1' : 'any';
    if (!this.dragging()) {
      this.input.value = String(p.value ?? 0);
      this.output.textContent = this.input.value;
    }
  }
}

export class RangeView extends WidgetView<'range_slider'> {
  private low = el('input');
  private high = el('input');
  private output = el('output');
  private dragging = trackDrag(this.low, this.high);
  private throttle = new Throttle<number[]>(SLIDER_INTERVAL_MS, (v) => this.send(v));

  constructor(element: ElementOfKind<'range_slider'>, ctx: ViewContext) {
    super(element, ctx, true);
    const row = el('div', 'slider-row');
    [this.low, this.high].forEach((input, i) => {
      input.type = 'range';
      input.setAttribute('aria-label', i === 0 ? 'From' : 'To');
      input.oninput = () => this.changed();
      input.onchange = () => this.throttle.flush();
      row.append(input);
    });
    row.append(this.output);
    this.frame.body.append(row);
    this.show(element);
  }

  private changed(): void {
    const values = [Number(this.low.value), Number(this.high.value)].sort((a, b) => a - b);
    this.output.textContent = `${values[0]} – ${values[1]}`;
    this.throttle.push(values);
  }

  show(element: ElementOfKind<'range_slider'>): void {
    const p = element.props;
    this.frame.show(element, [this.low, this.high]);
    for (const input of [this.low, this.high]) {
      input.min = String(p.min ?? 0);
      input.max = String(p.max ?? 100);
      input.step = String(p.step || 1);
    }
    if (this.dragging()) return;
    const [low, high] = (p.value ?? [0, 0]) as number[];
    this.low.value = String(low);
    this.high.value = String(high);
    this.output.textContent = `${low} – ${high}`;
  }
}
