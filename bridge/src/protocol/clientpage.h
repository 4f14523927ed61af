// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/host/delta.h>

#include <QJsonArray>
#include <QSet>
#include <memory>
#include <vector>

namespace tessera::bridge {

/// The page as one client holds it: page ops applied to a tree of elements, the way a
/// renderer applies them. The server keeps one per connection to know which buffers the
/// browser still needs; test clients keep one to check what a browser would show.
class ClientPage {
public:
    struct Node {
        ElementPtr element;
        bool stale = false;
        std::vector<std::unique_ptr<Node>> children;
    };

    ClientPage();

    /// Applies `ops` in order; an op whose path does not exist is skipped and counted.
    void apply(const QVector<PageOp>& ops);
    void clear();

    const Node* node(const Path& path) const;
    /// The widget (or selectable element) with id `id`; null when the page has none.
    ElementPtr findWidget(const QString& id) const;
    int elementCount() const;
    int skippedOps() const { return m_skipped; }
    /// The identities of every buffer the page's elements use (see BufferTable).
    QSet<const void*> bufferIdentities() const;
    /// The ops that build the page as it is from an empty one.
    QVector<PageOp> snapshot() const;
    /// The ops that empty the page (it is not changed).
    QVector<PageOp> clearOps() const;
    /// The page in the form `tessera --once --json` prints (`main` and `sidebar` arrays).
    QJsonObject toJson() const;

private:
    Node* nodeAt(const Path& path);
    void upsert(const PageOp& op);
    void addRows(const PageOp& op);

    Node m_roots[2];
    int m_skipped = 0;
};

}  // namespace tessera::bridge
