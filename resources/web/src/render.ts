// SPDX-License-Identifier: GPL-3.0-or-later
// One DOM node per element kind; blocks are hosts for their children's nodes.
import { chartView } from './chart';
import { el } from './dom';
import { renderMarkdown } from './markdown';
import { Buffers, Element } from './protocol';
import { renderWidget, SendValue } from './widgets';

function table(element: Element, buffers: Buffers): HTMLElement {
  const t = el('table');
  const columns = element.data?.columns ?? [];
  const head = el('tr');
  columns.forEach((c) => head.append(el('th', '', c.name)));
  t.append(head);
  const values = columns.map((c) => (c.type === 'f64' ? Array.from(buffers.numbers(c)) : c.values ?? []));
  const rows = Math.min(element.data?.rows ?? 0, 200);
  for (let r = 0; r < rows; ++r) {
    const tr = el('tr');
    values.forEach((v) => tr.append(el('td', '', v[r])));
    t.append(tr);
  }
  return t;
}

export function render(element: Element, buffers: Buffers, send: SendValue): HTMLElement {
  const p = element.props;
  const k = element.kind;
  switch (k) {
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
      const pre = el('pre');
      pre.append(el('code', '', p.text));
      return pre;
    }
    case 'divider':
      return el('hr');
    case 'metric': {
      const d = el('div', 'metric');
      d.append(el('div', 'caption', p.label), el('div', 'value', p.value), el('div', 'caption', p.delta ?? ''));
      return d;
    }
    case 'info':
    case 'success':
    case 'warning':
    case 'error':
    case 'exception':
      return el('div', k, (p.type ? `${p.type}: ` : '') + (p.text ?? ''));
    case 'line_chart':
    case 'area_chart':
    case 'bar_chart':
    case 'scatter_chart': {
      const d = el('figure', 'chart-block');
      if (p.title) d.append(el('figcaption', '', p.title));
      d.append(chartView(element, buffers));
      return d;
    }
    case 'table':
    case 'dataframe':
      return table(element, buffers);
    case 'progress': {
      const b = el('progress');
      b.max = 100;
      b.value = p.value;
      return b;
    }
    case 'spinner':
      return el('div', 'caption', `${p.text || 'Running'}…`);
    case 'skeleton':
      return el('div', 'skeleton');
    case 'image': {
      const img = el('img');
      const bytes = buffers.resolve(element.bytes);
      if (bytes) img.src = URL.createObjectURL(new Blob([bytes]));
      img.alt = p.caption ?? '';
      return img;
    }
    case 'empty':
      return el('div');
    case 'container':
    case 'column':
    case 'tab':
    case 'tabs':
    case 'fragment':
      return el('div', 'block');
    case 'columns':
      return el('div', 'columns');
    case 'expander': {
      const d = el('details');
      d.open = !!p.expanded;
      d.append(el('summary', '', p.label));
      return d;
    }
    default:
      return renderWidget(element, send);
  }
}

/// Whether a node holds its element's children (a block), so they survive its update.
export function isHost(node: HTMLElement): boolean {
  return node.tagName === 'DETAILS' || node.classList.contains('block') || node.classList.contains('columns');
}
