// SPDX-License-Identifier: GPL-3.0-or-later
// Choices among options: a select box, radio buttons, a multiselect.
import { el } from '../dom';
import { ElementOfKind } from '../protocol';
import { uniqueId, ViewContext } from '../view';
import { WidgetView } from './widgetview';

export class SelectView extends WidgetView<'selectbox'> {
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
export class ChoiceView extends WidgetView<'radio' | 'multiselect'> {
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
