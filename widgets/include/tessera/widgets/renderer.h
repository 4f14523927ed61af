// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/host/delta.h>

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace tessera {
class SessionHandle;
}

namespace tessera::widgets {

class ElementWidget;

/// Shows a session's page with Qt Widgets. It applies PageOps: a same-kind element at the
/// same path is updated in place (the QWidget, and its focus, survive), a removed one is
/// deleted, a stale one is faded. It keeps every element of the page, but an element has a
/// view only while it is in or near the visible part of the page (see "Renderer" in
/// docs/architecture.md), so a page costs what can be seen. Lives in the GUI thread.
class Renderer : public QObject {
    Q_OBJECT
public:
    using WidgetSink = std::function<void(const QString& id, const QVariant& value)>;

    explicit Renderer(QObject* parent = nullptr);
    ~Renderer() override;

    /// The two roots. The caller places them (e.g. in a scroll area) and then owns them.
    QWidget* mainArea() const;
    QWidget* sidebarArea() const;

    /// Shows `session`'s page and sends widget changes back to it: a session in this
    /// process or in a worker, alike.
    void attach(SessionHandle* session);
    void setWidgetSink(WidgetSink sink) { m_sink = std::move(sink); }

    void apply(const QVector<tessera::PageOp>& ops);

    /// The view at `path`, created now if it has none yet; nullptr when the page has no
    /// element there (for tests and screenshots).
    QWidget* widgetAt(const Path& path) const;
    /// The first element in page order (main area, then sidebar) that `match` accepts, or
    /// an empty path.
    Path find(const std::function<bool(const Element&)>& match) const;
    bool isStale(const Path& path) const;
    /// The number of elements shown, with a view or not.
    int viewCount() const;
    /// The number of elements that have a view now.
    int liveViewCount() const;
    /// True when this renderer has a view of its own for `kind`.
    static bool hasView(ElementKind kind);

signals:
    void applied();

private:
    struct Node;
    Node* nodeAt(const Path& path) const;
    ElementWidget* makeView(const ElementPtr& element);
    ElementWidget* build(Node& node);
    void upsert(const PageOp& op);
    void upsertNode(const PageOp& op);
    void keepView(const Path& path);
    void remove(const Path& path);
    void setStale(const Path& path, bool stale);

    std::unique_ptr<Node> m_roots[2];
    WidgetSink m_sink;
    QPointer<SessionHandle> m_session;
    QMetaObject::Connection m_connection;
};

}  // namespace tessera::widgets
