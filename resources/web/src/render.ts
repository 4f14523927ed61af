// SPDX-License-Identifier: GPL-3.0-or-later
// One view per element kind. Text-like elements are rebuilt when they change (they hold no
// state of the person's); blocks, widgets, charts and tables update in place.
import { ChartView } from './chart';
import { el } from './dom';
import { GrammarChartView } from './grammar/grammarview';
import { renderMarkdown } from './markdown';
import { Element, ElementOfKind, isKind } from './protocol';
import { BlockKind, PropsOf } from './schema';
import { TableView } from './table';
import { uniqueId, View, ViewContext } from './view';
import { widgetView } from './widgets';

/// A view of a plain node, replaced whenever its element changes.
function plain(dom: HTMLElement): View {
  return { dom };
}

function metric(p: PropsOf['metric']): HTMLElement {
  const d = el('div', 'metric');
  d.append(el('div', 'caption', p.label), el('div', 'value', p.value));
  const delta: string = p.delta ?? '';
  if (delta) d.append(el('div', delta.trim().startsWith('-') ? 'delta down' : 'delta up', delta));
  return d;
}

function exception(p: PropsOf['exception']): HTMLElement {
  const d = el('div', 'exception');
  d.setAttribute('role', 'alert');
  d.append(el('strong', '', p.type || 'Exception'), el('pre', '', p.text ?? ''));
  return d;
}

function image(element: ElementOfKind<'image'>, ctx: ViewContext): View {
  const figure = el('figure', 'image');
  const img = el('img');
  const bytes = ctx.buffers.resolve(element.bytes);
  const url = bytes ? URL.createObjectURL(new Blob([bytes])) : '';
  img.src = url;
  img.alt = element.props.caption ?? '';
  if (element.props.width) img.width = element.props.width;
  figure.append(img);
  if (element.props.caption) figure.append(el('figcaption', 'caption', element.props.caption));
  return { dom: figure, dispose: () => url && URL.revokeObjectURL(url) };
}

/// Tabs: a tab list of buttons (arrow keys move between them) over the tab children.
class TabsView implements View {
  dom = el('div', 'tabs');
  host = el('div', 'tab-panels');
  private list = el('div', 'tab-list');
  private selected = 0;
  private labels: string[] = [];

  constructor(element: ElementOfKind<'tabs'>) {
    this.list.setAttribute('role', 'tablist');
    this.list.onkeydown = (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step || !this.labels.length) return;
      this.select((this.selected + step + this.labels.length) % this.labels.length, true);
    };
    this.dom.append(this.list, this.host);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['tabs'])) return false;
    this.labels = element.props.labels ?? [];
    this.list.replaceChildren(
      ...this.labels.map((label, i) => {
        const b = el('button', 'tab', label);
        b.type = 'button';
        b.id = uniqueId('tab');
        b.setAttribute('role', 'tab');
        b.onclick = () => this.select(i, false);
        return b;
      }),
    );
    this.select(Math.min(this.selected, Math.max(0, this.labels.length - 1)), false);
    return true;
  }

  childrenChanged(): void {
    this.select(this.selected, false);
  }

  private select(index: number, focus: boolean): void {
    this.selected = index;
    const tabs = [...this.list.children] as HTMLElement[];
    const panels = [...this.host.children] as HTMLElement[];
    tabs.forEach((t, i) => {
      t.setAttribute('aria-selected', String(i === index));
      t.tabIndex = i === index ? 0 : -1;
    });
    panels.forEach((panel, i) => {
      panel.hidden = i !== index;
      panel.setAttribute('role', 'tabpanel');
      if (tabs[i]) panel.setAttribute('aria-labelledby', tabs[i].id);
    });
    if (focus) tabs[index]?.focus();
  }
}

class ExpanderView implements View {
  dom = el('details', 'expander');
  host = el('div', 'expander-body');
  protected summary = el('summary');
  private expanded: boolean | undefined;

  constructor(element: ElementOfKind<'expander' | 'status'>) {
    this.dom.append(this.summary, this.host);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['expander', 'status'])) return false;
    this.summary.textContent = element.props.label ?? '';
    // The dashboard's `expanded` applies when it changes; otherwise the person's choice stays.
    const expanded = !!element.props.expanded;
    if (expanded !== this.expanded) (this.dom as HTMLDetailsElement).open = expanded;
    this.expanded = expanded;
    return true;
  }

  protected summaryText(text: string): void {
    this.summary.textContent = text;
  }
}

/// A status box: an expander whose summary shows how its step went; it opens on failure.
class StatusView extends ExpanderView {
  private state = '';

  constructor(element: ElementOfKind<'status'>) {
    super(element);
    this.dom.classList.add('status-box');
  }

  update(element: Element): boolean {
    if (!isKind(element, ['status'])) return false;
    super.update(element);
    const state: string = element.props.state || 'running';
    const mark = { running: '⏳', complete: '✔', error: '✖' }[state] ?? '';
    this.summaryText(`${mark}  ${element.props.label ?? ''}`);
    this.dom.dataset.state = state;
    if (state === 'error' && this.state !== state) (this.dom as HTMLDetailsElement).open = true;
    this.state = state;
    return true;
  }
}

/// A popover: a button that opens a floating panel with the children; Esc or a click
/// elsewhere closes it.
class PopoverView implements View {
  dom = el('div', 'popover');
  host = el('div', 'popover-panel');
  private button = el('button', 'popover-button') as HTMLButtonElement;

  constructor(element: ElementOfKind<'popover'>) {
    this.button.type = 'button';
    this.button.setAttribute('aria-expanded', 'false');
    this.host.id = uniqueId('popover');
    this.button.setAttribute('aria-controls', this.host.id);
    this.host.hidden = true;
    this.button.onclick = () => this.toggle(this.host.hidden);
    this.dom.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.host.hidden) {
        this.toggle(false);
        this.button.focus();
      }
    });
    this.dom.append(this.button, this.host);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['popover'])) return false;
    this.button.textContent = element.props.label ?? '';
    return true;
  }

  dispose(): void {
    document.removeEventListener('pointerdown', this.outside);
  }

  private outside = (event: Event) => {
    if (!this.dom.contains(event.target as Node)) this.toggle(false);
  };

  private toggle(open: boolean): void {
    this.host.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) document.addEventListener('pointerdown', this.outside);
    else document.removeEventListener('pointerdown', this.outside);
  }
}

/// A dialog: a modal <dialog> that opens when it first appears. Closed by the person (the
/// close button or Esc), it stays closed; it goes for good when the page no longer has it.
class DialogView implements View {
  dom = el('dialog', 'dialog') as HTMLDialogElement;
  host = el('div', 'dialog-body');
  private title = el('h2', 'dialog-title');

  constructor(element: ElementOfKind<'dialog'>) {
    const head = el('div', 'dialog-head');
    const close = el('button', 'dialog-close', '×') as HTMLButtonElement;
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.onclick = () => this.dom.close();
    this.title.id = uniqueId('dialog');
    this.dom.setAttribute('aria-labelledby', this.title.id);
    head.append(this.title, close);
    this.dom.append(head, this.host);
    this.update(element);
    // It is placed in the page after it is made: open it once it is there.
    requestAnimationFrame(() => {
      if (this.dom.isConnected && !this.dom.open) this.dom.showModal();
    });
  }

  update(element: Element): boolean {
    if (!isKind(element, ['dialog'])) return false;
    this.title.textContent = element.props.title ?? '';
    return true;
  }

  dispose(): void {
    if (this.dom.open) this.dom.close();
  }
}

/// A toast: nothing in the page's flow; a note in the corner for a few seconds when it
/// appears or its text changes.
class ToastView implements View {
  dom = el('span', 'toast-anchor');
  private shown = '';

  constructor(element: ElementOfKind<'toast'>) {
    this.dom.hidden = true;
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['toast'])) return false;
    const icon: string = element.props.icon ?? '';
    const text: string = element.props.text ?? '';
    const shown = icon ? `${icon} ${text}` : text;
    if (shown !== this.shown) showToast(shown);
    this.shown = shown;
    return true;
  }
}

const TOAST_MS = 4000;

function showToast(text: string): void {
  let region = document.getElementById('toasts');
  if (!region) {
    region = el('div');
    region.id = 'toasts';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  const note = el('div', 'toast', text);
  region.append(note);
  setTimeout(() => note.remove(), TOAST_MS);
}

/// A chat message: the author's avatar beside the message's children.
class ChatMessageView implements View {
  dom = el('div', 'chat-message');
  host = el('div', 'chat-body');
  private avatar = el('div', 'chat-avatar');

  constructor(element: ElementOfKind<'chat_message'>) {
    this.dom.append(this.avatar, this.host);
    this.update(element);
  }

  update(element: Element): boolean {
    if (!isKind(element, ['chat_message'])) return false;
    this.avatar.textContent = element.props.avatar ?? '';
    this.avatar.setAttribute('aria-label', element.props.role ?? '');
    this.avatar.setAttribute('role', 'img');
    this.dom.dataset.role = element.props.role ?? '';
    return true;
  }
}

/// Containers, columns, fragments: a node that holds children.
class BlockView implements View {
  dom: HTMLElement;
  host: HTMLElement;

  constructor(element: ElementOfKind<BlockKind>, cls: string) {
    this.dom = this.host = el('div', cls);
    this.update(element);
  }

  update(element: Element): boolean {
    if (element.kind === 'column') this.dom.style.flexGrow = String(element.props.weight || 1);
    if (element.kind === 'fragment') this.dom.dataset.fragment = element.props.id ?? '';
    if (element.kind === 'form') {
      this.dom.dataset.form = element.props.key ?? '';
      this.dom.classList.toggle('bordered', element.props.border !== false);
    }
    return true;
  }
}

/// A form: a block whose widgets the session holds until its submit button is pressed. Enter
/// in one of its text fields presses that button, as in an HTML form.
class FormView extends BlockView {
  constructor(element: ElementOfKind<'form'>) {
    super(element, 'block form');
    this.dom.setAttribute('role', 'form');
    this.dom.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
      if (!['text', 'number', 'date'].includes(target.type)) return;
      // The field has sent its value on this Enter already (it is the event's target, and
      // messages keep their order), so the press follows the value.
      this.dom.querySelector<HTMLButtonElement>('button.primary:not(:disabled)')?.click();
    });
  }
}

function textView(element: Element): HTMLElement | null {
  switch (element.kind) {
    case 'title':
      return el('h1', '', element.props.text);
    case 'header':
      return el('h2', '', element.props.text);
    case 'subheader':
      return el('h3', '', element.props.text);
    case 'text':
      return el('p', 'text', element.props.text);
    case 'markdown':
      return renderMarkdown(element.props.text ?? '');
    case 'caption':
      return el('div', 'caption', element.props.text);
    case 'code':
    case 'json': {
      const pre = el('pre', element.kind);
      const code = el('code', '', element.props.text);
      if (element.kind === 'code' && element.props.language) code.dataset.language = element.props.language;
      pre.append(code);
      return pre;
    }
    case 'divider':
      return el('hr');
    case 'metric':
      return metric(element.props);
    case 'info':
    case 'success':
    case 'warning':
    case 'error': {
      const d = el('div', `status ${element.kind}`, element.props.text);
      d.setAttribute('role', element.kind === 'error' ? 'alert' : 'status');
      return d;
    }
    case 'exception':
      return exception(element.props);
    case 'progress': {
      const d = el('div', 'progress');
      const bar = el('progress');
      bar.max = 100;
      bar.value = element.props.value ?? 0;
      bar.setAttribute('aria-label', element.props.text || 'Progress');
      d.append(bar);
      if (element.props.text) d.append(el('div', 'caption', element.props.text));
      return d;
    }
    case 'spinner': {
      const d = el('div', 'spinner', element.props.text || 'Running…');
      d.setAttribute('role', 'status');
      return d;
    }
    case 'skeleton': {
      const d = el('div', 'skeleton');
      d.style.height = `${element.props.height || 120}px`;
      d.setAttribute('aria-busy', 'true');
      d.setAttribute('aria-label', 'Loading');
      return d;
    }
    case 'empty':
      return el('div', 'empty');
    default:
      return null;
  }
}

/// The view of `element`: every kind of the schema has one.
export function createView(element: Element, ctx: ViewContext): View {
  const text = textView(element);
  if (text) return plain(text);
  switch (element.kind) {
    case 'line_chart':
    case 'area_chart':
    case 'bar_chart':
    case 'scatter_chart':
      return new ChartView(element, ctx);
    case 'chart':
      return new GrammarChartView(element, ctx);
    case 'table':
    case 'dataframe':
      return new TableView(element, ctx);
    case 'image':
      return image(element, ctx);
    case 'container':
      return new BlockView(element, 'block');
    case 'fragment':
      return new BlockView(element, 'block fragment');
    case 'form':
      return new FormView(element);
    case 'status':
      return new StatusView(element);
    case 'popover':
      return new PopoverView(element);
    case 'dialog':
      return new DialogView(element);
    case 'toast':
      return new ToastView(element);
    case 'chat_message':
      return new ChatMessageView(element);
    case 'columns':
      return new BlockView(element, 'columns');
    case 'column':
      return new BlockView(element, 'block column');
    case 'tab':
      return new BlockView(element, 'block tab');
    case 'tabs':
      return new TabsView(element);
    case 'expander':
      return new ExpanderView(element);
  }
  const widget = widgetView(element, ctx);
  if (widget) return widget;
  const unknown = el('div', 'status error', `This page cannot show ${element.kind} elements.`);
  return plain(unknown);
}
