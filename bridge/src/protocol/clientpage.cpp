// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientpage.h"

#include <tessera/host/codec.h>

#include <QJsonObject>
#include <functional>

namespace tessera::bridge {

namespace {

int countElements(const ClientPage::Node& node) {
    int n = 0;
    for (const auto& child : node.children) n += 1 + countElements(*child);
    return n;
}

void collectBuffers(const ClientPage::Node& node, QSet<const void*>* identities) {
    for (const auto& child : node.children) {
        ElementCodec::bufferIdentities(*child->element, identities);
        collectBuffers(*child, identities);
    }
}

QJsonObject nodeJson(const ClientPage::Node& node, const Path& path) {
    QJsonObject o = ElementCodec::encode(*node.element);
    o.insert(QStringLiteral("path"), pathToString(path));
    if (!node.children.empty()) {
        QJsonArray children;
        for (size_t i = 0; i < node.children.size(); ++i)
            children.append(nodeJson(*node.children[i], Path(path) << int(i)));
        o.insert(QStringLiteral("children"), children);
    }
    return o;
}

}  // namespace

ClientPage::ClientPage() = default;

void ClientPage::apply(const QVector<PageOp>& ops) {
    for (const PageOp& op : ops) {
        switch (op.type) {
            case PageOp::Type::Upsert:
                upsert(op);
                break;
            case PageOp::Type::Remove: {
                Node* parent =
                    op.path.size() > 1 ? nodeAt(op.path.first(op.path.size() - 1)) : nullptr;
                const qsizetype index = op.path.isEmpty() ? -1 : op.path.last();
                if (!parent || index < 0 || size_t(index) >= parent->children.size()) {
                    ++m_skipped;
                    break;
                }
                parent->children.erase(parent->children.begin() + index);
                break;
            }
            case PageOp::Type::SetStale:
                if (Node* node = op.path.size() > 1 ? nodeAt(op.path) : nullptr)
                    node->stale = op.stale;
                else
                    ++m_skipped;
                break;
            case PageOp::Type::AddRows:
                addRows(op);
                break;
        }
    }
}

void ClientPage::upsert(const PageOp& op) {
    Node* parent = op.path.size() > 1 ? nodeAt(op.path.first(op.path.size() - 1)) : nullptr;
    const qsizetype index = op.path.isEmpty() ? -1 : op.path.last();
    if (!parent || !op.element || index < 0 || size_t(index) > parent->children.size()) {
        ++m_skipped;
        return;
    }
    if (size_t(index) == parent->children.size()) {
        parent->children.push_back(std::make_unique<Node>());
    }
    Node& node = *parent->children[size_t(index)];
    // Another kind replaces the node and everything under it; the same kind updates in place.
    if (node.element && node.element->kind != op.element->kind) node.children.clear();
    node.element = op.element;
    node.stale = false;
}

void ClientPage::addRows(const PageOp& op) {
    Node* node = op.path.size() > 1 ? nodeAt(op.path) : nullptr;
    // The server has the element with its rows at hand; a client adds them itself.
    ElementPtr merged = !node || !op.rows ? nullptr
                        : op.element      ? op.element
                                          : withRows(*node->element, *op.rows);
    if (!merged) {
        ++m_skipped;
        return;
    }
    node->element = merged;
}

void ClientPage::clear() {
    for (Node& root : m_roots) root.children.clear();
    m_skipped = 0;
}

ClientPage::Node* ClientPage::nodeAt(const Path& path) {
    if (path.isEmpty() || path.first() < 0 || path.first() > 1) return nullptr;
    Node* node = &m_roots[path.first()];
    for (qsizetype i = 1; i < path.size(); ++i) {
        const int index = path[i];
        if (index < 0 || size_t(index) >= node->children.size()) return nullptr;
        node = node->children[size_t(index)].get();
    }
    return node;
}

const ClientPage::Node* ClientPage::node(const Path& path) const {
    return const_cast<ClientPage*>(this)->nodeAt(path);
}

ElementPtr ClientPage::findWidget(const QString& id) const {
    if (id.isEmpty()) return nullptr;
    std::vector<const Node*> open{&m_roots[0], &m_roots[1]};
    while (!open.empty()) {
        const Node* node = open.back();
        open.pop_back();
        if (node->element && node->element->id == id) return node->element;
        for (const auto& child : node->children) open.push_back(child.get());
    }
    return nullptr;
}

int ClientPage::elementCount() const {
    return countElements(m_roots[0]) + countElements(m_roots[1]);
}

QSet<const void*> ClientPage::bufferIdentities() const {
    QSet<const void*> identities;
    for (const Node& root : m_roots) collectBuffers(root, &identities);
    return identities;
}

QJsonObject ClientPage::toJson() const {
    QJsonObject result;
    const char* names[] = {"main", "sidebar"};
    for (int r = 0; r < 2; ++r) {
        QJsonArray children;
        for (size_t i = 0; i < m_roots[r].children.size(); ++i)
            children.append(nodeJson(*m_roots[r].children[i], Path{r, int(i)}));
        result.insert(QLatin1String(names[r]), children);
    }
    return result;
}

QVector<PageOp> ClientPage::snapshot() const {
    const Node* const roots[2] = {&m_roots[0], &m_roots[1]};
    return snapshotOps(roots);
}

QVector<PageOp> ClientPage::clearOps() const {
    QVector<PageOp> ops;
    for (int r = 0; r < 2; ++r)
        for (size_t i = m_roots[r].children.size(); i-- > 0;)
            ops.append(PageOp{PageOp::Type::Remove, Path{r, int(i)}, nullptr, false});
    return ops;
}

}  // namespace tessera::bridge
