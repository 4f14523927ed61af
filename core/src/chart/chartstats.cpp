// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartstats.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <thread>

namespace tessera::chartstats {

namespace {
/// Below this many values a second thread costs more than it saves.
constexpr size_t kParallelFrom = 1 << 20;
}  // namespace

int forParts(size_t n, const std::function<void(size_t, size_t, int)>& body) {
    if (n < kParallelFrom) {
        body(0, n, 0);
        return 1;
    }
    const size_t half = n / 2;
    std::thread second([&] { body(half, n, 1); });
    body(0, half, 0);
    second.join();
    return 2;
}

Extent extentOf(const double* values, size_t n) {
    Extent parts[2];
    forParts(n, [&](size_t begin, size_t end, int part) {
        double lo = parts[part].lo, hi = parts[part].hi;
        for (size_t i = begin; i < end; ++i) {
            const double v = values[i];
            lo = v < lo ? v : lo;  // false for NaN: skipped
            hi = v > hi ? v : hi;
        }
        parts[part].lo = lo;
        parts[part].hi = hi;
    });
    parts[0].add(parts[1]);
    return parts[0];
}

double niceStep(double span, int ticks) {
    if (!(span > 0) || !std::isfinite(span)) return 1;
    const double raw = span / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / power;
    const double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    return nice * power;
}

int Bins::index(double v) const {
    if (!(v >= start)) return -1;  // below, or NaN
    const auto i = qint64((v - start) / step);
    if (i < count) return int(i);
    return v <= start + step * count ? count - 1 : -1;
}

Bins binsFor(const Extent& extent, int maxBins, double step) {
    Bins bins;
    if (extent.empty()) return bins;
    double lo = extent.lo, hi = extent.hi;
    if (hi == lo) hi = lo + 1;
    maxBins = std::max(1, maxBins);
    bins.step = step > 0 ? step : niceStep(hi - lo, maxBins);
    // Nice steps may give a bin or two more than asked; a wider step keeps the promise,
    // within a few tries (bins aligned to their step may need one more than maxBins).
    const auto needed = [&](double s) { return std::ceil(hi / s) - std::floor(lo / s); };
    for (int tries = 0; step <= 0 && tries < 8 && needed(bins.step) > maxBins + 1; ++tries) {
        const double wider = niceStep(bins.step * 1.5 * maxBins, maxBins);
        if (!(wider > bins.step) || !std::isfinite(wider)) break;
        bins.step = wider;
    }
    if (step <= 0 && !(needed(bins.step) <= maxBins + 1)) {
        bins.step = (hi - lo) / maxBins;  // a range no nice step covers: plain bins
        bins.start = lo;
    } else {
        bins.start = std::floor(lo / bins.step) * bins.step;
    }
    const double count = std::ceil((hi - bins.start) / bins.step);
    bins.tooMany = !(count <= double(kMaxBins));
    bins.count = bins.tooMany ? 1 : std::max(1, int(count));
    return bins;
}

double quantile(std::vector<double>& values, double p) {
    if (values.empty()) return std::nan("");
    const double position = p * double(values.size() - 1);
    const auto below = size_t(std::floor(position));
    std::nth_element(values.begin(), values.begin() + qsizetype(below), values.end());
    const double low = values[below];
    if (below + 1 >= values.size()) return low;
    const double high = *std::min_element(values.begin() + qsizetype(below) + 1, values.end());
    return low + (high - low) * (position - double(below));
}

}  // namespace tessera::chartstats
