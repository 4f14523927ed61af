// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>

namespace tessera {

/// The unit a run produces: put `element` at `path`. A block element (container, columns,
/// ...) opens a place for children; any other element is a leaf.
struct Delta {
    Path path;
    ElementPtr element;
    quint64 runId = 0;  ///< the run (generation) that produced it
    QString scope;      ///< "main" or a fragment id
    /// `element` holds rows to add below the data of the element at `path` (Ui's DataHandle),
    /// not an element to put there.
    bool addRows = false;
};

/// A change the page tree hands to renderers. Paths are valid at the moment the op is applied,
/// in the order the ops come.
struct PageOp {
    enum class Type {
        Upsert,    ///< show `element` at `path` (same kind there: update in place)
        Remove,    ///< remove the node at `path` and everything under it
        SetStale,  ///< fade (stale=true) or unfade the node at `path`
        /// add `rows` below the data of the node at `path`; `element` is the node's element
        /// with them (for a renderer that would rather show it whole)
        AddRows,
    };
    Type type = Type::Upsert;
    Path path;
    ElementPtr element;
    bool stale = false;
    std::shared_ptr<const DataFrame> rows;  ///< AddRows: only the new rows
};

/// Page ops as a session hands them to its viewers. Batches are numbered 1, 2, ... per
/// session; a viewer that took a snapshot at sequence n applies batch n + 1 next.
struct PageBatch {
    quint64 sequence = 0;
    QVector<PageOp> ops;
};

/// The ops that build, from an empty page, a page kept as a tree of nodes (each with
/// `element`, `stale` and `children`, pointers to nodes): `roots` are main and sidebar.
template <typename Node>
QVector<PageOp> snapshotOps(const Node* const (&roots)[2]) {
    QVector<PageOp> ops;
    Path path;
    const auto visit = [&](const auto& self, const Node& node) -> void {
        for (size_t i = 0; i < node.children.size(); ++i) {
            const Node& child = *node.children[i];
            path.append(int(i));
            ops.append(PageOp{PageOp::Type::Upsert, path, child.element, false});
            if (child.stale) ops.append(PageOp{PageOp::Type::SetStale, path, nullptr, true});
            self(self, child);
            path.removeLast();
        }
    };
    for (int r = 0; r < 2; ++r) {
        path = Path{r};
        visit(visit, *roots[r]);
    }
    return ops;
}

}  // namespace tessera
