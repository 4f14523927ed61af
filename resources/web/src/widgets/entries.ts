// SPDX-License-Identifier: GPL-3.0-or-later
// Entries: a line or area of text, a number, a date, a colour.
import { el } from '../dom';
import { ElementOfKind } from '../protocol';
import { ViewContext } from '../view';
import { focused, WidgetView } from './widgetview';

/// Text, text area, number, date and colour: sent on Enter or when the control is left.
export class EntryView extends WidgetView<'number_input' | 'text_input' | 'text_area' | 'date_input' | 'color_picker'> {
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
