// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dataframe.h>
#include <tessera/enums.h>
#include <tessera/export.h>

#include <QByteArray>
#include <QString>
#include <QVariantMap>
#include <memory>
#include <optional>

namespace tessera {

/// Every kind of element; the schema (schema.h) has one row for each.
enum class ElementKind {
    Title,
    Header,
    Subheader,
    Text,
    Markdown,
    Caption,
    Code,
    Divider,
    Metric,
    Info,
    Success,
    Warning,
    Error,
    Exception,
    Json,
    LineChart,
    AreaChart,
    BarChart,
    ScatterChart,
    Table,
    DataFrame,
    Progress,
    Spinner,
    Skeleton,
    Image,
    Empty,
    Toast,
    Button,
    Checkbox,
    Toggle,
    Slider,
    RangeSlider,
    Selectbox,
    Radio,
    Multiselect,
    TextInput,
    TextArea,
    NumberInput,
    DateInput,
    ColorPicker,
    FormSubmitButton,
    ChatInput,
    DownloadButton,
    FileUploader,
    DataEditor,
    Container,
    Columns,
    Column,
    Tabs,
    Tab,
    Expander,
    Fragment,
    Form,
    Status,
    Popover,
    Dialog,
    ChatMessage,
    Chart,  ///< a chart of the grammar (Ui::chart()); since 1.1
};

TESSERA_CORE_EXPORT QString kindName(ElementKind kind);
TESSERA_CORE_EXPORT Family familyOf(ElementKind kind);
TESSERA_CORE_EXPORT std::optional<ElementKind> kindFromName(const QString& name);
TESSERA_CORE_EXPORT bool isBlockKind(ElementKind kind);
TESSERA_CORE_EXPORT bool isWidgetKind(ElementKind kind);
TESSERA_CORE_EXPORT bool isChartKind(ElementKind kind);
/// Buttons (download buttons too) and the chat input: widgets whose value holds only for the run
/// their press (their submit) causes, then goes back to its default.
TESSERA_CORE_EXPORT bool isTriggerKind(ElementKind kind);

/// What one place on the page shows. Immutable once built; shared between threads by
/// pointer only.
struct TESSERA_CORE_EXPORT Element {
    ElementKind kind = ElementKind::Empty;  ///< what it is
    QString id;                             ///< widget identity; empty for non-widgets
    QVariantMap props;  ///< its props, by prop:: name (elementSchema() gives their types)
    std::shared_ptr<const tessera::DataFrame> frame;  ///< charts, tables
    QByteArray blob;                                  ///< encoded image bytes

    bool isBlock() const { return isBlockKind(kind); }    ///< holds other elements
    bool isWidget() const { return isWidgetKind(kind); }  ///< takes a value from viewers
    /// True when drawing `other` instead of this would change nothing on screen.
    bool sameContent(const Element& other) const;
};

using ElementPtr = std::shared_ptr<const Element>;

/// `element` (a chart, table or dataframe) with `rows` below its data, and its row count
/// updated; null when the rows do not fit its columns (DataFrame::rowsProblem()).
TESSERA_CORE_EXPORT ElementPtr withRows(const Element& element, const DataFrame& rows);

/// Location of an element: [root, i0, i1, ...], root 0 = main, 1 = sidebar.
using Path = QVector<int>;
enum Root : int { MainRoot = 0, SidebarRoot = 1 };

TESSERA_CORE_EXPORT QString pathToString(const Path& path);

}  // namespace tessera
