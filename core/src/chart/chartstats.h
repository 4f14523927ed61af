// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The statistics a chart computes: extents, nice ticks, bins and quantiles. Loops over many
// values run on two threads (the run's and one more), each over its half.

#include <cstddef>
#include <functional>
#include <limits>
#include <vector>

namespace tessera::chartstats {

/// The smallest and largest of some values; empty when there were none (or only NaN).
struct Extent {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    bool empty() const { return lo > hi; }
    void add(double v) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    void add(const Extent& e) {
        if (e.lo < lo) lo = e.lo;
        if (e.hi > hi) hi = e.hi;
    }
};

/// Calls `body(begin, end, part)` over [0, n) in one part, or two parts on two threads when n
/// is large; returns the number of parts.
int forParts(size_t n, const std::function<void(size_t, size_t, int)>& body);

/// The extent of `values` (NaN skipped).
Extent extentOf(const double* values, size_t n);

/// A round step (1, 2 or 5 times a power of ten) that cuts `span` into about `ticks` parts.
double niceStep(double span, int ticks);

/// Bins of equal width: bin i holds [start + i·step, start + (i+1)·step).
/// The most bins a chart makes.
inline constexpr int kMaxBins = 1'000'000;

struct Bins {
    double start = 0;
    double step = 1;
    int count = 1;
    bool tooMany = false;       ///< the step asked for would make more than kMaxBins
    int index(double v) const;  ///< the bin of `v` (the last bin holds its upper end); -1: none
};

/// Bins over `extent`: at most `maxBins` of them with a nice step, or of width `step` if > 0.
Bins binsFor(const Extent& extent, int maxBins, double step);

/// The `p` quantile (0 to 1) of `values`, interpolated between neighbours; `values` is
/// reordered. NaN when empty.
double quantile(std::vector<double>& values, double p);

}  // namespace tessera::chartstats
