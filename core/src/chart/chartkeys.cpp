// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartkeys.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace tessera::chartkeys {

namespace {

using chartstats::Extent;

/// Codes of whole numbers in a range of at most a few million (hours, years, ids), by a
/// table indexed by value: no sort, no hash. False (and `keys` untouched) for other numbers.
bool wholeNumberKeys(const Column& column, Keys* keys) {
    constexpr double kMaxRange = 4'000'000;
    const std::vector<double>& v = column.numbers();
    const Extent e = chartstats::extentOf(v.data(), v.size());
    if (e.empty() || e.hi - e.lo >= kMaxRange || e.lo != std::floor(e.lo)) return false;
    std::vector<qint32> codeOf(size_t(e.hi - e.lo) + 1, -1);
    std::vector<qsizetype> firstRow(codeOf.size(), -1);
    for (size_t r = 0; r < v.size(); ++r) {
        const double x = v[r];
        if (std::isnan(x)) continue;
        if (x != std::floor(x)) return false;
        const size_t at = size_t(x - e.lo);
        if (firstRow[at] < 0) firstRow[at] = qsizetype(r);
    }
    for (size_t at = 0; at < codeOf.size(); ++at)
        if (firstRow[at] >= 0) {
            codeOf[at] = qint32(keys->labels.size());
            keys->labels << column.display(firstRow[at]);
        }
    keys->row.resize(v.size());
    for (size_t r = 0; r < v.size(); ++r)
        keys->row[r] = std::isnan(v[r]) ? -1 : codeOf[size_t(v[r] - e.lo)];
    return true;
}

/// Discrete codes of `column` (a code per row, -1 missing) and their labels: a category's
/// own, text's in first-come order (sorted for ordinal), numbers' in ascending order.
}  // namespace

Keys discreteKeys(const Column& column, bool sortLabels) {
    Keys keys;
    const qsizetype n = column.size();
    keys.row.resize(size_t(n));
    if (column.type() == ColumnType::Category && !sortLabels) {
        keys.labels = column.categoryLabels();
        for (qsizetype r = 0; r < n; ++r) keys.row[size_t(r)] = column.categoryCode(r);
    } else if (!column.isNumeric()) {
        QHash<QString, qint32> index;
        const QStringList& text = column.text();
        for (qsizetype r = 0; r < n; ++r) {
            if (column.isMissing(r)) {
                keys.row[size_t(r)] = -1;
                continue;
            }
            auto it = index.constFind(text[r]);
            if (it == index.constEnd()) {
                it = index.insert(text[r], qint32(keys.labels.size()));
                keys.labels.append(text[r]);
            }
            keys.row[size_t(r)] = it.value();
        }
        if (sortLabels) {
            QStringList sorted = keys.labels;
            std::sort(sorted.begin(), sorted.end());
            std::vector<qint32> to(size_t(keys.labels.size()));
            for (qsizetype i = 0; i < keys.labels.size(); ++i)
                to[size_t(i)] = qint32(sorted.indexOf(keys.labels[i]));
            for (qint32& k : keys.row)
                if (k >= 0) k = to[size_t(k)];
            keys.labels = sorted;
        }
    } else if (!wholeNumberKeys(column, &keys)) {
        const std::vector<double>& v = column.numbers();
        std::vector<double> distinct;
        for (qsizetype r = 0; r < n; ++r)
            if (!std::isnan(v[size_t(r)]) && !column.isMissing(r)) distinct.push_back(v[size_t(r)]);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        QHash<double, qint32> index;
        for (size_t i = 0; i < distinct.size(); ++i) index.insert(distinct[i], qint32(i));
        std::vector<qsizetype> firstRow(distinct.size(), -1);
        for (qsizetype r = 0; r < n; ++r) {
            const double x = v[size_t(r)];
            const qint32 k = std::isnan(x) || column.isMissing(r) ? -1 : index.value(x);
            keys.row[size_t(r)] = k;
            if (k >= 0 && firstRow[size_t(k)] < 0) firstRow[size_t(k)] = r;
        }
        for (qsizetype r : firstRow) keys.labels << column.display(r);
    }
    keys.cardinality = qint32(keys.labels.size());
    keys.values.resize(size_t(keys.cardinality));
    std::iota(keys.values.begin(), keys.values.end(), 0.0);
    return keys;
}

}  // namespace tessera::chartkeys
