// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The keys a chart groups rows by: a code per row for each grouping channel (a category's,
// text's, whole numbers' or distinct numbers'), or bins computed from the values.

#include <tessera/dataframe.h>

#include "chartstats.h"

#include <QStringList>
#include <vector>

namespace tessera::chartkeys {

/// Per-row keys of a grouping channel: codes in [0, cardinality), -1 when missing. A binned
/// channel's are computed from its values when asked for, not kept per row.
struct Keys {
    std::vector<qint32> row;
    qint32 cardinality = 0;
    std::vector<double> values;  ///< the drawn value of each code (a code, bin start, number)
    QStringList labels;          ///< of a discrete channel
    const std::vector<double>* binned = nullptr;  ///< the values a binned channel's codes come from
    chartstats::Bins bins;

    qint32 code(size_t r) const { return binned ? bins.index((*binned)[r]) : row[r]; }
};

/// Row `r`'s key across `keys` (the first most significant), or -1 when any is missing.
inline qint64 combined(const std::vector<Keys>& keys, size_t r) {
    qint64 k = 0;
    for (const Keys& d : keys) {
        const qint32 code = d.code(r);
        if (code < 0) return -1;
        k = k * d.cardinality + code;
    }
    return k;
}

/// Discrete codes of `column` (a code per row, -1 missing) and their labels: a category's
/// own, text's in first-come order (sorted when `sortLabels`), numbers' in ascending order.
Keys discreteKeys(const Column& column, bool sortLabels);

}  // namespace tessera::chartkeys
