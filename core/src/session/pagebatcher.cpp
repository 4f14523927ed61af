// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagebatcher.h"

#include <tessera/schema.h>

namespace tessera::detail {

PageBatcher::PageBatcher(std::function<void(const PageBatch&)> deliver)
    : m_deliver(std::move(deliver)) {}

PageBatch PageBatcher::snapshot() const {
    return PageBatch{m_sequence, m_tree.snapshot()};
}

void PageBatcher::flush() {
    if (m_pending.isEmpty()) return;
    m_deliver(PageBatch{++m_sequence, std::exchange(m_pending, {})});
}

void PageBatcher::fadeStale(const Path& territory, const QSet<quint64>& keep) {
    m_pending += m_tree.fadeStale(territory, keep);
}

void PageBatcher::removeStale(const Path& territory, const QSet<quint64>& keep) {
    m_pending += m_tree.removeStale(territory, keep);
}

void PageBatcher::unfade(const Path& territory) {
    m_pending += m_tree.unfade(territory);
}

bool PageBatcher::hasContainer(const ScopeId& scope) const {
    const PageTree::Node* n = m_tree.node(scope.container);
    return n && n->element->kind == ElementKind::Fragment &&
           n->element->props.value(prop::id).toString() == scope.name;
}

void PageBatcher::showSkeleton(const ScopeId& scope) {
    const PageTree::Node* container = m_tree.node(scope.container);
    if (!container || !container->children.empty() || !hasContainer(scope)) return;
    auto skeleton = std::make_shared<Element>();
    skeleton->kind = ElementKind::Skeleton;
    skeleton->props.insert(prop::height, 120);
    apply(Delta{Path(scope.container) << 0, skeleton, 0, scope.toString()});
}

void PageBatcher::showWidgetValue(const QString& widgetId, const QVariant& value) {
    Path path;
    std::function<const PageTree::Node*(const PageTree::Node&)> find =
        [&](const PageTree::Node& n) -> const PageTree::Node* {
        for (size_t i = 0; i < n.children.size(); ++i) {
            path.append(int(i));
            if (n.children[i]->element->id == widgetId) return n.children[i].get();
            if (const PageTree::Node* found = find(*n.children[i])) return found;
            path.removeLast();
        }
        return nullptr;
    };
    for (Root r : {MainRoot, SidebarRoot}) {
        path = {r};
        const PageTree::Node* node = find(m_tree.root(r));
        if (!node || isTriggerKind(node->element->kind)) continue;
        auto updated = std::make_shared<Element>(*node->element);
        updated->props.insert(prop::value, value);
        apply(Delta{path, updated, node->runId, node->scope});
        return;
    }
}

}  // namespace tessera::detail
