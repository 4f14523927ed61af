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

ElementPtr rootElement() {
    auto e = std::make_shared<Element>();
    e->kind = ElementKind::Container;
    return e;
}

constexpr double kStaleOpacity = 0.4;

}  // namespace

Renderer::Renderer(QObject* parent) : QObject(parent) {
    for (int r = 0; r < 2; ++r) {
        m_roots[r] = std::make_unique<Node>();
        m_roots[r]->view = createView(ElementKind::Container);
        m_roots[r]->view->apply(rootElement());
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
                    node && op.element && op.rows && node->view->kind() == op.element->kind)
                    node->view->addRows(op.element, *op.rows);
                break;
        }
    }
    emit applied();
}

void Renderer::upsert(const PageOp& op) {
    Node* parent = nodeAt(op.path.first(op.path.size() - 1));
    if (!parent || !op.element) return;
    const size_t index = size_t(op.path.last());
    if (index > parent->children.size()) return;

    if (index < parent->children.size()) {
        Node& existing = *parent->children[index];
        if (existing.view->kind() == op.element->kind) {
            existing.view->apply(op.element);  // in place: same QWidget, focus kept
            existing.view->setGraphicsEffect(nullptr);
            parent->view->childChanged(int(index), existing.view);
            return;
        }
        // Another kind now lives here: replace the view and everything under it.
        ElementWidget* old = existing.view;
        old->hide();
        old->setParent(nullptr);  // leaves the parent's layout now, so indexes stay right
        old->deleteLater();
        existing.children.clear();
        existing.view = makeView(op.element);
        parent->view->insertChild(int(index), existing.view);
        return;
    }
    auto node = std::make_unique<Node>();
    node->view = makeView(op.element);
    parent->view->insertChild(int(index), node->view);
    parent->children.push_back(std::move(node));
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
    parent->children.erase(parent->children.begin() + std::ptrdiff_t(index));
    view->hide();
    view->setParent(nullptr);
    view->deleteLater();
}

void Renderer::setStale(const Path& path, bool stale) {
    Node* node = nodeAt(path);
    if (!node) return;
    if (!stale) {
        node->view->setGraphicsEffect(nullptr);
        return;
    }
    auto* effect = new QGraphicsOpacityEffect(node->view);
    effect->setOpacity(kStaleOpacity);
    node->view->setGraphicsEffect(effect);
}

QWidget* Renderer::widgetAt(const Path& path) const {
    Node* node = nodeAt(path);
    return node ? node->view : nullptr;
}

bool Renderer::isStale(const Path& path) const {
    Node* node = nodeAt(path);
    return node && node->view->graphicsEffect() != nullptr;
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

}  // namespace tessera::widgets
