// SPDX-License-Identifier: GPL-3.0-or-later
// A view shows one element. The page keeps a view as long as the element at its path keeps
// its kind and the view can take the new element in place, so focus, caret, scroll position
// and chart canvases survive reruns.
import { Buffers, Element, Frame, WidgetValue } from './protocol';

export type SendValue = (id: string, value: WidgetValue) => void;

/// What views need from the page around them.
export interface ViewContext {
  buffers: Buffers;
  send: SendValue;
  /// Sends `files` to the file uploader `id`; `problem` hears why the server refused them.
  upload(id: string, files: File[], problem: (message: string) => void): void;
}

export interface View {
  /// The node placed in the page.
  dom: HTMLElement;
  /// Where the element's children go, for blocks.
  host?: HTMLElement;
  /// Takes a new version of the element in place; false when the view must be replaced.
  update?(element: Element): boolean;
  /// Takes `element`, which is the current one with `rows` added below its data, in place;
  /// false when it must be shown through update() instead.
  addRows?(element: Element, rows: Frame): boolean;
  /// The block's children were added, removed or replaced.
  childrenChanged?(): void;
  /// The view leaves the page.
  dispose?(): void;
}

let nextId = 0;
/// A page-unique id for tying labels and descriptions to their controls.
export function uniqueId(prefix: string): string {
  return `${prefix}-${++nextId}`;
}
