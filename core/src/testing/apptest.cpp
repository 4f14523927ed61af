// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/dataedits.h>
#include <tessera/host/chartplan.h>
#include <tessera/host/headlessrunner.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/host/session.h>
#include <tessera/schema.h>
#include <tessera/testing/apptest.h>

#include <functional>

namespace tessera::testing {

struct AppTest::Private {
    explicit Private(const Dashboard& dashboard) : runner(dashboard) {}
    std::unique_ptr<PluginCatalog> catalog;  // keeps a plugin's code loaded
    HeadlessRunner runner;
    QStringList changed;  ///< widgets set since the last run
};

ElementKind ElementView::kind() const {
    return m_element ? m_element->kind : ElementKind::Empty;
}
QString ElementView::kindName() const {
    return tessera::kindName(kind());
}
QVariant ElementView::prop(const QString& name) const {
    return m_element ? m_element->props.value(name) : QVariant();
}
QVariantMap ElementView::chartSpec() const {
    return prop(prop::spec).toMap();
}

const Column* ElementView::chartColumn(int layer, const QString& channel) const {
    if (!m_element || !m_element->frame || m_element->kind != ElementKind::Chart) return nullptr;
    return m_element->frame->column(tessera::chartColumn(layer, channel));
}

QString ElementView::id() const {
    return m_element ? m_element->id : QString();
}

AppTest::AppTest(std::function<void(Ui&)> fn)
    : AppTest(Dashboard{QStringLiteral("test"), QStringLiteral("Test"), {}, std::move(fn)}) {}

AppTest::AppTest(const Dashboard& dashboard) : d(std::make_unique<Private>(dashboard)) {}

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
    test->d->catalog = std::move(catalog);
    return test;
}

void AppTest::start() {
    if (d->changed.isEmpty())
        d->runner.start();
    else
        session().rerunDependents(std::exchange(d->changed, {}));
}

Session& AppTest::session() {
    return d->runner.session();
}

SessionState& AppTest::state() {
    return session().state();
}

const GroupRecord& AppTest::lastGroup() const {
    return d->runner.session().lastGroup();
}

bool AppTest::run(int timeoutMs) {
    start();
    return waitIdle(timeoutMs);
}

bool AppTest::rerunFragment(const QString& key, int timeoutMs) {
    return session().rerunFragment(key) && d->runner.waitIdle(timeoutMs);
}

bool AppTest::waitIdle(int timeoutMs) {
    return d->runner.waitIdle(timeoutMs);
}

QVector<ElementView> AppTest::elements(const QString& kind) const {
    QVector<ElementView> result;
    std::function<void(const PageTree::Node&, Path&)> visit = [&](const PageTree::Node& n,
                                                                  Path& path) {
        for (size_t i = 0; i < n.children.size(); ++i) {
            const PageTree::Node& child = *n.children[i];
            path.append(int(i));
            if (kind.isEmpty() || tessera::kindName(child.element->kind) == kind)
                result.append(ElementView(child.element, path));
            visit(child, path);
            path.removeLast();
        }
    };
    for (Root r : {MainRoot, SidebarRoot}) {
        Path path{r};
        visit(d->runner.session().page().root(r), path);
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
    const QString id = d->runner.session().findWidget(keyOrLabel);
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
    const QString error = m_test->session().setWidgetValue(m_view.id(), value, false);
    if (error.isEmpty() && !m_test->d->changed.contains(m_view.id()))
        m_test->d->changed << m_view.id();
    if (error.isEmpty()) m_value = value;
    return error;
}

QString AppTest::WidgetHandle::editCell(qsizetype row, const QString& column,
                                        const QVariant& value) {
    const QVariantMap edits = m_value.toMap();
    if (row < 0 && -1 - row >= edits.value(dataedits::added).toList().size())
        return QStringLiteral("there is no added row %1").arg(-row);
    return set(dataedits::withCell(edits, row, column, value));
}

QString AppTest::WidgetHandle::addRow(const QVariantMap& cells) {
    QVariantMap edits = m_value.toMap();
    edits.insert(dataedits::added, edits.value(dataedits::added).toList() << cells);
    return set(edits);
}

QString AppTest::WidgetHandle::deleteRows(const QList<qsizetype>& rows) {
    QVariantMap edits = m_value.toMap();
    QVariantList deleted = edits.value(dataedits::deleted).toList();
    for (qsizetype r : rows) deleted << double(r);
    edits.insert(dataedits::deleted, deleted);
    return set(edits);
}

QString AppTest::WidgetHandle::select(const QList<qsizetype>& rows) {
    return set(dataedits::selectionValue(rows));
}

QString AppTest::WidgetHandle::selectBox(double x0, double x1, double y0, double y1) {
    const Element* e = m_view.element();
    if (!e || !e->frame) return QStringLiteral("no such chart");
    const QList<qsizetype> rows =
        dataedits::rowsInBox(*e->frame, e->props.value(prop::x).toString(),
                             e->props.value(prop::y).toStringList(), x0, x1, y0, y1);
    return set(dataedits::selectionValue(rows, {x0, x1, y0, y1}));
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
