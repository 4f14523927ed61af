// SPDX-License-Identifier: GPL-3.0-or-later
// The page as the server describes it: a tree of views addressed by path, changed by ops.
// An upsert of the same kind updates the view in place; blocks keep their children. Rows
// added to a chart or table arrive alone and are put below what the view shows. A spinner
// drawn above what an earlier run drew sits over that content instead of pushing it down.
import { Element, Op, Path, withRows } from './protocol';
import { createView } from './render';
import { View, ViewContext } from './view';

interface PageNode {
  view: View;
  kind: string;
  kids: PageNode[];
  element?: Element;
  /// The group the node was last drawn in (see Page.startGroup).
  group: number;
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
  private group = 0;

  constructor(
    main: HTMLElement,
    sidebar: HTMLElement,
    private ctx: ViewContext,
  ) {
    this.roots = [main, sidebar].map((dom) => ({ view: { dom, host: dom }, kind: 'root', kids: [], group: 0 }));
  }

  clear(): void {
    for (const root of this.roots) {
      root.kids.forEach(dispose);
      hostOf(root).replaceChildren();
      root.kids = [];
    }
  }

  /// A group of runs began: what is drawn from now on is new, what is on the page is old.
  startGroup(): void {
    ++this.group;
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
          old.group = this.group;
          this.placeSpinner(parent, index - 1);
          return undefined;
        }
        const view = createView(op.element, this.ctx);
        view.dom.classList.add('el');
        view.dom.dataset.kind = op.element.kind;
        const fresh: PageNode = { view, kind: op.element.kind, kids: [], element: op.element, group: this.group };
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
        this.placeSpinner(parent, index);
        this.placeSpinner(parent, index - 1);
        return parent;
      }
      case 'remove':
        if (!old) return undefined;
        dispose(old);
        old.view.dom.remove();
        parent.kids.splice(index, 1);
        this.placeSpinner(parent, index - 1);
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

  /// A spinner at `index` sits over its next sibling while that sibling is an earlier run's.
  private placeSpinner(parent: PageNode, index: number): void {
    const node = parent.kids[index];
    if (node?.kind !== 'spinner') return;
    const next = parent.kids[index + 1];
    node.view.dom.classList.toggle('over', next !== undefined && next.group < this.group);
  }

  private nodeAt(path: Path): PageNode | undefined {
    let node: PageNode | undefined = this.roots[path[0]];
    for (let i = 1; i < path.length && node; ++i) node = node.kids[path[i]];
    return node;
  }
}
