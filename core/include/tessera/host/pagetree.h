// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>
#include <tessera/host/delta.h>

#include <QJsonObject>
#include <QSet>
#include <QVector>
#include <memory>
#include <vector>

namespace tessera {

/// The page as it stands: the element tree that deltas build. It applies Streamlit's
/// stale-element rule per scope and turns deltas into the minimal PageOps a renderer needs
/// (nothing at all for an element whose content did not change).
class TESSERA_CORE_EXPORT PageTree {
public:
    struct Node {
        ElementPtr element;
        QString scope;
        quint64 runId = 0;
        bool stale = false;  ///< currently shown faded
        std::vector<std::unique_ptr<Node>> children;
    };

    PageTree();
    ~PageTree();

    /// A delta whose last index is kAppend goes after the container's current children
    /// (how a fragment rerun writes to a container outside its own).
    static constexpr int kAppend = -1;

    QVector<PageOp> apply(const Delta& delta);

    // Stale elements, per territory: the whole page ({}) minus the inside of fragment
    // containers, or one fragment container's inside. `keep` are the runs whose output is
    // current there.
    /// Fades every node in `territory` not written by a run in `keep`.
    QVector<PageOp> fadeStale(const Path& territory, const QSet<quint64>& keep);
    /// Removes every node in `territory` not written by a run in `keep`.
    QVector<PageOp> removeStale(const Path& territory, const QSet<quint64>& keep);
    /// Shows the faded nodes of `territory` normally again (a run was stopped).
    QVector<PageOp> unfade(const Path& territory);

    /// Ops that rebuild the whole page from nothing (for a renderer attached late).
    QVector<PageOp> snapshot() const;
    QVector<PageOp> clear();

    const Node& root(Root which) const;
    const Node* node(const Path& path) const;
    int elementCount() const;
    QJsonObject toJson() const;

private:
    QVector<PageOp> addRows(const Delta& delta);

    std::vector<std::unique_ptr<Node>> m_roots;
};

}  // namespace tessera
