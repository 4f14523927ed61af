// SPDX-License-Identifier: GPL-3.0-or-later
// The element schema: one row per kind. Adding a kind is a row here plus one view per
// renderer (and its gallery entry); tests check that every renderer has a view for every row
// and that docs/protocol.md lists the same rows.
#include <tessera/schema.h>

#include <QLocale>

#include <QDate>

namespace tessera {

namespace {

using T = PropType;

QVector<PropSpec> widgetProps(PropType valueType, QVector<PropSpec> more = {}) {
    QVector<PropSpec> props{{prop::label, T::String},
                            {prop::value, valueType},
                            {prop::key, T::String},
                            {prop::help, T::String},
                            {prop::disabled, T::Bool}};
    return props + more;
}

/// A selectable chart or dataframe is a widget too: its value is the selection.
const QVector<PropSpec> kSelectionProps{
    {prop::selectionMode, T::String}, {prop::value, T::Json}, {prop::key, T::String}};

const QVector<PropSpec> kChartProps =
    QVector<PropSpec>{{prop::x, T::String},      {prop::y, T::StringList},
                      {prop::title, T::String},  {prop::xLabel, T::String},
                      {prop::yLabel, T::String}, {prop::height, T::Int},
                      {prop::rows, T::Count}} +
    kSelectionProps;

QVector<KindSpec> buildSchema() {
    const QVector<PropSpec> text{{prop::text, T::String}};
    const auto leaf = [](ElementKind k, const char* name, Family f, QVector<PropSpec> props = {}) {
        return KindSpec{k, QString::fromLatin1(name), f, std::move(props)};
    };
    auto withFrame = [](KindSpec spec) {
        spec.hasFrame = true;
        return spec;
    };
    using K = ElementKind;
    using F = Family;
    KindSpec image =
        leaf(K::Image, "image", F::Data, {{prop::caption, T::String}, {prop::width, T::Int}});
    image.hasBytes = true;
    KindSpec download = leaf(K::DownloadButton, "download_button", F::Widget,
                             widgetProps(T::Bool, {{prop::fileName, T::String},
                                                   {prop::mime, T::String},
                                                   {prop::deferred, T::Bool}}));
    download.hasBytes = true;
    const KindSpec editor = withFrame(leaf(K::DataEditor, "data_editor", F::Widget,
                                           widgetProps(T::Json, {{prop::columns, T::Json},
                                                                 {prop::addRows, T::Bool},
                                                                 {prop::deleteRows, T::Bool},
                                                                 {prop::height, T::Int},
                                                                 {prop::rows, T::Count}})));
    const KindSpec uploader = leaf(K::FileUploader, "file_uploader", F::Widget,
                                   widgetProps(T::StringList, {{prop::types, T::StringList},
                                                               {prop::maxBytes, T::Count},
                                                               {prop::multiple, T::Bool}}));
    return {
        leaf(K::Title, "title", F::Text, text),
        leaf(K::Header, "header", F::Text, text),
        leaf(K::Subheader, "subheader", F::Text, text),
        leaf(K::Text, "text", F::Text, text),
        leaf(K::Markdown, "markdown", F::Text, text),
        leaf(K::Caption, "caption", F::Text, text),
        leaf(K::Code, "code", F::Text, {{prop::text, T::String}, {prop::language, T::String}}),
        leaf(K::Divider, "divider", F::Text),
        leaf(K::Metric, "metric", F::Text,
             {{prop::label, T::String}, {prop::value, T::String}, {prop::delta, T::String}}),
        leaf(K::Info, "info", F::Status, text),
        leaf(K::Success, "success", F::Status, text),
        leaf(K::Warning, "warning", F::Status, text),
        leaf(K::Error, "error", F::Status, text),
        leaf(K::Exception, "exception", F::Status,
             {{prop::type, T::String}, {prop::text, T::String}}),
        leaf(K::Json, "json", F::Text, text),
        withFrame(leaf(K::LineChart, "line_chart", F::Data, kChartProps)),
        withFrame(leaf(K::AreaChart, "area_chart", F::Data, kChartProps)),
        withFrame(leaf(K::BarChart, "bar_chart", F::Data, kChartProps)),
        withFrame(leaf(K::ScatterChart, "scatter_chart", F::Data, kChartProps)),
        withFrame(leaf(K::Table, "table", F::Data, {{prop::rows, T::Count}})),
        withFrame(leaf(
            K::DataFrame, "dataframe", F::Data,
            QVector<PropSpec>{{prop::rows, T::Count}, {prop::height, T::Int}} + kSelectionProps)),
        leaf(K::Progress, "progress", F::Status, {{prop::value, T::Int}, {prop::text, T::String}}),
        leaf(K::Spinner, "spinner", F::Status, text),
        leaf(K::Skeleton, "skeleton", F::Status, {{prop::height, T::Int}}),
        image,
        leaf(K::Empty, "empty", F::Status),
        leaf(K::Toast, "toast", F::Status, {{prop::text, T::String}, {prop::icon, T::String}}),
        leaf(K::Button, "button", F::Widget, widgetProps(T::Bool)),
        leaf(K::Checkbox, "checkbox", F::Widget, widgetProps(T::Bool)),
        leaf(K::Toggle, "toggle", F::Widget, widgetProps(T::Bool)),
        leaf(K::Slider, "slider", F::Widget,
             widgetProps(T::Number, {{prop::min, T::Number},
                                     {prop::max, T::Number},
                                     {prop::step, T::Number},
                                     {prop::integer, T::Bool}})),
        leaf(K::RangeSlider, "range_slider", F::Widget,
             widgetProps(T::IntPair,
                         {{prop::min, T::Int}, {prop::max, T::Int}, {prop::step, T::Int}})),
        leaf(K::Selectbox, "selectbox", F::Widget,
             widgetProps(T::String, {{prop::options, T::StringList}})),
        leaf(K::Radio, "radio", F::Widget,
             widgetProps(T::String, {{prop::options, T::StringList}})),
        leaf(K::Multiselect, "multiselect", F::Widget,
             widgetProps(T::StringList, {{prop::options, T::StringList}})),
        leaf(K::TextInput, "text_input", F::Widget, widgetProps(T::String)),
        leaf(K::TextArea, "text_area", F::Widget, widgetProps(T::String)),
        leaf(
            K::NumberInput, "number_input", F::Widget,
            widgetProps(T::Double,
                        {{prop::min, T::Double}, {prop::max, T::Double}, {prop::step, T::Double}})),
        leaf(K::DateInput, "date_input", F::Widget, widgetProps(T::Date)),
        leaf(K::ColorPicker, "color_picker", F::Widget, widgetProps(T::String)),
        leaf(K::FormSubmitButton, "form_submit_button", F::Widget, widgetProps(T::Bool)),
        leaf(K::ChatInput, "chat_input", F::Widget, widgetProps(T::String)),
        download,
        uploader,
        editor,
        leaf(K::Container, "container", F::Block),
        leaf(K::Columns, "columns", F::Block, {{prop::count, T::Int}}),
        leaf(K::Column, "column", F::Block, {{prop::weight, T::Int}}),
        leaf(K::Tabs, "tabs", F::Block, {{prop::labels, T::StringList}}),
        leaf(K::Tab, "tab", F::Block, {{prop::label, T::String}}),
        leaf(K::Expander, "expander", F::Block,
             {{prop::label, T::String}, {prop::expanded, T::Bool}}),
        leaf(K::Fragment, "fragment", F::Block, {{prop::id, T::String}, {prop::parallel, T::Bool}}),
        leaf(K::Form, "form", F::Block,
             {{prop::key, T::String}, {prop::clearOnSubmit, T::Bool}, {prop::border, T::Bool}}),
        leaf(K::Status, "status", F::Block,
             {{prop::label, T::String}, {prop::state, T::String}, {prop::expanded, T::Bool}}),
        leaf(K::Popover, "popover", F::Block, {{prop::label, T::String}}),
        leaf(K::Dialog, "dialog", F::Block, {{prop::title, T::String}}),
        leaf(K::ChatMessage, "chat_message", F::Block,
             {{prop::role, T::String}, {prop::avatar, T::String}}),
        withFrame(leaf(K::Chart, "chart", F::Data,
                       {{prop::spec, T::Json},
                        {prop::title, T::String},
                        {prop::height, T::Int},
                        {prop::rows, T::Count}})),
    };
}

bool hasType(const QVariant& v, PropType type) {
    switch (type) {
        case T::String:
            return v.typeId() == QMetaType::QString;
        case T::Int:
            return v.typeId() == QMetaType::Int;
        case T::Count:
            return v.typeId() == QMetaType::LongLong;
        case T::Double:
            return v.typeId() == QMetaType::Double;
        case T::Number:
            return v.typeId() == QMetaType::Int || v.typeId() == QMetaType::Double;
        case T::Bool:
            return v.typeId() == QMetaType::Bool;
        case T::StringList:
            return v.typeId() == QMetaType::QStringList;
        case T::IntPair: {
            const QVariantList list = v.toList();
            return v.typeId() == QMetaType::QVariantList && list.size() == 2 &&
                   list[0].typeId() == QMetaType::Int && list[1].typeId() == QMetaType::Int;
        }
        case T::Date:
            return v.typeId() == QMetaType::QDate;
        case T::Json:
            return v.typeId() == QMetaType::QVariantMap || v.typeId() == QMetaType::QVariantList;
    }
    return false;
}

}  // namespace

const PropSpec* KindSpec::findProp(const QString& propName) const {
    for (const PropSpec& p : props)
        if (p.name == propName) return &p;
    return nullptr;
}

const QVector<KindSpec>& elementSchema() {
    static const QVector<KindSpec> schema = [] {
        QVector<KindSpec> rows = buildSchema();
        for (int i = 0; i < rows.size(); ++i)
            Q_ASSERT_X(int(rows[i].kind) == i, "elementSchema",
                       "rows must be in ElementKind order");
        return rows;
    }();
    return schema;
}

const KindSpec& kindSpec(ElementKind kind) {
    return elementSchema()[int(kind)];
}

QString propTypeName(PropType type) {
    switch (type) {
        case T::String:
            return QStringLiteral("string");
        case T::Int:
            return QStringLiteral("int");
        case T::Count:
            return QStringLiteral("count");
        case T::Double:
            return QStringLiteral("double");
        case T::Number:
            return QStringLiteral("number");
        case T::Bool:
            return QStringLiteral("bool");
        case T::StringList:
            return QStringLiteral("string[]");
        case T::IntPair:
            return QStringLiteral("[int, int]");
        case T::Date:
            return QStringLiteral("date");
        case T::Json:
            return QStringLiteral("json");
    }
    return {};
}

QString schemaProblem(const Element& element) {
    const KindSpec& spec = kindSpec(element.kind);
    for (auto it = element.props.cbegin(); it != element.props.cend(); ++it) {
        const PropSpec* p = spec.findProp(it.key());
        if (!p) return QStringLiteral("%1 has no prop '%2'").arg(spec.name, it.key());
        if (!hasType(it.value(), p->type))
            return QStringLiteral("%1.%2 should be %3, is %4")
                .arg(spec.name, it.key(), propTypeName(p->type),
                     QString::fromLatin1(it.value().typeName()));
    }
    if (bool(element.frame) && !spec.hasFrame)
        return QStringLiteral("%1 carries data it should not").arg(spec.name);
    if (!element.blob.isEmpty() && !spec.hasBytes)
        return QStringLiteral("%1 carries bytes it should not").arg(spec.name);
    const bool selectable = element.props.contains(prop::selectionMode);
    if ((element.isWidget() || selectable) != !element.id.isEmpty())
        return QStringLiteral("%1: widgets and selectable data, and only they, have an id")
            .arg(spec.name);
    return {};
}

QString fileUploadProblem(const QVariantMap& uploader, const QString& name, qint64 size) {
    auto amount = [](qint64 bytes) {
        return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    if (name.isEmpty()) return QStringLiteral("a file needs a name");
    const qint64 limit = uploader.value(prop::maxBytes).toLongLong();
    if (limit > 0 && size > limit)
        return QStringLiteral("'%1' is %2; files up to %3 are taken here")
            .arg(name, amount(size), amount(limit));
    const QStringList types = uploader.value(prop::types).toStringList();
    if (types.isEmpty()) return {};
    const QString suffix = name.section(QLatin1Char('.'), -1).toLower();
    for (QString type : types) {
        type = type.trimmed().toLower();
        if (type.startsWith(QLatin1Char('.'))) type.remove(0, 1);
        if (name.contains(QLatin1Char('.')) && type == suffix) return {};
    }
    return QStringLiteral("'%1' is not one of the types taken here: %2")
        .arg(name, types.join(u", "));
}

}  // namespace tessera
