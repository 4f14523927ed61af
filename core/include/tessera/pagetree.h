// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/delta.h>
#include <tessera/export.h>

#include <QJsonObject>
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

    QVector<PageOp> apply(const Delta& delta);
    /// Fades every node of `scope` not yet written by run `runId`.
    QVector<PageOp> fadeStale(const QString& scope, quint64 runId);
    /// Shows every faded node of `scope` normally again (a run was stopped).
    QVector<PageOp> unfade(const QString& scope);
    /// Removes every node of `scope` that run `runId` did not write.
    QVector<PageOp> finishScope(const QString& scope, quint64 runId);
    /// Ops that rebuild the whole page from nothing (for a renderer attached late).
    QVector<PageOp> snapshot() const;
    QVector<PageOp> clear();

    const Node& root(Root which) const;
    const Node* node(const Path& path) const;
    int elementCount() const;
    QJsonObject toJson() const;

private:
    std::vector<std::unique_ptr<Node>> m_roots;
};

}  // namespace tessera
