// SPDX-License-Identifier: GPL-3.0-or-later
// One view per element kind. Text-like elements are rebuilt when they change (they hold no
// state of the person's); blocks, widgets, charts and tables update in place.
import { ChartView } from './chart';
import { el } from './dom';
import { renderMarkdown } from './markdown';
import { Element } from './protocol';
import { TableView } from './table';
import { uniqueId, View, ViewContext } from './view';
import { widgetView } from './widgets';

/// A view of a plain node, replaced whenever its element changes.
function plain(dom: HTMLElement): View {
  return { dom };
}

function metric(p: Record<string, any>): HTMLElement {
  const d = el('div', 'metric');
  d.append(el('div', 'caption', p.label), el('div', 'value', p.value));
  const delta: string = p.delta ?? '';
  if (delta) d.append(el('div', delta.trim().startsWith('-') ? 'delta down' : 'delta up', delta));
  return d;
}

function exception(p: Record<string, any>): HTMLElement {
  const d = el('div', 'exception');
  d.setAttribute('role', 'alert');
  d.append(el('strong', '', p.type || 'Exception'), el('pre', '', p.text ?? ''));
  return d;
}

function image(element: Element, ctx: ViewContext): View {
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

  constructor(element: Element) {
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
  private summary = el('summary');
  private expanded: boolean | undefined;

  constructor(element: Element) {
    this.dom.append(this.summary, this.host);
    this.update(element);
  }

  update(element: Element): boolean {
    this.summary.textContent = element.props.label ?? '';
    // The dashboard's `expanded` applies when it changes; otherwise the person's choice stays.
    const expanded = !!element.props.expanded;
    if (expanded !== this.expanded) (this.dom as HTMLDetailsElement).open = expanded;
    this.expanded = expanded;
    return true;
  }
}

/// Containers, columns, fragments: a node that holds children.
class BlockView implements View {
  dom: HTMLElement;
  host: HTMLElement;

  constructor(element: Element, cls: string) {
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
  constructor(element: Element) {
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
  const p = element.props;
  switch (element.kind) {
    case 'title':
      return el('h1', '', p.text);
    case 'header':
      return el('h2', '', p.text);
    case 'subheader':
      return el('h3', '', p.text);
    case 'text':
      return el('p', 'text', p.text);
    case 'markdown':
      return renderMarkdown(p.text ?? '');
    case 'caption':
      return el('div', 'caption', p.text);
    case 'code':
    case 'json': {
      const pre = el('pre', element.kind);
      const code = el('code', '', p.text);
      if (p.language) code.dataset.language = p.language;
      pre.append(code);
      return pre;
    }
    case 'divider':
      return el('hr');
    case 'metric':
      return metric(p);
    case 'info':
    case 'success':
    case 'warning':
    case 'error': {
      const d = el('div', `status ${element.kind}`, p.text);
      d.setAttribute('role', element.kind === 'error' ? 'alert' : 'status');
      return d;
    }
    case 'exception':
      return exception(p);
    case 'progress': {
      const d = el('div', 'progress');
      const bar = el('progress');
      bar.max = 100;
      bar.value = p.value ?? 0;
      bar.setAttribute('aria-label', p.text || 'Progress');
      d.append(bar);
      if (p.text) d.append(el('div', 'caption', p.text));
      return d;
    }
    case 'spinner': {
      const d = el('div', 'spinner', p.text || 'Running…');
      d.setAttribute('role', 'status');
      return d;
    }
    case 'skeleton': {
      const d = el('div', 'skeleton');
      d.style.height = `${p.height || 120}px`;
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
      return new ChartView(element, ctx.buffers);
    case 'table':
    case 'dataframe':
      return new TableView(element, ctx.buffers);
    case 'image':
      return image(element, ctx);
    case 'container':
      return new BlockView(element, 'block');
    case 'fragment':
      return new BlockView(element, 'block fragment');
    case 'form':
      return new FormView(element);
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
