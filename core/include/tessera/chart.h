// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chart grammar: a chart is layers, each a mark with encodings (Vega-Lite's vocabulary).
//
//     ui.chart(metrics, Chart(Layer(Mark::Line)
//                                 .x("time")
//                                 .y(Field("latency").title("latency (ms)"))
//                                 .color("service"))
//                           .layer(Layer(Mark::Rule).y(Field::value(250)))
//                           .title("Latency"));
//
// Specs are values: each builder call sets one key of a map (toMap()), which the element
// carries after Ui::chart() checked it against the data and completed it (docs/plugins.md,
// "Charts"). Binning, aggregation, stacking and box-plot statistics are computed in the run,
// once, and the renderers only draw what it computed.

#include <tessera/enums.h>
#include <tessera/export.h>

#include <QList>
#include <QString>
#include <QVariantMap>

namespace tessera {

/// One encoding of a layer: a column with its type, scale and axis, or a constant value.
class TESSERA_CORE_EXPORT Field {
public:
    Field() = default;          ///< no column (with aggregate(Aggregate::Count): rows per group)
    Field(QString column);      ///< the column `column`
    Field(const char* column);  ///< the column `column`
    static Field value(double constant);  ///< a constant, as a rule at a threshold
    static Field count();                 ///< the number of rows in each group

    Field& type(FieldType type);  ///< default: from the column (numbers, timestamps, text)
    Field& title(QString title);  ///< the axis's or legend's title; default: the column's name
    /// How values are written on the axis and in tooltips: for numbers ".2f" (decimals),
    /// ".1%" (a percentage) or "s" (k, M, G); for times a QDateTime format ("HH:mm").
    Field& format(QString format);
    Field& ticks(int count);                ///< about this many ticks on the axis
    Field& scale(ScaleType type);           ///< default: from the field's type
    Field& domain(double min, double max);  ///< the axis's range; default: the data's
    Field& nice(bool on);                   ///< round the range to tick steps (default on)
    Field& zero(bool on);                   ///< include zero (default: bars and areas)
    Field& bin(int maxBins = 20);           ///< group values into at most maxBins bins
    Field& binStep(double step);            ///< bins this wide (for times, milliseconds)
    Field& aggregate(Aggregate aggregate);  ///< summarize each group of rows
    Field& stack(StackMode mode);           ///< stacking of a y (default: bars and areas)
    Field& rightAxis();                     ///< a y on a second axis, at the right
    Field& timeZone(QString ianaId);        ///< times shown in this zone (default: column's)

    bool isSet() const { return !m_map.isEmpty(); }     ///< something was set
    const QVariantMap& toMap() const { return m_map; }  ///< the encoding as a spec's map

private:
    QVariantMap m_map;
};

/// One mark with its encodings. Channels a mark does not use are refused with the reason.
class TESSERA_CORE_EXPORT Layer {
public:
    explicit Layer(Mark mark);  ///< a layer drawing `mark`

    ///@{
    /// Position channels: x and y, and y2 (the other end of a bar, band or rule).
    Layer& x(Field field);
    Layer& y(Field field);
    Layer& y2(Field field);
    ///@}
    Layer& color(Field field);  ///< series by a nominal field, or cells by a quantitative one
    Layer& size(Field field);   ///< points' areas
    Layer& theta(Field field);  ///< slices' angles (arcs)
    Layer& text(Field field);   ///< text marks' text
    ///@{
    /// A candlestick's four prices.
    Layer& open(Field field);
    Layer& high(Field field);
    Layer& low(Field field);
    Layer& close(Field field);
    ///@}
    Layer& tooltip(const QList<Field>& fields);  ///< more fields shown on hover
    Layer& innerRadius(double fraction);         ///< a donut's hole, 0 to 0.9 of the radius
    Layer& name(QString name);  ///< the legend's name for a layer without a color field

    const QVariantMap& toMap() const { return m_map; }  ///< the layer as a spec's map

private:
    Layer& set(const QString& channel, const Field& field);
    QVariantMap m_map;
};

/// A chart: its layers (drawn in order, over one another) and what they share.
class TESSERA_CORE_EXPORT Chart {
public:
    Chart() = default;                 ///< a chart without layers yet
    Chart(const Layer& layer);         ///< a chart of one layer
    Chart& layer(const Layer& layer);  ///< adds a layer, drawn over the ones before
    Chart& title(QString title);       ///< shown above the chart
    Chart& height(int pixels);         ///< default 280
    Chart& timeZone(QString ianaId);   ///< every time shown in this zone (default: columns')
    /// When rows are added (DataHandle::addRows()), keep only the last `rows` of them.
    Chart& keepLastRows(qsizetype rows);
    /// When rows are added, keep only those within `seconds` of the latest time on the
    /// first layer's x (a temporal field, rows in time order).
    Chart& keepLastSeconds(double seconds);

    const QVariantMap& toMap() const { return m_map; }  ///< the chart as a spec's map

private:
    QVariantMap m_map;
};

}  // namespace tessera
