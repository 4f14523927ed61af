// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/element.h>
#include <tessera/schema.h>

namespace tessera {

QString kindName(ElementKind kind) {
    return kindSpec(kind).name;
}

std::optional<ElementKind> kindFromName(const QString& name) {
    for (const KindSpec& spec : elementSchema())
        if (spec.name == name) return spec.kind;
    return std::nullopt;
}

Family familyOf(ElementKind kind) {
    return kindSpec(kind).family;
}

bool isBlockKind(ElementKind kind) {
    return familyOf(kind) == Family::Block;
}

bool isWidgetKind(ElementKind kind) {
    return familyOf(kind) == Family::Widget;
}

bool isChartKind(ElementKind kind) {
    return kind == ElementKind::Chart || kind == ElementKind::LineChart ||
           kind == ElementKind::AreaChart || kind == ElementKind::BarChart ||
           kind == ElementKind::ScatterChart;
}

bool isTriggerKind(ElementKind kind) {
    return kind == ElementKind::Button || kind == ElementKind::FormSubmitButton ||
           kind == ElementKind::ChatInput || kind == ElementKind::DownloadButton;
}

bool Element::sameContent(const Element& other) const {
    if (kind != other.kind || id != other.id || props != other.props) return false;
    if (bool(frame) != bool(other.frame)) return false;
    if (frame && frame != other.frame && !frame->sameValues(*other.frame)) return false;
    return blob.isSharedWith(other.blob) || blob == other.blob;
}

ElementPtr withRows(const Element& element, const DataFrame& rows) {
    if (!element.frame || !element.frame->rowsProblem(rows).isEmpty()) return nullptr;
    auto merged = std::make_shared<Element>(element);
    merged->frame = std::make_shared<const DataFrame>(element.frame->withRows(rows));
    if (merged->props.contains(prop::rows))
        merged->props.insert(prop::rows, qlonglong(merged->frame->rowCount()));
    return merged;
}

QString pathToString(const Path& path) {
    QStringList parts;
    for (int i : path) parts << QString::number(i);
    return parts.join(QLatin1Char('.'));
}

}  // namespace tessera
