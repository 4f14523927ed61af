// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <cstddef>

namespace tessera::widgets {

struct Bounds {
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool valid = false;
    void include(double x, double y);
};

/// Min/max decimation for a line over x-sorted data: per horizontal bucket it keeps the
/// lowest and highest point, so spikes survive and the drawn shape is the same as with all
/// points at that pixel width. `x` may be null (x = row index). NaNs are skipped. Returns at
/// most 2 * buckets points (all points when there are fewer) and grows `bounds`.
QList<QPointF> decimateMinMax(const double* x, const double* y, size_t count, size_t buckets,
                              Bounds* bounds);

/// Thins a scatter plot to at most one point per cell of a `cells` x `cells` grid.
QList<QPointF> decimateGrid(const double* x, const double* y, size_t count, int cells,
                            Bounds* bounds);

}  // namespace tessera::widgets
