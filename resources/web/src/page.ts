// SPDX-License-Identifier: GPL-3.0-or-later
// The page as the server describes it: a tree of DOM nodes addressed by path, changed by ops.
import { disposeCharts } from './chart';
import { Buffers, Op, Path } from './protocol';
import { isHost, render } from './render';
import { SendValue } from './widgets';

interface PageNode {
  dom: HTMLElement;
  kind: string;
  kids: PageNode[];
}

export class Page {
  private roots: PageNode[];

  constructor(
    main: HTMLElement,
    sidebar: HTMLElement,
    private buffers: Buffers,
    private send: SendValue,
  ) {
    this.roots = [main, sidebar].map((dom) => ({ dom, kind: 'root', kids: [] }));
  }

  clear(): void {
    for (const root of this.roots) {
      disposeCharts(root.dom);
      root.dom.replaceChildren();
      root.kids = [];
    }
  }

  apply(op: Op): void {
    const parent = this.nodeAt(op.path.slice(0, -1));
    const index = op.path[op.path.length - 1];
    if (!parent) return;
    const old = parent.kids[index];
    switch (op.op) {
      case 'upsert': {
        const dom = render(op.element, this.buffers, this.send);
        dom.classList.add('el');
        const fresh: PageNode = { dom, kind: op.element.kind, kids: [] };
        if (old && old.kind === fresh.kind && isHost(old.dom)) {
          fresh.kids = old.kids;  // the same block: keep its children
          old.kids.forEach((k) => dom.append(k.dom));
        }
        if (old) {
          disposeCharts(old.dom);
          old.dom.replaceWith(dom);
        }
        else parent.dom.append(dom);
        parent.kids[index] = fresh;
        break;
      }
      case 'remove':
        if (old) {
          disposeCharts(old.dom);
          old.dom.remove();
          parent.kids.splice(index, 1);
        }
        break;
      case 'stale':
        old?.dom.classList.toggle('stale', op.stale);
        break;
    }
  }

  private nodeAt(path: Path): PageNode | undefined {
    let node: PageNode | undefined = this.roots[path[0]];
    for (let i = 1; i < path.length && node; ++i) node = node.kids[path[i]];
    return node;
  }
}
