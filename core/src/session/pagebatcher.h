// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scopeid.h"

#include <tessera/host/pagetree.h>

#include <functional>

namespace tessera::detail {

/// A session's page and what its viewers receive. Applies run output to the PageTree,
/// collects the ops into numbered batches (one per flush, normally one per event-loop turn)
/// and applies the stale-element policy per territory: the whole page minus fragment
/// containers for the main body, or one fragment's container.
class PageBatcher {
public:
    explicit PageBatcher(std::function<void(const PageBatch&)> deliver);

    const PageTree& tree() const { return m_tree; }
    quint64 sequence() const { return m_sequence; }
    /// The page as one batch that builds it from nothing, at the current sequence.
    PageBatch snapshot() const;

    void apply(const Delta& delta) { m_pending += m_tree.apply(delta); }
    void clear() { m_pending += m_tree.clear(); }
    /// Hands the pending ops to the viewers as the next batch (nothing when there are none).
    void flush();

    // The stale policy. `keep` are the runs whose output is current in `territory`.
    void fadeStale(const Path& territory, const QSet<quint64>& keep);
    void removeStale(const Path& territory, const QSet<quint64>& keep);
    void unfade(const Path& territory);

    /// True when `scope`'s container is on the page (its fragment block is still there).
    bool hasContainer(const ScopeId& scope) const;
    /// A skeleton in `scope`'s container while it is still empty; it belongs to no run, so
    /// the fragment's end removes it if nothing replaced it.
    void showSkeleton(const ScopeId& scope);
    /// A widget's value as the user set it, without rerunning the scope that drew it.
    void showWidgetValue(const QString& widgetId, const QVariant& value);

private:
    std::function<void(const PageBatch&)> m_deliver;
    PageTree m_tree;
    QVector<PageOp> m_pending;
    quint64 m_sequence = 0;
};

}  // namespace tessera::detail
