// SPDX-License-Identifier: GPL-3.0-or-later
// Buttons: a button, a form's submit button, a download button.
import { el } from '../dom';
import { Element, ElementOfKind, isKind } from '../protocol';
import { View, ViewContext } from '../view';

export class ButtonView implements View {
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
export class DownloadView implements View {
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
