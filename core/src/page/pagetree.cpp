// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/host/codec.h>
#include <tessera/host/pagetree.h>

#include <QJsonArray>
#include <functional>

namespace tessera {

namespace {

using Node = PageTree::Node;

ElementPtr rootElement() {
    auto e = std::make_shared<Element>();
    e->kind = ElementKind::Container;
    return e;
}

/// A node as --once --json prints it: the element in the codec's form (data included),
/// with its path, the scope that wrote it, and its children.
QJsonObject nodeJson(const Node& node, const Path& path) {
    QJsonObject o = ElementCodec::encode(*node.element);
    o.insert(QStringLiteral("path"), pathToString(path));
    if (!node.scope.isEmpty() && node.scope != QLatin1String("main"))
        o.insert(QStringLiteral("scope"), node.scope);
    if (!node.children.empty()) {
        QJsonArray children;
        for (size_t i = 0; i < node.children.size(); ++i)
            children.append(nodeJson(*node.children[i], Path(path) << int(i)));
        o.insert(QStringLiteral("children"), children);
    }
    return o;
}

}  // namespace

PageTree::PageTree() {
    for (int i = 0; i < 2; ++i) {
        auto root = std::make_unique<Node>();
        root->element = rootElement();
        m_roots.push_back(std::move(root));
    }
}

PageTree::~PageTree() = default;

const Node& PageTree::root(Root which) const {
    return *m_roots[size_t(which)];
}

const Node* PageTree::node(const Path& path) const {
    if (path.isEmpty() || path[0] < 0 || path[0] > 1) return nullptr;
    const Node* n = m_roots[size_t(path[0])].get();
    for (int i = 1; i < path.size(); ++i) {
        if (path[i] < 0 || size_t(path[i]) >= n->children.size()) return nullptr;
        n = n->children[size_t(path[i])].get();
    }
    return n;
}

QVector<PageOp> PageTree::apply(const Delta& delta) {
    QVector<PageOp> ops;
    const Path& path = delta.path;
    if (path.size() < 2 || !delta.element) return ops;
    if (delta.addRows) return addRows(delta);
    Node* parent = const_cast<Node*>(node(path.first(path.size() - 1)));
    // A parent that does not exist means the delta was for a block we never saw (it came
    // from a run whose earlier output was dropped): nothing sensible to show.
    if (!parent || !parent->element->isBlock()) return ops;

    const int index = path.last() == kAppend ? int(parent->children.size()) : path.last();
    if (index < 0) return ops;
    if (path.last() == kAppend) {
        Path resolved = path;
        resolved.last() = index;
        return apply(Delta{resolved, delta.element, delta.runId, delta.scope});
    }
    while (parent->children.size() < size_t(index)) {
        auto gap = std::make_unique<Node>();
        auto empty = std::make_shared<Element>();
        gap->element = empty;
        gap->scope = delta.scope;
        gap->runId = delta.runId;
        Path gapPath = path;
        gapPath.last() = int(parent->children.size());
        ops.append(PageOp{PageOp::Type::Upsert, gapPath, gap->element, false});
        parent->children.push_back(std::move(gap));
    }

    if (size_t(index) == parent->children.size()) {
        auto created = std::make_unique<Node>();
        created->element = delta.element;
        parent->children.push_back(std::move(created));
        ops.append(PageOp{PageOp::Type::Upsert, path, delta.element, false});
    } else {
        Node& existing = *parent->children[size_t(index)];
        if (existing.element->kind != delta.element->kind) {
            existing.children.clear();
            existing.element = delta.element;
            ops.append(PageOp{PageOp::Type::Upsert, path, delta.element, false});
        } else if (!existing.element->sameContent(*delta.element)) {
            existing.element = delta.element;
            ops.append(PageOp{PageOp::Type::Upsert, path, delta.element, false});
        } else if (existing.stale) {
            ops.append(PageOp{PageOp::Type::SetStale, path, nullptr, false});
        }
    }
    Node& written = *parent->children[size_t(index)];
    written.scope = delta.scope;
    written.runId = delta.runId;
    written.stale = false;
    return ops;
}

QVector<PageOp> PageTree::addRows(const Delta& delta) {
    Node* n = const_cast<Node*>(node(delta.path));
    const auto& rows = delta.element->frame;
    // The element may be gone (a rerun replaced it) or be another one by now: nothing to add to.
    if (!n || n->element->kind != delta.element->kind || !rows) return {};
    ElementPtr merged = withRows(*n->element, *rows);
    if (!merged) return {};
    n->element = merged;
    return {PageOp{PageOp::Type::AddRows, delta.path, merged, false, rows}};
}

namespace {

/// Visits the nodes of a territory: the children of `territory` (the whole page when
/// empty). `visit(node, path)` returns true to go down into the node. In the whole page,
/// the inside of fragment containers is not part of the territory.
template <typename Visit>
void walkTerritory(std::vector<std::unique_ptr<Node>>& roots, const Path& territory, Visit visit,
                   bool backwards) {
    std::function<void(Node&, Path&, bool)> walk = [&](Node& n, Path& path, bool skipFragments) {
        const size_t count = n.children.size();
        for (size_t k = 0; k < count; ++k) {
            const size_t i = backwards ? count - 1 - k : k;
            if (i >= n.children.size()) continue;
            Node& child = *n.children[i];
            path.append(int(i));
            const bool fragment = child.element->kind == ElementKind::Fragment;
            if (visit(n, i, path) && !(fragment && skipFragments)) walk(child, path, skipFragments);
            path.removeLast();
        }
    };
    if (territory.isEmpty()) {
        for (int r = 0; r < 2; ++r) {
            Path path{r};
            walk(*roots[size_t(r)], path, true);
        }
        return;
    }
    Node* n = roots[size_t(territory[0])].get();
    for (int i = 1; i < territory.size(); ++i) {
        if (territory[i] < 0 || size_t(territory[i]) >= n->children.size()) return;
        n = n->children[size_t(territory[i])].get();
    }
    Path path = territory;
    walk(*n, path, false);
}

bool validTerritory(const Path& territory) {
    return territory.isEmpty() || (territory[0] >= 0 && territory[0] <= 1);
}

}  // namespace

QVector<PageOp> PageTree::fadeStale(const Path& territory, const QSet<quint64>& keep) {
    QVector<PageOp> ops;
    if (!validTerritory(territory)) return ops;
    walkTerritory(
        m_roots, territory,
        [&](Node& parent, size_t i, const Path& path) {
            Node& child = *parent.children[i];
            if (keep.contains(child.runId)) return true;
            if (!child.stale) {
                child.stale = true;
                ops.append(PageOp{PageOp::Type::SetStale, path, nullptr, true});
            }
            return false;
        },
        false);
    return ops;
}

QVector<PageOp> PageTree::removeStale(const Path& territory, const QSet<quint64>& keep) {
    QVector<PageOp> ops;
    if (!validTerritory(territory)) return ops;
    // Back to front, so that the paths of earlier siblings stay valid for the renderer.
    walkTerritory(
        m_roots, territory,
        [&](Node& parent, size_t i, const Path& path) {
            if (keep.contains(parent.children[i]->runId)) return true;
            ops.append(PageOp{PageOp::Type::Remove, path, nullptr, false});
            parent.children.erase(parent.children.begin() + std::ptrdiff_t(i));
            return false;
        },
        true);
    return ops;
}

QVector<PageOp> PageTree::unfade(const Path& territory) {
    QVector<PageOp> ops;
    if (!validTerritory(territory)) return ops;
    walkTerritory(
        m_roots, territory,
        [&](Node& parent, size_t i, const Path& path) {
            Node& child = *parent.children[i];
            if (child.stale) {
                child.stale = false;
                ops.append(PageOp{PageOp::Type::SetStale, path, nullptr, false});
            }
            return true;
        },
        false);
    return ops;
}

QVector<PageOp> PageTree::snapshot() const {
    const Node* const roots[2] = {m_roots[0].get(), m_roots[1].get()};
    return snapshotOps(roots);
}

QVector<PageOp> PageTree::clear() {
    QVector<PageOp> ops;
    for (int r = 0; r < 2; ++r) {
        auto& children = m_roots[size_t(r)]->children;
        for (size_t i = children.size(); i-- > 0;)
            ops.append(PageOp{PageOp::Type::Remove, Path{r, int(i)}, nullptr, false});
        children.clear();
    }
    return ops;
}

int PageTree::elementCount() const {
    std::function<int(const Node&)> count = [&](const Node& n) {
        int total = 0;
        for (const auto& c : n.children) total += 1 + count(*c);
        return total;
    };
    return count(*m_roots[0]) + count(*m_roots[1]);
}

QJsonObject PageTree::toJson() const {
    QJsonObject result;
    const char* names[] = {"main", "sidebar"};
    for (int r = 0; r < 2; ++r) {
        QJsonArray children;
        const Node& root = *m_roots[size_t(r)];
        for (size_t i = 0; i < root.children.size(); ++i)
            children.append(nodeJson(*root.children[i], Path{r, int(i)}));
        result.insert(QLatin1String(names[r]), children);
    }
    return result;
}

}  // namespace tessera
