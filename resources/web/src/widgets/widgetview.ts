// SPDX-License-Identifier: GPL-3.0-or-later
// The frame every widget shares (a label tied to the control, help as its description) and
// the base of widget views: each takes the rerun's echo in place.
import { el } from '../dom';
import { Element, ElementOfKind, WidgetValue } from '../protocol';
import { WidgetKind } from '../schema';
import { uniqueId, View, ViewContext } from '../view';

/// The frame every widget shares: a label tied to the control, and help tied as description.
export class Frame {
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

export abstract class WidgetView<K extends WidgetKind> implements View {
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

export function focused(node: Element | HTMLElement): boolean {
  return document.activeElement === node;
}
