// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What Ui::chart() makes of a spec and its data: the spec completed (types, titles, axes,
// domains, ticks, series) and the data each layer draws, computed once on the run's thread.
// Both renderers and AppTest read the result; docs/protocol.md ("Charts") describes it.
//
// The drawn data is one frame: layer L's channel C is the column "L.C" (for example "0.x",
// "1.y2"). Position channels are numbers (times in ms since 1970 UTC; nominal and ordinal
// values as codes into their axis's or legend's `labels`), the text channel is text.

#include <tessera/dataframe.h>
#include <tessera/export.h>

#include <QVariantMap>
#include <memory>

namespace tessera {

/// Keys of a chart spec's map, before and after chart compilation.
namespace chartkey {
///@{
/// A key as the protocol spells it.
inline const QString field = QStringLiteral("field");
inline const QString value = QStringLiteral("value");
inline const QString type = QStringLiteral("type");
inline const QString title = QStringLiteral("title");
inline const QString format = QStringLiteral("format");
inline const QString ticks = QStringLiteral("ticks");
inline const QString scale = QStringLiteral("scale");
inline const QString domain = QStringLiteral("domain");
inline const QString nice = QStringLiteral("nice");
inline const QString zero = QStringLiteral("zero");
inline const QString bin = QStringLiteral("bin");
inline const QString binStep = QStringLiteral("binStep");
inline const QString aggregate = QStringLiteral("aggregate");
inline const QString stack = QStringLiteral("stack");
inline const QString axis = QStringLiteral("axis");
inline const QString right = QStringLiteral("right");
inline const QString timeZone = QStringLiteral("timeZone");
inline const QString mark = QStringLiteral("mark");
inline const QString encoding = QStringLiteral("encoding");
inline const QString x = QStringLiteral("x");
inline const QString x2 = QStringLiteral("x2");
inline const QString y = QStringLiteral("y");
inline const QString y2 = QStringLiteral("y2");
inline const QString color = QStringLiteral("color");
inline const QString size = QStringLiteral("size");
inline const QString theta = QStringLiteral("theta");
inline const QString text = QStringLiteral("text");
inline const QString open = QStringLiteral("open");
inline const QString high = QStringLiteral("high");
inline const QString low = QStringLiteral("low");
inline const QString close = QStringLiteral("close");
inline const QString lower = QStringLiteral("lower");
inline const QString q1 = QStringLiteral("q1");
inline const QString median = QStringLiteral("median");
inline const QString q3 = QStringLiteral("q3");
inline const QString upper = QStringLiteral("upper");
inline const QString tooltip = QStringLiteral("tooltip");
inline const QString innerRadius = QStringLiteral("innerRadius");
inline const QString name = QStringLiteral("name");
inline const QString layers = QStringLiteral("layers");
inline const QString height = QStringLiteral("height");
inline const QString keepLastRows = QStringLiteral("keepLastRows");
inline const QString keepLastSeconds = QStringLiteral("keepLastSeconds");
// Added by compilation.
inline const QString rows = QStringLiteral("rows");
inline const QString series = QStringLiteral("series");
inline const QString start = QStringLiteral("start");
inline const QString count = QStringLiteral("count");
inline const QString label = QStringLiteral("label");
inline const QString labels = QStringLiteral("labels");
inline const QString axes = QStringLiteral("axes");
inline const QString yRight = QStringLiteral("yRight");
inline const QString tickStep = QStringLiteral("tickStep");
inline const QString colorScale = QStringLiteral("colorScale");
inline const QString horizontal = QStringLiteral("horizontal");
///@}
}  // namespace chartkey

/// A chart compiled against its data.
struct TESSERA_CORE_EXPORT ChartPlan {
    QVariantMap spec;                       ///< the completed spec
    std::shared_ptr<const DataFrame> data;  ///< what the layers draw ("L.C" columns)
    QString error;  ///< why the spec does not fit the data ("y: …"); then nothing else is set
};

/// Checks `spec` (Chart::toMap()) against `data` and computes what each layer draws.
TESSERA_CORE_EXPORT ChartPlan compileChart(const QVariantMap& spec, const DataFrame& data);

/// The name of layer `layer`'s drawn column for `channel` ("0.x").
TESSERA_CORE_EXPORT QString chartColumn(int layer, const QString& channel);

/// The most cells a heatmap (a rect layer) may have.
inline constexpr qsizetype kMaxChartCells = 4'000'000;

}  // namespace tessera
