// SPDX-License-Identifier: GPL-3.0-or-later
// Widgets: each sends its new value as the window's do (see docs/protocol.md, widget values).
import { el } from './dom';
import { Element, WidgetValue } from './protocol';

export type SendValue = (id: string, value: WidgetValue) => void;

function labelled(element: Element, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) {
  const label = el('label', '', element.props.label ?? '');
  control.disabled = !!element.props.disabled;
  label.append(control);
  return label;
}

export function renderWidget(element: Element, send: SendValue): HTMLElement {
  const p = element.props;
  const set = (value: WidgetValue) => send(element.id ?? '', value);
  switch (element.kind) {
    case 'button': {
      const b = el('button', '', p.label);
      b.type = 'button';
      b.disabled = !!p.disabled;
      b.onclick = () => set(true);
      return b;
    }
    case 'checkbox':
    case 'toggle': {
      const c = el('input');
      c.type = 'checkbox';
      c.checked = !!p.value;
      c.onchange = () => set(c.checked);
      return labelled(element, c);
    }
    case 'slider':
    case 'number_input': {
      const c = el('input');
      c.type = element.kind === 'slider' ? 'range' : 'number';
      c.min = String(p.min);
      c.max = String(p.max);
      c.step = String(p.step || 'any');
      c.value = String(p.value);
      c.onchange = () => set(Number(c.value));
      return labelled(element, c);
    }
    case 'selectbox':
    case 'radio':
    case 'multiselect': {
      const c = el('select');
      c.multiple = element.kind === 'multiselect';
      const chosen: string[] = c.multiple ? p.value ?? [] : [p.value];
      for (const option of (p.options ?? []) as string[]) {
        const o = el('option', '', option);
        o.value = option;
        o.selected = chosen.includes(option);
        c.append(o);
      }
      c.onchange = () => set(c.multiple ? [...c.selectedOptions].map((o) => o.value) : c.value);
      return labelled(element, c);
    }
    case 'range_slider': {
      const c = el('input');
      c.value = (p.value ?? []).join(',');
      c.onchange = () => set(c.value.split(',').map((s) => Number(s.trim())));
      return labelled(element, c);
    }
    case 'text_input':
    case 'text_area':
    case 'date_input':
    case 'color_picker': {
      const c = element.kind === 'text_area' ? el('textarea') : el('input');
      if (c instanceof HTMLInputElement && element.kind === 'date_input') c.type = 'date';
      if (c instanceof HTMLInputElement && element.kind === 'color_picker') c.type = 'color';
      c.value = p.value ?? '';
      c.onchange = () => set(c.value);
      return labelled(element, c);
    }
    default:
      return el('div', 'error', `This page cannot show ${element.kind} elements.`);
  }
}
