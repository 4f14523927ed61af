// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/widgets/renderer.h>

#include "elementwidget.h"

#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/schema.h>

#include <QGraphicsOpacityEffect>
#include <QLayout>

namespace tessera::widgets {

namespace {

constexpr double kStaleOpacity = 0.4;

void fade(QWidget* view, bool stale) {
    if (!stale) {
        view->setGraphicsEffect(nullptr);
        return;
    }
    auto* effect = new QGraphicsOpacityEffect(view);
    effect->setOpacity(kStaleOpacity);
    view->setGraphicsEffect(effect);
}

void deleteView(QWidget* view) {
    view->hide();
    view->setParent(nullptr);  // leaves the parent's layout now, so indexes stay right
    view->deleteLater();       // not now: it may be busy (a dialog it opened, a click)
}

}  // namespace

/// One element of the page and its view, if it has one now. A node has a view when its
/// parent has one and shows all its children, or shows this one (see LazyChildren).
struct Renderer::Node final : ChildSource {
    Renderer* renderer = nullptr;
    ElementPtr element;
    ElementWidget* view = nullptr;
    bool stale = false;
    std::vector<std::unique_ptr<Node>> children;

    ElementWidget* createChildView(int index) override {
        return renderer->build(*children[size_t(index)]);
    }
    void forgetChildView(int index) override { children[size_t(index)]->forgetViews(); }
    const Element& childElement(int index) const override {
        return *children[size_t(index)]->element;
    }
    /// The views of this node and under it are going: a block among them must not ask for
    /// views of these nodes any more (it may live on until its deferred delete).
    void forgetViews() {
        if (view)
            if (LazyChildren* lazy = view->lazyChildren()) lazy->setChildSource(nullptr);
        view = nullptr;
        for (auto& c : children) c->forgetViews();
    }
};

Renderer::Renderer(QObject* parent) : QObject(parent) {
    for (int r = 0; r < 2; ++r) {
        m_roots[r] = std::make_unique<Node>();
        m_roots[r]->renderer = this;
        auto root = std::make_shared<Element>();
        root->kind = ElementKind::Container;
        m_roots[r]->element = root;
        build(*m_roots[r]);
        m_roots[r]->view->setObjectName(r == MainRoot ? QStringLiteral("tesseraMain")
                                                      : QStringLiteral("tesseraSidebar"));
    }
}

Renderer::~Renderer() = default;

QWidget* Renderer::mainArea() const {
    return m_roots[MainRoot]->view;
}
QWidget* Renderer::sidebarArea() const {
    return m_roots[SidebarRoot]->view;
}

void Renderer::attach(SessionHandle* session) {
    disconnect(m_connection);
    m_session = session;
    if (!session) return;
    m_sink = [this](const QString& id, const QVariant& value) {
        // A refused value changes nothing; the view shows the session's value again.
        if (m_session) m_session->setWidgetValue(id, value, {});
    };
    // The page as it is first (in this thread: at once), then every batch.
    m_connection = session->subscribe(this, [this](const PageBatch& batch) { apply(batch.ops); });
}

Renderer::Node* Renderer::nodeAt(const Path& path) const {
    if (path.isEmpty() || path[0] < 0 || path[0] > 1) return nullptr;
    Node* n = m_roots[path[0]].get();
    for (int i = 1; i < path.size(); ++i) {
        if (path[i] < 0 || size_t(path[i]) >= n->children.size()) return nullptr;
        n = n->children[size_t(path[i])].get();
    }
    return n;
}

void Renderer::apply(const QVector<PageOp>& ops) {
    for (const PageOp& op : ops) {
        switch (op.type) {
            case PageOp::Type::Upsert:
                upsert(op);
                break;
            case PageOp::Type::Remove:
                remove(op.path);
                break;
            case PageOp::Type::SetStale:
                setStale(op.path, op.stale);
                break;
            case PageOp::Type::AddRows:
                if (Node* node = op.path.size() > 1 ? nodeAt(op.path) : nullptr;
                    node && op.element && op.rows && node->element->kind == op.element->kind) {
                    node->element = op.element;
                    if (node->view) node->view->addRows(op.element, *op.rows);
                }
                break;
        }
    }
    emit applied();
}

namespace {

/// Kinds whose view acts beyond its place on the page: it must exist wherever the page is
/// scrolled (a dialog opens its window, a toast pops up once).
bool actsBeyondItsPlace(ElementKind kind) {
    return kind == ElementKind::Dialog || kind == ElementKind::Toast;
}

}  // namespace

void Renderer::upsert(const PageOp& op) {
    upsertNode(op);
    if (op.element && actsBeyondItsPlace(op.element->kind)) keepView(op.path);
}

/// Gives the element at `path`, and the blocks it is in, views that they keep.
void Renderer::keepView(const Path& path) {
    Node* n = nodeAt(path.first(1));
    for (int i = 1; n && i < path.size(); ++i) {
        if (path[i] < 0 || size_t(path[i]) >= n->children.size() || !n->view) return;
        if (LazyChildren* lazy = n->view->lazyChildren()) lazy->keepChildView(path[i]);
        n = n->children[size_t(path[i])].get();
    }
}

void Renderer::upsertNode(const PageOp& op) {
    Node* parent = nodeAt(op.path.first(op.path.size() - 1));
    if (!parent || !op.element) return;
    const size_t index = size_t(op.path.last());
    if (index > parent->children.size()) return;
    ElementWidget* parentView = parent->view;
    LazyChildren* lazy = parentView ? parentView->lazyChildren() : nullptr;

    if (index < parent->children.size()) {
        Node& node = *parent->children[index];
        const bool sameKind = node.element->kind == op.element->kind;
        node.element = op.element;
        node.stale = false;
        if (sameKind) {
            if (node.view) {
                node.view->apply(op.element);  // in place: same QWidget, focus kept
                node.view->setGraphicsEffect(nullptr);
            }
            if (parentView && !lazy) parentView->childChanged(int(index), node.view);
            return;
        }
        // Another kind now lives here: replace the view and everything under it.
        ElementWidget* old = node.view;
        node.forgetViews();
        node.children.clear();
        if (lazy) {
            lazy->childReplaced(int(index));
        } else if (parentView) {
            deleteView(old);
            parentView->insertChild(int(index), build(node));
        }
        return;
    }
    auto node = std::make_unique<Node>();
    node->renderer = this;
    node->element = op.element;
    Node& added = *node;
    parent->children.push_back(std::move(node));
    if (lazy)
        lazy->childAdded(int(index));
    else if (parentView)
        parentView->insertChild(int(index), build(added));
}

/// Creates the view of `node`, and the views of its children that its view shows.
ElementWidget* Renderer::build(Node& node) {
    ElementWidget* view = makeView(node.element);
    node.view = view;
    if (node.stale) fade(view, true);
    if (LazyChildren* lazy = view->lazyChildren()) {
        lazy->setChildSource(&node);
        for (size_t i = 0; i < node.children.size(); ++i) lazy->childAdded(int(i));
    } else {
        for (size_t i = 0; i < node.children.size(); ++i)
            view->insertChild(int(i), build(*node.children[i]));
    }
    return view;
}

ElementWidget* Renderer::makeView(const ElementPtr& element) {
    ElementWidget* view = createView(element->kind);
    if (!view) {
        // A kind this renderer cannot show says so in place instead of taking another's view.
        auto problem = std::make_shared<Element>();
        problem->kind = ElementKind::Error;
        problem->props.insert(
            prop::text,
            QStringLiteral("This window cannot show '%1' elements.").arg(kindName(element->kind)));
        view = createView(ElementKind::Error);
        view->apply(problem);
        return view;
    }
    view->setValueSink([this](const QString& id, const QVariant& value) {
        if (m_sink) m_sink(id, value);
    });
    view->apply(element);
    return view;
}

void Renderer::remove(const Path& path) {
    Node* parent = nodeAt(path.first(path.size() - 1));
    const size_t index = size_t(path.last());
    if (!parent || index >= parent->children.size()) return;
    ElementWidget* view = parent->children[index]->view;
    parent->children[index]->forgetViews();
    if (parent->view) {
        if (LazyChildren* lazy = parent->view->lazyChildren())
            lazy->childRemoved(int(index));  // deletes the view, if it has one
        else if (view)
            deleteView(view);
    }
    parent->children.erase(parent->children.begin() + std::ptrdiff_t(index));
}

void Renderer::setStale(const Path& path, bool stale) {
    Node* node = nodeAt(path);
    if (!node) return;
    node->stale = stale;
    if (node->view) fade(node->view, stale);
}

QWidget* Renderer::widgetAt(const Path& path) const {
    if (path.isEmpty() || path[0] < 0 || path[0] > 1) return nullptr;
    Node* n = m_roots[path[0]].get();
    for (int i = 1; i < path.size(); ++i) {
        if (path[i] < 0 || size_t(path[i]) >= n->children.size()) return nullptr;
        Node* child = n->children[size_t(path[i])].get();
        if (!child->view && n->view)
            if (LazyChildren* lazy = n->view->lazyChildren()) lazy->ensureChildView(path[i]);
        n = child;
    }
    return n->view;
}

Path Renderer::find(const std::function<bool(const Element&)>& match) const {
    std::function<bool(const Node&, Path&)> search = [&](const Node& n, Path& path) {
        for (size_t i = 0; i < n.children.size(); ++i) {
            path.append(int(i));
            if (match(*n.children[i]->element) || search(*n.children[i], path)) return true;
            path.removeLast();
        }
        return false;
    };
    for (int root : {int(MainRoot), int(SidebarRoot)}) {
        Path path{root};
        if (search(*m_roots[root], path)) return path;
    }
    return {};
}

bool Renderer::isStale(const Path& path) const {
    Node* node = nodeAt(path);
    return node && node->stale;
}

bool Renderer::hasView(ElementKind kind) {
    std::unique_ptr<ElementWidget> view(createView(kind));
    return view != nullptr;
}

int Renderer::viewCount() const {
    std::function<int(const Node&)> count = [&](const Node& n) {
        int total = 0;
        for (const auto& c : n.children) total += 1 + count(*c);
        return total;
    };
    return count(*m_roots[0]) + count(*m_roots[1]);
}

int Renderer::liveViewCount() const {
    std::function<int(const Node&)> count = [&](const Node& n) {
        int total = 0;
        for (const auto& c : n.children) total += (c->view ? 1 : 0) + count(*c);
        return total;
    };
    return count(*m_roots[0]) + count(*m_roots[1]);
}

}  // namespace tessera::widgets
