// SPDX-License-Identifier: GPL-3.0-or-later
#include "decimate.h"

#include <cmath>
#include <unordered_set>

namespace tessera::widgets {

void Bounds::include(double x, double y) {
    if (!valid) {
        minX = maxX = x;
        minY = maxY = y;
        valid = true;
        return;
    }
    minX = std::min(minX, x);
    maxX = std::max(maxX, x);
    minY = std::min(minY, y);
    maxY = std::max(maxY, y);
}

QList<QPointF> decimateMinMax(const double* x, const double* y, size_t count, size_t buckets,
                              Bounds* bounds) {
    QList<QPointF> points;
    auto xAt = [x](size_t i) { return x ? x[i] : double(i); };
    if (buckets == 0 || count <= 2 * buckets) {
        points.reserve(qsizetype(count));
        for (size_t i = 0; i < count; ++i) {
            if (std::isnan(y[i]) || std::isnan(xAt(i))) continue;
            points.append(QPointF(xAt(i), y[i]));
            bounds->include(xAt(i), y[i]);
        }
        return points;
    }
    points.reserve(qsizetype(2 * buckets));
    for (size_t b = 0; b < buckets; ++b) {
        const size_t begin = b * count / buckets;
        const size_t end = (b + 1) * count / buckets;
        size_t lo = end, hi = end;
        for (size_t i = begin; i < end; ++i) {
            if (std::isnan(y[i])) continue;
            if (lo == end || y[i] < y[lo]) lo = i;
            if (hi == end || y[i] > y[hi]) hi = i;
        }
        if (lo == end) continue;
        const size_t first = std::min(lo, hi), second = std::max(lo, hi);
        points.append(QPointF(xAt(first), y[first]));
        bounds->include(xAt(first), y[first]);
        if (second != first) {
            points.append(QPointF(xAt(second), y[second]));
            bounds->include(xAt(second), y[second]);
        }
    }
    return points;
}

QList<QPointF> decimateGrid(const double* x, const double* y, size_t count, int cells,
                            Bounds* bounds) {
    Bounds all;
    for (size_t i = 0; i < count; ++i)
        if (!std::isnan(x[i]) && !std::isnan(y[i])) all.include(x[i], y[i]);
    QList<QPointF> points;
    if (!all.valid) return points;
    *bounds = all;
    const double w = std::max(all.maxX - all.minX, 1e-300);
    const double h = std::max(all.maxY - all.minY, 1e-300);
    std::unordered_set<qint64> taken;
    for (size_t i = 0; i < count; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i])) continue;
        const qint64 cx = qint64((x[i] - all.minX) / w * (cells - 1));
        const qint64 cy = qint64((y[i] - all.minY) / h * (cells - 1));
        if (taken.insert(cx * cells + cy).second) points.append(QPointF(x[i], y[i]));
    }
    return points;
}

}  // namespace tessera::widgets
