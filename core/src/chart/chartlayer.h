// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One layer of a chart, checked against the data and computed (chartcompiler.cpp puts the
// layers together).

#include <tessera/dataframe.h>

#include "chartstats.h"

#include <QVariantList>
#include <QVariantMap>
#include <map>

namespace tessera::chartlayer {

/// What a layer puts on one axis.
struct AxisUse {
    bool used = false;
    QVariantMap spec;  ///< scale, type, title, format, ticks, timeZone, domain, nice
    bool band = false;
    QStringList labels;         ///< a band axis's values, which the codes index
    chartstats::Extent extent;  ///< of a continuous axis
    bool zero = false;          ///< the axis should include zero
    QStringList codeChannels;   ///< the layer's channels holding codes into `labels`
};

struct CompiledLayer {
    QString error;                      ///< "y: …"; nothing else is set
    QVariantMap spec;                   ///< the completed layer
    std::map<QString, Column> columns;  ///< by channel
    QVariantList series;  ///< {label, start, count}, with color -1 when named by the legend
    AxisUse xAxis, yAxis, yRightAxis;
    QVariantMap colorScale;  ///< {domain, title} of a quantitative color
};

CompiledLayer compileLayer(int index, const QVariantMap& layer, const DataFrame& data,
                           const QString& chartZone);

}  // namespace tessera::chartlayer
