// SPDX-License-Identifier: GPL-3.0-or-later
// The chat input, docked at the bottom of the viewport.
import { el } from '../dom';
import { Element, ElementOfKind, isKind } from '../protocol';
import { View, ViewContext } from '../view';

/// The chat input: a message box with a send button, docked at the bottom of the viewport
/// over the main column (the page's end keeps clear of it). Its place in the page is empty.
export class ChatInputView implements View {
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
