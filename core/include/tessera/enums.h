// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The SDK's named enums. Their names, as files, the protocol and the page spell them, come
// from Qt's meta-object system (enumName(), enumFromName()), never from a hand-written map.

#include <tessera/export.h>

#include <QMetaEnum>
#include <QObject>
#include <QString>
#include <optional>

namespace tessera {
Q_NAMESPACE_EXPORT(TESSERA_CORE_EXPORT)

/// What an element is for: text, data, a status, a widget (it takes a value from viewers)
/// or a block (it holds other elements).
enum class Family { Text, Data, Status, Widget, Block };
Q_ENUM_NS(Family)

/// How a run ended. `Rerun` is a run that asked for a rerun (Ui::rerun()): it counts as
/// completed, so the buttons it saw pressed are released, but its page stays until the rerun
/// replaces it.
enum class RunStatus { Running, Finished, Failed, Interrupted, TimedOut, Rerun };
Q_ENUM_NS(RunStatus)

/// What Ui::rerun() reruns.
enum class RerunTarget {
    App,       ///< the whole dashboard
    Fragment,  ///< only the fragment that calls it (from the main body: the whole dashboard)
};
Q_ENUM_NS(RerunTarget)

/// What a chart or dataframe lets people select (ChartOptions, DataframeOptions).
enum class SelectionMode {
    None,
    SingleRow,  ///< dataframes: one row
    MultiRow,   ///< dataframes: any rows
    Point,      ///< charts: a click selects the nearest point's row (Ctrl adds more)
    Box,        ///< charts: a dragged box selects the rows of the points inside
};
Q_ENUM_NS(SelectionMode)

/// The state a StatusBox shows.
enum class StatusState { Running, Complete, Error };
Q_ENUM_NS(StatusState)

/// What a chart layer draws (Layer), in Vega-Lite's vocabulary.
enum class Mark {
    Line,         ///< a line through x, y (one per color)
    Area,         ///< a filled area from y2 (or zero) to y
    Bar,          ///< bars from y2 (or zero) to y; horizontal when y is nominal
    Point,        ///< a dot per row (size: its area)
    Rect,         ///< a heatmap cell per x, y pair, colored by color
    Arc,          ///< pie or donut slices: theta per color
    Boxplot,      ///< quartiles and whiskers of y per x
    Errorband,    ///< a band from y to y2 along x (or mean ± one deviation of y per x)
    Errorbar,     ///< a bar from y to y2 at each x (or mean ± one deviation of y per x)
    Rule,         ///< a line across the chart at a y (or x) value, or from a row's y to y2
    Text,         ///< text at x, y
    Candlestick,  ///< open, high, low and close at each x
};
Q_ENUM_NS(Mark)

/// What a chart field's values are (Field::type()).
enum class FieldType {
    Quantitative,  ///< numbers on a continuous scale
    Temporal,      ///< instants on a time scale
    Nominal,       ///< names without an order
    Ordinal,       ///< names (or numbers) in an order
};
Q_ENUM_NS(FieldType)

/// How a chart maps a field's values to positions (Field::scale()).
enum class ScaleType {
    Linear,  ///< proportional
    Log,     ///< logarithmic (positive values only)
    Time,    ///< instants, with date and time ticks
    Band,    ///< one band per distinct value
};
Q_ENUM_NS(ScaleType)

/// What a chart field summarizes its group of rows into (Field::aggregate()).
enum class Aggregate { Count, Sum, Mean, Median, Min, Max, Q1, Q3 };
Q_ENUM_NS(Aggregate)

/// How a chart stacks the bars or areas of one x (Field::stack()).
enum class StackMode {
    None,       ///< side by side (bars) or overlapping (areas)
    Zero,       ///< on top of each other, from zero
    Normalize,  ///< on top of each other, as shares of their total (0 to 1)
};
Q_ENUM_NS(StackMode)

namespace detail {
/// The name the protocol gives an enumerator `key`: `key` with a lower-case first letter.
inline QString enumKeyName(const char* key) {
    if (!key || !*key) return {};
    QString name = QString::fromLatin1(key);
    name[0] = name[0].toLower();
    return name;
}
}  // namespace detail

/// The name of `value`: its enumerator's name with a lower-case first letter ("timedOut").
template <typename E>
QString enumName(E value) {
    return detail::enumKeyName(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

/// The value named `name` (as enumName() writes it), or nothing.
template <typename E>
std::optional<E> enumFromName(const QString& name) {
    if (name.isEmpty()) return std::nullopt;
    QByteArray key = name.toLatin1();
    key[0] = QChar::toUpper(key[0]);
    bool ok = false;
    const int value = QMetaEnum::fromType<E>().keyToValue(key.constData(), &ok);
    return ok ? std::optional<E>(E(value)) : std::nullopt;
}

}  // namespace tessera
