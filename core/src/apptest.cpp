// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/testing/apptest.h>

#include <QEventLoop>
#include <QTimer>
#include <functional>

namespace tessera::testing {

ElementKind ElementView::kind() const {
    return m_element ? m_element->kind : ElementKind::Empty;
}
QString ElementView::kindName() const {
    return tessera::kindName(kind());
}
QVariant ElementView::prop(const QString& name) const {
    return m_element ? m_element->props.value(name) : QVariant();
}
QString ElementView::id() const {
    return m_element ? m_element->id : QString();
}

AppTest::AppTest(std::function<void(Ui&)> fn)
    : AppTest(Dashboard{QStringLiteral("test"), QStringLiteral("Test"), {}, std::move(fn)}) {}

AppTest::AppTest(const Dashboard& dashboard)
    : m_session(std::make_unique<Session>()), m_dashboard(dashboard) {}

AppTest::~AppTest() = default;

std::unique_ptr<AppTest> AppTest::fromPlugin(const QString& pluginFile, const QString& dashboardId,
                                             QString* error) {
    auto catalog = std::make_unique<PluginCatalog>();
    const PluginInfo& info = catalog->loadFile(pluginFile);
    if (!info.ok()) {
        if (error) *error = info.error;
        return nullptr;
    }
    const auto dashboard = catalog->find(dashboardId);
    if (!dashboard) {
        if (error) *error = QStringLiteral("plugin has no dashboard '%1'").arg(dashboardId);
        return nullptr;
    }
    auto test = std::make_unique<AppTest>(*dashboard);
    test->m_catalog = std::move(catalog);
    return test;
}

void AppTest::start() {
    if (!m_started) {
        m_started = true;
        m_session->setDashboard(m_dashboard);
    } else {
        m_session->rerun();
    }
}

bool AppTest::run(int timeoutMs) {
    start();
    return waitIdle(timeoutMs);
}

bool AppTest::waitIdle(int timeoutMs) {
    if (m_session->isIdle()) return true;
    // Periodic fragments may start again right after the session went idle: what counts is
    // that it did.
    bool reached = false;
    QEventLoop loop;
    QObject::connect(m_session.get(), &Session::idle, &loop, [&] {
        reached = m_session->isIdle();
        if (reached) loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return reached || m_session->isIdle();
}

QVector<ElementView> AppTest::elements(const QString& kind) const {
    QVector<ElementView> result;
    std::function<void(const PageTree::Node&, Path&)> visit = [&](const PageTree::Node& n,
                                                                  Path& path) {
        for (size_t i = 0; i < n.children.size(); ++i) {
            const PageTree::Node& child = *n.children[i];
            path.append(int(i));
            if (kind.isEmpty() || tessera::kindName(child.element->kind) == kind)
                result.append(ElementView(child.element.get(), path));
            visit(child, path);
            path.removeLast();
        }
    };
    for (Root r : {MainRoot, SidebarRoot}) {
        Path path{r};
        visit(m_session->page().root(r), path);
    }
    return result;
}

ElementView AppTest::element(const QString& kind, int index) const {
    const auto all = elements(kind);
    return index >= 0 && index < all.size() ? all[index] : ElementView();
}

ElementView AppTest::find(const QString& kind, const QString& labelOrText) const {
    for (const ElementView& e : elements(kind))
        if (e.label() == labelOrText || e.text() == labelOrText) return e;
    return {};
}

AppTest::WidgetHandle AppTest::widget(const QString& keyOrLabel) {
    const QString id = m_session->findWidget(keyOrLabel);
    if (!id.isEmpty())
        for (const ElementView& e : elements())
            if (e.id() == id) return WidgetHandle(this, e);
    return WidgetHandle(this, ElementView());
}

QVariant AppTest::WidgetHandle::value() const {
    return m_view.value();
}

QString AppTest::WidgetHandle::set(const QVariant& value) {
    if (!m_view.exists()) return QStringLiteral("no such widget");
    return m_test->session().setWidgetValue(m_view.id(), value, false);
}

bool AppTest::WidgetHandle::click() {
    if (!set(true).isEmpty()) return false;
    return m_test->run();
}

QString AppTest::dump() const {
    QString out;
    for (const ElementView& e : elements()) {
        out += QString(e.path().size() * 2, QLatin1Char(' '));
        out += e.kindName();
        if (!e.label().isEmpty()) out += QStringLiteral(" label=") + e.label();
        if (!e.text().isEmpty()) out += QStringLiteral(" text=") + e.text().left(60);
        if (e.value().isValid()) out += QStringLiteral(" value=") + e.value().toString();
        out += QLatin1Char('\n');
    }
    return out;
}

}  // namespace tessera::testing
