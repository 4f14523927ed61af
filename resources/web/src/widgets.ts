// SPDX-License-Identifier: GPL-3.0-or-later
// Widgets. Each sends its new value as the window's do (docs/protocol.md, widget values) and
// takes the rerun's echo in place: a control the person is using keeps what they typed.
import { el, tell } from './dom';
import { DataEditorView } from './editor';
import { Element, ElementOfKind, isKind, WidgetValue } from './protocol';
import { PropsOf, WidgetKind } from './schema';
import { uniqueId, View, ViewContext } from './view';

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

/// The frame every widget shares: a label tied to the control, and help tied as description.
class Frame {
  readonly dom = el('div', 'widget');
  readonly label: HTMLElement;
  private text = el('span');
  private help = el('div', 'caption help');
  readonly controlId = uniqueId('w');

  constructor(grouped: boolean) {
    // A group of controls (radio, multiselect, range) is a fieldset named by its legend.
    if (grouped) {
      const set = el('fieldset');
      this.label = el('legend');
      set.append(this.label);
      this.dom.append(set);
    } else {
      const label = el('label');
      label.htmlFor = this.controlId;
      this.label = label;
      this.dom.append(label);
    }
    this.label.append(this.text);
    this.help.id = uniqueId('help');
  }

  /// Where the controls go.
  get body(): HTMLElement {
    return (this.dom.querySelector('fieldset') as HTMLElement | null) ?? this.dom;
  }

  show(element: ElementOfKind<WidgetKind>, controls: HTMLElement[]): void {
    this.text.textContent = element.props.label ?? '';
    const help = element.props.help ?? '';
    this.help.textContent = help;
    if (help && !this.help.isConnected) this.dom.append(this.help);
    if (!help) this.help.remove();
    for (const c of controls) {
      if (help) c.setAttribute('aria-describedby', this.help.id);
      else c.removeAttribute('aria-describedby');
      if ('disabled' in c) (c as HTMLInputElement).disabled = !!element.props.disabled;
    }
  }
}

abstract class WidgetView<K extends WidgetKind> implements View {
  protected frame: Frame;
  protected element: ElementOfKind<K>;
  dom: HTMLElement;

  constructor(
    element: ElementOfKind<K>,
    protected ctx: ViewContext,
    grouped = false,
  ) {
    this.element = element;
    this.frame = new Frame(grouped);
    this.dom = this.frame.dom;
  }

  protected send(value: WidgetValue): void {
    this.ctx.send(this.current.id ?? '', value);
  }

  /// The element, as any element.
  private get current(): Element {
    return this.element;
  }

  update(element: Element): boolean {
    if (element.id !== this.current.id || element.kind !== this.current.kind) return false;
    this.element = element as ElementOfKind<K>;
    this.show(this.element);
    return true;
  }

  abstract show(element: ElementOfKind<K>): void;
}

/// Whether a pointer is dragging one of `inputs`: a dragged value's echo would pull the
/// thumb back, so sliders leave it alone meanwhile.
function trackDrag(...inputs: HTMLInputElement[]): () => boolean {
  let dragging = false;
  for (const input of inputs)
    input.addEventListener('pointerdown', () => {
      dragging = true;
      addEventListener('pointerup', () => (dragging = false), { once: true });
    });
  return () => dragging;
}

function focused(node: Element | HTMLElement): boolean {
  return document.activeElement === node;
}

class ButtonView implements View {
  dom = el('button');
  constructor(
    private element: ElementOfKind<'button' | 'form_submit_button'>,
    ctx: ViewContext,
  ) {
    this.dom.type = 'button';
    this.dom.className = element.kind === 'form_submit_button' ? 'widget-button primary' : 'widget-button';
    this.dom.onclick = () => ctx.send(this.element.id ?? '', true);
    this.update(element);
  }
  update(element: Element): boolean {
    if (!isKind(element, ['button', 'form_submit_button'])) return false;
    this.element = element;
    this.dom.textContent = element.props.label ?? '';
    (this.dom as HTMLButtonElement).disabled = !!element.props.disabled;
    this.dom.title = element.props.help ?? '';
    return true;
  }
}

/// A download button: saves the element's bytes under its file name, then reports the click.
class DownloadView implements View {
  dom = el('button') as HTMLButtonElement;
  /// Pressed a deferred button: its bytes come with the run the press causes.
  private awaiting = false;
  constructor(
    private element: ElementOfKind<'download_button'>,
    private ctx: ViewContext,
  ) {
    this.dom.type = 'button';
    this.dom.className = 'widget-button download';
    this.dom.onclick = () => this.save();
    this.update(element);
  }
  update(element: Element): boolean {
    if (!isKind(element, ['download_button'])) return false;
    this.element = element;
    this.dom.textContent = element.props.label ?? '';
    this.dom.disabled = !!element.props.disabled;
    this.dom.title = element.props.help ?? '';
    if (this.awaiting && element.bytes) {
      this.awaiting = false;
      this.download();
    }
    return true;
  }
  private save(): void {
    if (this.element.props.deferred) {
      this.awaiting = true;
      this.ctx.send(this.element.id ?? '', true);
      return;
    }
    this.download();
    this.ctx.send(this.element.id ?? '', true);
  }
  private download(): void {
    const bytes = this.ctx.buffers.resolve(this.element.bytes) ?? new ArrayBuffer(0);
    const url = URL.createObjectURL(new Blob([bytes], { type: this.element.props.mime || 'application/octet-stream' }));
    const link = el('a') as HTMLAnchorElement;
    link.href = url;
    link.download = this.element.props.fileName || 'download';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/// `bytes` for people, as the window writes them: 512 bytes, 1.5 kB, 200.0 MB.
function amount(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB'];
  let u = 0;
  while (bytes >= 1024 && u < units.length - 1) ((bytes /= 1024), u++);
  return u === 0 ? `${bytes} bytes` : `${bytes.toFixed(1)} ${units[u]}`;
}

/// Why the uploader `props` (types, maxBytes) refuses a file, or '' when it takes it; the
/// same rule as the server's, which checks again.
export function fileProblem(props: PropsOf['file_uploader'], name: string, size: number): string {
  const limit = Number(props.maxBytes ?? 0);
  if (limit > 0 && size > limit) return `'${name}' is ${amount(size)}; files up to ${amount(limit)} are taken here`;
  const types: string[] = props.types ?? [];
  if (types.length === 0) return '';
  const suffix = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const taken = types.some((t) => t.trim().toLowerCase().replace(/^\./, '') === suffix && suffix !== '');
  return taken ? '' : `'${name}' is not one of the types taken here: ${types.join(', ')}`;
}

/// A file uploader: a drop zone with a file input; the files go to the server over the
/// socket (ViewContext.upload), and the names it took come back as the value.
class UploadView extends WidgetView<'file_uploader'> {
  private input = el('input');
  private zone = el('div', 'upload-zone');
  private hint = el('span', 'caption');
  private browse = el('button', 'widget-button', 'Browse files');
  private remove = el('button', 'widget-button', 'Remove');
  private files = el('ul', 'upload-files');
  private note = el('div', 'upload-note');
  private shown = '';

  constructor(element: ElementOfKind<'file_uploader'>, ctx: ViewContext) {
    super(element, ctx);
    this.input.type = 'file';
    this.input.id = this.frame.controlId;
    this.input.className = 'visually-hidden';
    this.input.onchange = () => {
      this.give([...(this.input.files ?? [])]);
      this.input.value = '';
    };
    this.browse.type = this.remove.type = 'button';
    this.browse.onclick = () => this.input.click();
    this.remove.onclick = () => this.send([]);
    this.note.setAttribute('role', 'status');
    this.zone.append(this.hint, this.remove, this.browse, this.input);
    this.zone.ondragover = (event) => {
      event.preventDefault();
      this.zone.classList.add('over');
    };
    this.zone.ondragleave = () => this.zone.classList.remove('over');
    this.zone.ondrop = (event) => {
      event.preventDefault();
      this.zone.classList.remove('over');
      this.give([...(event.dataTransfer?.files ?? [])]);
    };
    this.frame.body.append(this.zone, this.files, this.note);
    this.show(element);
  }

  private give(files: File[]): void {
    if (files.length === 0) return;
    const props = this.element.props;
    if (files.length > 1 && !props.multiple) return this.tell(`One file is taken here, not ${files.length}.`, true);
    for (const f of files) {
      const problem = fileProblem(props, f.name, f.size);
      if (problem) return this.tell(problem, true);
    }
    this.tell(`Uploading ${files.map((f) => f.name).join(', ')}…`, false);
    this.ctx.upload(this.element.id ?? '', files, (message) => this.tell(message, true));
  }

  private tell(message: string, problem: boolean): void {
    tell(this.note, message, problem);
  }

  show(element: ElementOfKind<'file_uploader'>): void {
    const p = element.props;
    const types: string[] = p.types ?? [];
    this.input.multiple = !!p.multiple;
    this.input.accept = types.map((t) => (t.startsWith('.') ? t : `.${t}`)).join(',');
    const parts = [p.multiple ? 'Drop files here' : 'Drop a file here'];
    if (types.length) parts.push(types.join(', ').toUpperCase());
    if (p.maxBytes) parts.push(`up to ${amount(Number(p.maxBytes))}`);
    this.hint.textContent = parts.join(' · ');
    const names: string[] = p.value ?? [];
    this.files.replaceChildren(...names.map((n) => el('li', '', n)));
    this.remove.hidden = names.length === 0;
    this.frame.show(element, [this.input, this.browse, this.remove]);
    // New files taken: the upload is over.
    const key = JSON.stringify(names);
    if (key !== this.shown && !this.note.classList.contains('problem')) this.tell('', false);
    this.shown = key;
  }
}

class CheckView extends WidgetView<'checkbox' | 'toggle'> {
  private box = el('input');
  constructor(element: ElementOfKind<'checkbox' | 'toggle'>, ctx: ViewContext) {
    super(element, ctx);
    this.box.type = 'checkbox';
    this.box.id = this.frame.controlId;
    if (element.kind === 'toggle') {
      this.box.setAttribute('role', 'switch');
      this.box.className = 'switch';
    }
    this.box.onchange = () => this.send(this.box.checked);
    this.frame.label.prepend(this.box);
    this.dom.classList.add('check');
    this.show(element);
  }
  show(element: ElementOfKind<'checkbox' | 'toggle'>): void {
    this.frame.show(element, [this.box]);
    this.box.checked = !!element.props.value;
  }
}

class SliderView extends WidgetView<'slider'> {
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

class RangeView extends WidgetView<'range_slider'> {
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

/// Text, text area, number, date and colour: sent on Enter or when the control is left.
class EntryView extends WidgetView<'number_input' | 'text_input' | 'text_area' | 'date_input' | 'color_picker'> {
  private control: HTMLInputElement | HTMLTextAreaElement;
  private sent = '';

  constructor(
    element: ElementOfKind<'number_input' | 'text_input' | 'text_area' | 'date_input' | 'color_picker'>,
    ctx: ViewContext,
  ) {
    super(element, ctx);
    const k = element.kind;
    this.control = k === 'text_area' ? el('textarea') : el('input');
    const c = this.control;
    if (c instanceof HTMLInputElement)
      c.type =
        ({ number_input: 'number', date_input: 'date', color_picker: 'color' } as Partial<Record<string, string>>)[k] ??
        'text';
    c.id = this.frame.controlId;
    c.onchange = () => this.commit();
    c.onkeydown = (event) => {
      const enter = (event as KeyboardEvent).key === 'Enter';
      // In a text area Enter is a new line; Ctrl+Enter sends, as in the window.
      if (enter && (k !== 'text_area' || (event as KeyboardEvent).ctrlKey)) this.commit();
    };
    this.dom.append(c);
    this.show(element);
  }

  private commit(): void {
    const c = this.control;
    if (c.value === this.sent) return;
    if (this.element.kind === 'number_input') {
      if (c.value.trim() === '' || !c.checkValidity()) {
        c.value = this.sent; // not a number the widget takes: back to its value
        return;
      }
      this.sent = c.value;
      this.send(Number(c.value));
      return;
    }
    this.sent = c.value;
    this.send(c.value);
  }

  show(element: ElementOfKind<'number_input' | 'text_input' | 'text_area' | 'date_input' | 'color_picker'>): void {
    const p = element.props;
    const c = this.control;
    this.frame.show(element, [c]);
    if (c instanceof HTMLInputElement && element.kind === 'number_input') {
      const { min, max, step } = element.props;
      c.min = min !== undefined ? String(min) : '';
      c.max = max !== undefined ? String(max) : '';
      c.step = step ? String(step) : 'any';
    }
    let value = p.value === undefined || p.value === null ? '' : String(p.value);
    if (element.kind === 'color_picker') value = value.toLowerCase();
    // What the person is typing stays; the echo is taken once they have sent it.
    const typing = focused(c) && c.value !== this.sent;
    this.sent = value;
    if (!typing && c.value !== value) c.value = value;
  }
}

class SelectView extends WidgetView<'selectbox'> {
  private select = el('select');
  constructor(element: ElementOfKind<'selectbox'>, ctx: ViewContext) {
    super(element, ctx);
    this.select.id = this.frame.controlId;
    this.select.onchange = () => this.send(this.select.value);
    this.dom.append(this.select);
    this.show(element);
  }
  show(element: ElementOfKind<'selectbox'>): void {
    this.frame.show(element, [this.select]);
    const options = (element.props.options ?? []) as string[];
    const current = [...this.select.options].map((o) => o.value);
    if (current.length !== options.length || current.some((v, i) => v !== options[i])) {
      this.select.replaceChildren(
        ...options.map((option) => {
          const o = el('option', '', option);
          o.value = option;
          return o;
        }),
      );
    }
    this.select.value = element.props.value ?? '';
  }
}

/// Radio buttons and multiselect chips: a group of native inputs, so arrows, Tab and Space
/// work as everywhere.
class ChoiceView extends WidgetView<'radio' | 'multiselect'> {
  private inputs: HTMLInputElement[] = [];
  private list = el('div', 'choices');
  private name = uniqueId('choice');

  constructor(element: ElementOfKind<'radio' | 'multiselect'>, ctx: ViewContext) {
    super(element, ctx, true);
    this.frame.body.append(this.list);
    this.show(element);
  }

  private get many(): boolean {
    return this.element.kind === 'multiselect';
  }

  show(element: ElementOfKind<'radio' | 'multiselect'>): void {
    const options = (element.props.options ?? []) as string[];
    if (options.length !== this.inputs.length || options.some((o, i) => this.inputs[i].value !== o)) {
      this.inputs = options.map((option) => {
        const input = el('input');
        input.type = this.many ? 'checkbox' : 'radio';
        input.name = this.name;
        input.value = option;
        input.onchange = () =>
          this.send(this.many ? this.inputs.filter((i) => i.checked).map((i) => i.value) : input.value);
        return input;
      });
      this.list.replaceChildren(
        ...this.inputs.map((input) => {
          const label = el('label', this.many ? 'chip' : 'radio');
          label.append(input, document.createTextNode(input.value));
          return label;
        }),
      );
    }
    this.frame.show(element, this.inputs);
    const value = element.props.value;
    const chosen: string[] = Array.isArray(value) ? value : value !== undefined ? [value] : [];
    this.inputs.forEach((input) => (input.checked = chosen.includes(input.value)));
  }
}

/// The chat input: a message box with a send button, docked at the bottom of the viewport
/// over the main column (the page's end keeps clear of it). Its place in the page is empty.
class ChatInputView implements View {
  dom = el('div', 'chat-input-anchor');
  private bar = el('form', 'chat-input');
  private input = el('input') as HTMLInputElement;
  private button = el('button', 'widget-button primary', 'Send') as HTMLButtonElement;
  private watch = new ResizeObserver(() => this.place());

  constructor(
    private element: ElementOfKind<'chat_input'>,
    private ctx: ViewContext,
  ) {
    this.input.type = 'text';
    this.input.autocomplete = 'off';
    this.button.type = 'submit';
    this.bar.append(this.input, this.button);
    this.bar.onsubmit = (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      this.ctx.send(this.element.id ?? '', text);
    };
    document.body.append(this.bar);
    document.body.classList.add('has-chat-input');
    const main = document.getElementById('main');
    if (main) this.watch.observe(main);
    addEventListener('resize', this.place);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['chat_input'])) return false;
    this.element = element;
    const p = element.props;
    this.input.placeholder = p.label ?? '';
    this.input.setAttribute('aria-label', p.label ?? '');
    this.input.title = p.help ?? '';
    this.input.disabled = this.button.disabled = !!p.disabled;
    return true;
  }

  dispose(): void {
    this.watch.disconnect();
    removeEventListener('resize', this.place);
    this.bar.remove();
    if (!document.querySelector('form.chat-input')) document.body.classList.remove('has-chat-input');
  }

  private place = () => {
    const main = document.getElementById('main');
    if (!main) return;
    const box = main.getBoundingClientRect();
    this.bar.style.left = `${box.left}px`;
    this.bar.style.width = `${box.width}px`;
  };
}

export function widgetView(element: Element, ctx: ViewContext): View | null {
  switch (element.kind) {
    case 'button':
    case 'form_submit_button':
      return new ButtonView(element, ctx);
    case 'chat_input':
      return new ChatInputView(element, ctx);
    case 'download_button':
      return new DownloadView(element, ctx);
    case 'file_uploader':
      return new UploadView(element, ctx);
    case 'data_editor':
      return new DataEditorView(element, ctx);
    case 'checkbox':
    case 'toggle':
      return new CheckView(element, ctx);
    case 'slider':
      return new SliderView(element, ctx);
    case 'range_slider':
      return new RangeView(element, ctx);
    case 'number_input':
    case 'text_input':
    case 'text_area':
    case 'date_input':
    case 'color_picker':
      return new EntryView(element, ctx);
    case 'selectbox':
      return new SelectView(element, ctx);
    case 'radio':
    case 'multiselect':
      return new ChoiceView(element, ctx);
    default:
      return null;
  }
}
