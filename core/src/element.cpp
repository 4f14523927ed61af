// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/element.h>

#include <QHash>

namespace tessera {

namespace {
struct KindName {
    ElementKind kind;
    const char* name;
};

constexpr KindName kKindNames[] = {
    {ElementKind::Title, "title"},
    {ElementKind::Header, "header"},
    {ElementKind::Subheader, "subheader"},
    {ElementKind::Text, "text"},
    {ElementKind::Markdown, "markdown"},
    {ElementKind::Caption, "caption"},
    {ElementKind::Code, "code"},
    {ElementKind::Divider, "divider"},
    {ElementKind::Metric, "metric"},
    {ElementKind::Info, "info"},
    {ElementKind::Success, "success"},
    {ElementKind::Warning, "warning"},
    {ElementKind::Error, "error"},
    {ElementKind::Exception, "exception"},
    {ElementKind::Json, "json"},
    {ElementKind::LineChart, "line_chart"},
    {ElementKind::AreaChart, "area_chart"},
    {ElementKind::BarChart, "bar_chart"},
    {ElementKind::ScatterChart, "scatter_chart"},
    {ElementKind::Table, "table"},
    {ElementKind::DataFrame, "dataframe"},
    {ElementKind::Progress, "progress"},
    {ElementKind::Spinner, "spinner"},
    {ElementKind::Skeleton, "skeleton"},
    {ElementKind::Image, "image"},
    {ElementKind::Empty, "empty"},
    {ElementKind::Button, "button"},
    {ElementKind::Checkbox, "checkbox"},
    {ElementKind::Toggle, "toggle"},
    {ElementKind::Slider, "slider"},
    {ElementKind::RangeSlider, "range_slider"},
    {ElementKind::Selectbox, "selectbox"},
    {ElementKind::Radio, "radio"},
    {ElementKind::Multiselect, "multiselect"},
    {ElementKind::TextInput, "text_input"},
    {ElementKind::TextArea, "text_area"},
    {ElementKind::NumberInput, "number_input"},
    {ElementKind::DateInput, "date_input"},
    {ElementKind::ColorPicker, "color_picker"},
    {ElementKind::Container, "container"},
    {ElementKind::Columns, "columns"},
    {ElementKind::Column, "column"},
    {ElementKind::Tabs, "tabs"},
    {ElementKind::Tab, "tab"},
    {ElementKind::Expander, "expander"},
    {ElementKind::Fragment, "fragment"},
};
}  // namespace

QString kindName(ElementKind kind) {
    for (const KindName& k : kKindNames)
        if (k.kind == kind) return QString::fromLatin1(k.name);
    return QStringLiteral("unknown");
}

std::optional<ElementKind> kindFromName(const QString& name) {
    for (const KindName& k : kKindNames)
        if (name == QLatin1String(k.name)) return k.kind;
    return std::nullopt;
}

bool isBlockKind(ElementKind kind) {
    return kind >= ElementKind::Container;
}

bool isWidgetKind(ElementKind kind) {
    return kind >= ElementKind::Button && kind <= ElementKind::ColorPicker;
}

bool isChartKind(ElementKind kind) {
    return kind >= ElementKind::LineChart && kind <= ElementKind::ScatterChart;
}

bool Element::sameContent(const Element& other) const {
    if (kind != other.kind || id != other.id || props != other.props) return false;
    if (bool(frame) != bool(other.frame)) return false;
    if (frame && frame != other.frame && !frame->sharesBuffersWith(*other.frame)) return false;
    return blob.isSharedWith(other.blob) || blob == other.blob;
}

QString pathToString(const Path& path) {
    QStringList parts;
    for (int i : path) parts << QString::number(i);
    return parts.join(QLatin1Char('.'));
}

}  // namespace tessera
