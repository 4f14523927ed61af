// SPDX-License-Identifier: GPL-3.0-or-later
// The page as the server describes it: a tree of views addressed by path, changed by ops.
// An upsert of the same kind updates the view in place; blocks keep their children. Rows
// added to a chart or table arrive alone and are put below what the view shows.
import { Element, Op, Path, withRows } from './protocol';
import { createView } from './render';
import { View, ViewContext } from './view';

interface PageNode {
  view: View;
  kind: string;
  kids: PageNode[];
  element?: Element;
}

function hostOf(node: PageNode): HTMLElement {
  return node.view.host ?? node.view.dom;
}

function dispose(node: PageNode): void {
  node.kids.forEach(dispose);
  node.view.dispose?.();
}

export class Page {
  private roots: PageNode[];

  constructor(
    main: HTMLElement,
    sidebar: HTMLElement,
    private ctx: ViewContext,
  ) {
    this.roots = [main, sidebar].map((dom) => ({ view: { dom, host: dom }, kind: 'root', kids: [] }));
  }

  clear(): void {
    for (const root of this.roots) {
      root.kids.forEach(dispose);
      hostOf(root).replaceChildren();
      root.kids = [];
    }
  }

  /// Applies a batch of ops, then tells each block whose children changed.
  applyAll(ops: Op[]): void {
    const changed = new Set<PageNode>();
    for (const op of ops) {
      const parent = this.apply(op);
      if (parent) changed.add(parent);
    }
    changed.forEach((node) => node.view.childrenChanged?.());
  }

  /// Applies one op; returns the block whose children changed, if any.
  private apply(op: Op): PageNode | undefined {
    const parent = this.nodeAt(op.path.slice(0, -1));
    const index = op.path[op.path.length - 1];
    if (!parent) return undefined;
    const old = parent.kids[index];
    switch (op.op) {
      case 'upsert': {
        if (old && old.kind === op.element.kind && old.view.update?.(op.element)) {
          old.view.dom.classList.remove('stale');
          old.element = op.element;
          return undefined;
        }
        const view = createView(op.element, this.ctx);
        view.dom.classList.add('el');
        view.dom.dataset.kind = op.element.kind;
        const fresh: PageNode = { view, kind: op.element.kind, kids: [], element: op.element };
        if (old) {
          // A block of another kind at the same path takes over the children, if it holds any.
          if (view.host && old.view.host) {
            fresh.kids = old.kids;
            old.kids.forEach((k) => view.host!.append(k.view.dom));
            old.kids = [];
          }
          dispose(old);
          old.view.dom.replaceWith(view.dom);
        } else {
          hostOf(parent).append(view.dom);
        }
        parent.kids[index] = fresh;
        return parent;
      }
      case 'remove':
        if (!old) return undefined;
        dispose(old);
        old.view.dom.remove();
        parent.kids.splice(index, 1);
        return parent;
      case 'stale':
        old?.view.dom.classList.toggle('stale', op.stale);
        return undefined;
      case 'addRows': {
        const merged = old?.element && withRows(old.element, op.rows, this.ctx.buffers);
        if (!old || !merged) return undefined;
        if (old.view.addRows?.(merged, op.rows) || old.view.update?.(merged)) old.element = merged;
        return undefined;
      }
    }
  }

  private nodeAt(path: Path): PageNode | undefined {
    let node: PageNode | undefined = this.roots[path[0]];
    for (let i = 1; i < path.length && node; ++i) node = node.kids[path[i]];
    return node;
  }
}
