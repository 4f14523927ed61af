// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chart palettes, the same as the page's (resources/web/src/palette.ts): eight series
// colors for light and for dark backgrounds, and a sequential ramp for heatmaps.

#include <QColor>
#include <cmath>
#include <iterator>

namespace tessera::widgets {

inline QColor seriesColor(int index, bool dark) {
    static const QRgb light[] = {0x0068c9, 0xff2b2b, 0x29b09d, 0xff8700,
                                 0x83c9ff, 0x7d353b, 0x6d3fc0, 0xffd16a};
    static const QRgb night[] = {0x3d9df3, 0xff4b4b, 0x29b09d, 0xffa421,
                                 0x83c9ff, 0xff8c8c, 0x9a6dd7, 0xffd16a};
    const int i = ((index % 8) + 8) % 8;
    return QColor::fromRgb(dark ? night[i] : light[i]);
}

/// The ramp's color at `t` (0 to 1): viridis, legible on light and dark backgrounds.
inline QColor sequentialColor(double t) {
    static const QRgb stops[] = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    constexpr int last = int(std::size(stops)) - 1;
    t = std::isnan(t) ? 0 : t < 0 ? 0 : t > 1 ? 1 : t;
    const int i = std::min(last - 1, int(t * last));
    const double f = t * last - i;
    const QColor a = QColor::fromRgb(stops[i]), b = QColor::fromRgb(stops[i + 1]);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * f),
                            float(a.greenF() + (b.greenF() - a.greenF()) * f),
                            float(a.blueF() + (b.blueF() - a.blueF()) * f));
}

}  // namespace tessera::widgets
