// SPDX-License-Identifier: GPL-3.0-or-later
// Every string from the server reaches the page as text, never as HTML.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: unknown,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

/// Shows `message` in a view's note: a problem as an alert, anything else as a status.
export function tell(note: HTMLElement, message: string, problem: boolean): void {
  note.textContent = message;
  note.classList.toggle('problem', problem);
  note.setAttribute('role', problem ? 'alert' : 'status');
}

/// The value of the theme's colour `name` (a CSS custom property such as '--text').
export function themeColour(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}
