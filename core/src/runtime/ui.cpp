// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/host/chartplan.h>
#include <tessera/host/pagetree.h>
#include <tessera/schema.h>
#include <tessera/ui.h>

#include "limitgroup.h"
#include "runcontext.h"
#include "runlauncher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <stdexcept>
#include <typeinfo>

namespace tessera {

namespace {

std::shared_ptr<Element> make(ElementKind kind, QVariantMap props = {}) {
    auto e = std::make_shared<Element>();
    e->kind = kind;
    e->props = std::move(props);
    return e;
}

/// Checks a chart's columns; returns the error to show, empty when the data is usable.
QString chartProblem(ElementKind kind, const DataFrame& data, const ChartOptions& options) {
    QStringList names;
    for (const Column& c : data.columns()) names << c.name();
    auto missing = [&](const QString& name) {
        return QStringLiteral("column '%1' not found (columns: %2)")
            .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(u", "));
    };
    if (!options.x.isEmpty()) {
        const Column* x = data.column(options.x);
        if (!x) return missing(options.x);
        // Bars take categories on x; the other charts need numbers there.
        if (!x->isNumeric() && kind != ElementKind::BarChart)
            return QStringLiteral("x column '%1' is not numeric").arg(options.x);
    }
    for (const QString& y : options.y) {
        const Column* c = data.column(y);
        if (!c) return missing(y);
        if (!c->isNumeric()) return QStringLiteral("column '%1' is not numeric").arg(y);
    }
    return {};
}

}  // namespace

Ui::Ui(std::shared_ptr<detail::RunContext> context, Path container, Placement placement)
    : m_ctx(std::move(context)), m_container(std::move(container)), m_placement(placement) {}
Ui::~Ui() = default;
Ui::Ui(const Ui&) = default;
Ui& Ui::operator=(const Ui&) = default;

const std::shared_ptr<detail::RunContext>& Ui::context() const {
    const auto& current = detail::RunContext::current();
    if (current == m_ctx) return m_ctx;
    if (!current)
        throw NoSessionContext(
            "tessera::Ui was called from a thread that is not running a dashboard. Call it from "
            "the dashboard function, or start your thread with ui.bind(fn) so that fn may use it");
    // A fragment writing to a container it captured from the main body: the fragment's run
    // does the writing.
    if (current->core == m_ctx->core) return current;
    throw NoSessionContext(
        "this tessera::Ui belongs to another session than the running dashboard");
}

Path Ui::place(const std::shared_ptr<Element>& element) const {
    const auto& ctx = context();
    ctx->check();
    const Path path = m_placement == Placement::Slot ? m_container : ctx->nextPath(m_container);
    ctx->post(path, element);
    return path;
}

void Ui::emitText(ElementKind kind, const QString& text) {
    place(make(kind, {{prop::text, text}}));
}

void Ui::title(const QString& text) {
    emitText(ElementKind::Title, text);
}
void Ui::header(const QString& text) {
    emitText(ElementKind::Header, text);
}
void Ui::subheader(const QString& text) {
    emitText(ElementKind::Subheader, text);
}
void Ui::text(const QString& text) {
    emitText(ElementKind::Text, text);
}
void Ui::markdown(const QString& markdown) {
    emitText(ElementKind::Markdown, markdown);
}
void Ui::caption(const QString& text) {
    emitText(ElementKind::Caption, text);
}
void Ui::info(const QString& text) {
    emitText(ElementKind::Info, text);
}
void Ui::success(const QString& text) {
    emitText(ElementKind::Success, text);
}
void Ui::warning(const QString& text) {
    emitText(ElementKind::Warning, text);
}
void Ui::error(const QString& text) {
    emitText(ElementKind::Error, text);
}

void Ui::usageError(const QString& text) {
    emitText(ElementKind::Error, text);
    context()->reportProblem(text);
}

void Ui::code(const QString& code, const QString& language) {
    place(make(ElementKind::Code, {{prop::text, code}, {prop::language, language}}));
}

void Ui::divider() {
    place(make(ElementKind::Divider));
}

void Ui::metric(const QString& label, const QString& value, const QString& delta) {
    place(make(ElementKind::Metric,
               {{prop::label, label}, {prop::value, value}, {prop::delta, delta}}));
}

void Ui::exception(const std::exception& e) {
    exception(detail::exceptionTypeName(e), QString::fromUtf8(e.what()));
}

void Ui::exception(const QString& type, const QString& message) {
    place(make(ElementKind::Exception, {{prop::type, type}, {prop::text, message}}));
}

void Ui::json(const QJsonValue& value) {
    QString text;
    if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    else
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                   .mid(1)
                   .chopped(1);
    place(make(ElementKind::Json, {{prop::text, text.trimmed()}}));
}

DataHandle Ui::emitChart(ElementKind kind, const DataFrame& data, const ChartOptions& options) {
    if (const QString problem = chartProblem(kind, data, options); !problem.isEmpty()) {
        usageError(QStringLiteral("%1: %2").arg(kindName(kind), problem));
        return {};
    }
    auto e = make(kind, {{prop::x, options.x},
                         {prop::y, options.y},
                         {prop::title, options.title},
                         {prop::xLabel, options.xLabel},
                         {prop::yLabel, options.yLabel},
                         {prop::height, options.height},
                         {prop::rows, qlonglong(data.rowCount())}});
    e->frame = std::make_shared<const DataFrame>(data);
    const QString selection =
        makeSelectable(*e, options.selectionMode, options.key, options.onSelect, options.title);
    if (options.selectionMode != SelectionMode::None && selection.isEmpty()) return {};
    return placeData(e, selection);
}

DataHandle Ui::lineChart(const DataFrame& d, const ChartOptions& o) {
    return emitChart(ElementKind::LineChart, d, o);
}
DataHandle Ui::areaChart(const DataFrame& d, const ChartOptions& o) {
    return emitChart(ElementKind::AreaChart, d, o);
}
DataHandle Ui::barChart(const DataFrame& d, const ChartOptions& o) {
    return emitChart(ElementKind::BarChart, d, o);
}
DataHandle Ui::scatterChart(const DataFrame& d, const ChartOptions& o) {
    return emitChart(ElementKind::ScatterChart, d, o);
}

namespace {

/// The element of a compiled grammar chart over `rows` rows of data.
std::shared_ptr<Element> chartElement(const ChartPlan& plan, qsizetype rows) {
    auto e = make(ElementKind::Chart, {{prop::spec, plan.spec},
                                       {prop::title, plan.spec.value(chartkey::title).toString()},
                                       {prop::height, plan.spec.value(chartkey::height).toInt()},
                                       {prop::rows, qlonglong(rows)}});
    e->frame = plan.data;
    return e;
}

}  // namespace

DataHandle Ui::chart(const DataFrame& data, const Chart& chart) {
    const ChartPlan plan = compileChart(chart.toMap(), data);
    if (!plan.error.isEmpty()) {
        const QString title = chart.toMap().value(chartkey::title).toString();
        usageError(title.isEmpty() ? QStringLiteral("chart: %1").arg(plan.error)
                                   : QStringLiteral("chart '%1': %2").arg(title, plan.error));
        return {};
    }
    const DataHandle handle = placeData(chartElement(plan, data.rowCount()));
    context()->keepChart(handle.m_path, chart.toMap(), data);
    return handle;
}

DataHandle Ui::longFormChart(ElementKind kind, Mark mark, const DataFrame& data,
                             const ChartOptions& o, const QString& color) {
    QString problem;
    if (o.x.isEmpty() || o.y.size() != 1)
        problem = QStringLiteral("with a color column, give x and exactly one y column");
    else if (o.selectionMode != SelectionMode::None)
        problem = QStringLiteral("selections are for charts without a color column");
    if (!problem.isEmpty()) {
        usageError(QStringLiteral("%1: %2").arg(kindName(kind), problem));
        return {};
    }
    Field x(o.x), y(o.y.first());
    if (!o.xLabel.isEmpty()) x.title(o.xLabel);
    if (!o.yLabel.isEmpty()) y.title(o.yLabel);
    return chart(data, Chart(Layer(mark).x(x).y(y).color(color)).title(o.title).height(o.height));
}

DataHandle Ui::lineChart(const DataFrame& d, const ChartOptions& o, const QString& color) {
    return longFormChart(ElementKind::LineChart, Mark::Line, d, o, color);
}
DataHandle Ui::areaChart(const DataFrame& d, const ChartOptions& o, const QString& color) {
    return longFormChart(ElementKind::AreaChart, Mark::Area, d, o, color);
}
DataHandle Ui::barChart(const DataFrame& d, const ChartOptions& o, const QString& color) {
    return longFormChart(ElementKind::BarChart, Mark::Bar, d, o, color);
}
DataHandle Ui::scatterChart(const DataFrame& d, const ChartOptions& o, const QString& color) {
    return longFormChart(ElementKind::ScatterChart, Mark::Point, d, o, color);
}

DataHandle Ui::table(const DataFrame& data) {
    auto e = make(ElementKind::Table, {{prop::rows, qlonglong(data.rowCount())}});
    e->frame = std::make_shared<const DataFrame>(data);
    return placeData(e);
}

DataHandle Ui::dataframe(const DataFrame& data, int height) {
    return dataframe(data, DataframeOptions{.height = height});
}

DataHandle Ui::dataframe(const DataFrame& data, const DataframeOptions& options) {
    auto e = make(ElementKind::DataFrame,
                  {{prop::rows, qlonglong(data.rowCount())}, {prop::height, options.height}});
    e->frame = std::make_shared<const DataFrame>(data);
    const QString selection =
        makeSelectable(*e, options.selectionMode, options.key, options.onSelect, QString());
    if (options.selectionMode != SelectionMode::None && selection.isEmpty()) return {};
    return placeData(e, selection);
}

DataHandle Ui::placeData(const std::shared_ptr<Element>& element,
                         const QString& selectionId) const {
    const Path path = place(element);
    return DataHandle(std::make_shared<const Ui>(*this), path, element->kind, element->frame,
                      selectionId);
}

void Ui::addRowsAt(const Path& path, ElementKind kind,
                   const std::shared_ptr<const DataFrame>& rows) const {
    const auto& ctx = context();
    ctx->check();
    auto e = make(kind);
    e->frame = rows;
    ctx->post(path, std::move(e), /*addRows=*/true);
}

DataHandle::DataHandle(std::shared_ptr<const Ui> ui, Path path, ElementKind kind,
                       std::shared_ptr<const DataFrame> data, QString selectionId)
    : m_ui(std::move(ui)),
      m_path(std::move(path)),
      m_kind(kind),
      m_data(std::move(data)),
      m_selectionId(std::move(selectionId)) {}

Value<DataSelection> DataHandle::selection() const {
    if (!m_ui || m_selectionId.isEmpty()) return Value<DataSelection>(DataSelection());
    return Value<DataSelection>(m_ui->context()->core->widgets, m_selectionId, DataSelection());
}

void DataHandle::addRows(const DataFrame& rows) const {
    if (!m_ui) return;
    if (m_path.last() == PageTree::kAppend)
        throw std::logic_error(
            "addRows: this element was drawn by a fragment into a container outside the "
            "fragment, where its place is not known; draw it inside the fragment");
    if (m_kind == ElementKind::Chart) {
        addChartRows(rows);
        return;
    }
    if (const QString problem = m_data->rowsProblem(rows); !problem.isEmpty())
        throw std::invalid_argument(QStringLiteral("addRows: %1").arg(problem).toStdString());
    // In the element's column order, so that each viewer can add them column by column.
    auto ordered = std::make_shared<DataFrame>();
    for (const Column& c : m_data->columns()) ordered->add(*rows.column(c.name()));
    m_ui->addRowsAt(m_path, m_kind, ordered);
}

void DataHandle::addChartRows(const DataFrame& rows) const {
    const auto& ctx = m_ui->context();
    ctx->check();
    QVariantMap spec;
    QString problem;
    const DataFrame data = ctx->addChartRows(m_path, rows, &spec, &problem);
    if (!problem.isEmpty())
        throw std::invalid_argument(QStringLiteral("addRows: %1").arg(problem).toStdString());
    const ChartPlan plan = compileChart(spec, data);
    if (!plan.error.isEmpty())
        throw std::invalid_argument(QStringLiteral("addRows: %1").arg(plan.error).toStdString());
    ctx->post(m_path, chartElement(plan, data.rowCount()));
}

void Ui::image(const QByteArray& encoded, const QString& caption, int width) {
    auto e = make(ElementKind::Image, {{prop::caption, caption}, {prop::width, width}});
    e->blob = encoded;
    place(e);
}

Ui Ui::progress(int percent, const QString& text) {
    if (m_placement == Placement::Slot) {
        place(make(ElementKind::Progress,
                   {{prop::value, qBound(0, percent, 100)}, {prop::text, text}}));
        return *this;
    }
    const Path path = place(
        make(ElementKind::Progress, {{prop::value, qBound(0, percent, 100)}, {prop::text, text}}));
    return at(path, Placement::Slot);
}

Spinner Ui::spinner(const QString& text) {
    const Path path = place(make(ElementKind::Spinner, {{prop::text, text}}));
    return Spinner(at(path, Placement::Slot));
}

void Ui::skeleton(int height) {
    place(make(ElementKind::Skeleton, {{prop::height, height}}));
}

Ui Ui::openBlock(ElementKind kind, QVariantMap props) const {
    const Path path = place(make(kind, std::move(props)));
    return at(path, Placement::Append);
}

Ui Ui::at(Path container, Placement placement) const {
    Ui ui(m_ctx, std::move(container), placement);
    ui.m_form = m_form;
    ui.m_clearOnSubmit = m_clearOnSubmit;
    return ui;
}

Ui Ui::form(const QString& key, const FormOptions& options) {
    const auto ctx = context();
    ctx->check();
    if (!m_form.isEmpty()) {
        usageError(QStringLiteral("Forms cannot be nested: form '%1' is inside form '%2'.")
                       .arg(key, m_form));
        return *this;
    }
    if (key.isEmpty() || !ctx->claims->claim(QStringLiteral("form\x1f") + key)) {
        usageError(QStringLiteral("Each form needs a key of its own: '%1' is %2.")
                       .arg(key, key.isEmpty() ? QStringLiteral("empty")
                                               : QStringLiteral("used by another form")));
        return *this;
    }
    Ui form = openBlock(ElementKind::Form, {{prop::key, key},
                                            {prop::clearOnSubmit, options.clearOnSubmit},
                                            {prop::border, options.border}});
    form.m_form = key;
    form.m_clearOnSubmit = options.clearOnSubmit;
    return form;
}

Ui Ui::container() {
    return openBlock(ElementKind::Container, {});
}

QVector<Ui> Ui::columns(int count) {
    return columns(QVector<int>(qMax(1, count), 1));
}

QVector<Ui> Ui::columns(const QVector<int>& weights) {
    Ui row = openBlock(ElementKind::Columns, {{prop::count, int(weights.size())}});
    QVector<Ui> result;
    for (int w : weights)
        result.append(row.openBlock(ElementKind::Column, {{prop::weight, qMax(1, w)}}));
    return result;
}

QVector<Ui> Ui::tabs(const QStringList& labels) {
    Ui bar = openBlock(ElementKind::Tabs, {{prop::labels, labels}});
    QVector<Ui> result;
    for (const QString& l : labels)
        result.append(bar.openBlock(ElementKind::Tab, {{prop::label, l}}));
    return result;
}

Ui Ui::expander(const QString& label, bool expanded) {
    return openBlock(ElementKind::Expander, {{prop::label, label}, {prop::expanded, expanded}});
}

Ui Ui::sidebar() {
    context()->check();
    return Ui(m_ctx, Path{SidebarRoot}, Placement::Append);
}

Ui Ui::empty() {
    const Path path = place(make(ElementKind::Empty));
    return at(path, Placement::Slot);
}

void Ui::fragment(const QString& id, std::function<void(Ui&)> fn) {
    fragment(id, FragmentOptions{}, std::move(fn));
}

void Ui::fragment(const QString& id, const FragmentOptions& options, std::function<void(Ui&)> fn) {
    const auto ctx = context();
    ctx->check();
    if (ctx->isFragment()) {
        usageError(QStringLiteral(
                       "Fragments cannot be nested: fragment '%1' is called inside fragment '%2'. "
                       "Call it from the dashboard's main body.")
                       .arg(id, ctx->scope.name));
        return;
    }
    if (!fn) {
        usageError(QStringLiteral("fragment '%1' has no function").arg(id));
        return;
    }
    auto block = make(ElementKind::Fragment, {{prop::id, id}, {prop::parallel, options.parallel}});
    const Path container = place(block);
    detail::RunLauncher::callFragment(ctx, detail::ScopeId{id, container}, options, std::move(fn));
}

void Ui::rerun(RerunTarget target) const {
    const auto& ctx = context();
    ctx->check();
    throw detail::RerunRequest{target};
}

void Ui::rerunFragment(const QString& key) const {
    rerunFragments({key});
}

FragmentTrigger Ui::fragmentTrigger(const QStringList& keys) const {
    const auto& ctx = context();
    ctx->check();
    return FragmentTrigger(ctx->core, keys);
}

/// Asks `core`'s session to rerun the fragments with `keys`. `runId` is the asking run (a run
/// no longer current asks for nothing), or 0 from outside any run (always taken).
static void requestFragmentReruns(detail::SessionCore& core, const QStringList& keys,
                                  quint64 runId) {
    detail::Message message;
    message.type = detail::Message::Type::FragmentRerunsRequested;
    message.keys = keys;
    message.runId = runId;
    core.post(std::move(message));
}

void FragmentTrigger::operator()() const {
    if (const auto core = m_core.lock()) requestFragmentReruns(*core, m_keys, 0);
}

void Ui::rerunFragments(const QStringList& keys) const {
    const auto& ctx = context();
    ctx->check();
    requestFragmentReruns(*ctx->core, keys, ctx->runId);
}

std::shared_ptr<const void> Ui::asyncLoadValue(
    const QString& key, const QByteArray& args, std::type_index type,
    const AsyncLoadOptions& options, std::function<std::shared_ptr<const void>(TaskContext&)> fn) {
    const auto ctx = context();
    ctx->check();
    const QByteArray taskKey = key.toUtf8() + '\x1e' + args;
    const auto answer =
        ctx->core->tasks.ask(ctx->core, *ctx, taskKey, type, options, std::move(fn));
    if (!answer.ready) {
        if (options.placeholder.isEmpty())
            skeleton(options.height);
        else
            place(make(ElementKind::Spinner, {{prop::text, options.placeholder}}));
        return nullptr;
    }
    if (answer.error) std::rethrow_exception(answer.error);
    return answer.value;
}

LimitSlot Ui::limit(const QString& group, const LimitOptions& options) {
    const auto ctx = context();
    ctx->check();
    auto limitGroup = detail::LimitGroup::get(group, options);
    std::optional<Ui> waiting;  // the "waiting" line, shown only while queued
    try {
        limitGroup->acquire(ctx.get(), [&](int position, int length) {
            if (!waiting) waiting = empty();
            waiting->info(QStringLiteral("Waiting for %1 — position %2 of %3")
                              .arg(group)
                              .arg(position)
                              .arg(length));
        });
    } catch (const LimitRejected& e) {
        error(QString::fromUtf8(e.what()));
        throw;
    }
    LimitSlot slot(limitGroup);
    if (waiting) waiting->empty();
    return slot;
}

void Ui::checkpoint() const {
    context()->check();
}
bool Ui::cancelled() const {
    return context()->isInterrupted();
}

void Ui::sleep(std::chrono::milliseconds duration) const {
    const auto& ctx = context();
    ctx->check();
    if (!ctx->sleepFor(duration)) throw Interrupted();
}

SessionState& Ui::state() const {
    return context()->core->state;
}

Spinner::Spinner(Ui slot) : m_slot(std::make_unique<Ui>(std::move(slot))) {}
Spinner::Spinner(Spinner&&) noexcept = default;

Spinner::~Spinner() {
    if (!m_slot) return;
    try {
        m_slot->empty();
    } catch (...) {
        // The run was superseded or ended: its page is being replaced anyway.
    }
}

}  // namespace tessera
