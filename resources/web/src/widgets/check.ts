// SPDX-License-Identifier: GPL-3.0-or-later
// A checkbox, and a toggle drawn as a switch.
import { el } from '../dom';
import { ElementOfKind } from '../protocol';
import { ViewContext } from '../view';
import { WidgetView } from './widgetview';

export class CheckView extends WidgetView<'checkbox' | 'toggle'> {
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
