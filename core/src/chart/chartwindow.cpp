// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartwindow.h"

#include <tessera/host/chartplan.h>

#include <QVariantList>
#include <algorithm>
#include <cmath>

namespace tessera::chartwindow {

namespace {

namespace K = chartkey;

Column tailOf(const Column& c, qsizetype from) {
    const qsizetype n = c.size();
    std::vector<bool> missing(size_t(n - from));
    for (qsizetype r = from; r < n; ++r) missing[size_t(r - from)] = c.isMissing(r);
    switch (c.type()) {
        case ColumnType::Float64:
            return Column(c.name(),
                          std::vector<double>(c.numbers().begin() + from, c.numbers().end()));
        case ColumnType::Text:
            return Column(c.name(), c.text().mid(from));
        case ColumnType::Category:
            return Column::categories(c.name(), c.text().mid(from), std::move(missing));
        case ColumnType::Timestamp:
            return Column::timestamps(
                c.name(), std::vector<qint64>(c.integers().begin() + from, c.integers().end()),
                std::move(missing), c.timeZone());
        case ColumnType::Bool: {
            std::vector<bool> values(size_t(n - from));
            for (qsizetype r = from; r < n; ++r) values[size_t(r - from)] = c.integer(r) != 0;
            return Column::bools(c.name(), values, std::move(missing));
        }
        case ColumnType::Int64:
            return Column::int64s(
                c.name(), std::vector<qint64>(c.integers().begin() + from, c.integers().end()),
                std::move(missing));
    }
    return c;
}

}  // namespace

Column pick(const Column& c, const std::vector<qint32>& rows) {
    std::vector<bool> missing(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) missing[i] = c.isMissing(rows[i]);
    const auto integers = [&] {
        std::vector<qint64> out(rows.size());
        for (size_t i = 0; i < rows.size(); ++i) out[i] = c.integer(rows[i]);
        return out;
    };
    const auto text = [&] {
        QStringList out;
        out.reserve(qsizetype(rows.size()));
        for (qint32 r : rows) out.append(c.text()[r]);
        return out;
    };
    switch (c.type()) {
        case ColumnType::Float64: {
            const std::vector<double>& v = c.numbers();
            std::vector<double> out(rows.size());
            for (size_t i = 0; i < rows.size(); ++i) out[i] = v[size_t(rows[i])];
            return Column(c.name(), std::move(out));
        }
        case ColumnType::Text:
            return Column(c.name(), text());
        case ColumnType::Category:
            return Column::categories(c.name(), text(), std::move(missing));
        case ColumnType::Timestamp:
            return Column::timestamps(c.name(), integers(), std::move(missing), c.timeZone());
        case ColumnType::Int64:
            return Column::int64s(c.name(), integers(), std::move(missing));
        case ColumnType::Bool: {
            const std::vector<qint64> values = integers();
            return Column::bools(c.name(), std::vector<bool>(values.begin(), values.end()),
                                 std::move(missing));
        }
    }
    return c;
}

DataFrame tail(const DataFrame& data, qsizetype from) {
    if (from <= 0) return data;
    DataFrame out;
    for (const Column& c : data.columns()) out.add(tailOf(c, std::min(from, c.size())));
    return out;
}

DataFrame keep(const QVariantMap& spec, const DataFrame& data) {
    const qsizetype rows = data.rowCount();
    qsizetype from = 0;
    if (spec.contains(K::keepLastRows))
        from = std::max<qsizetype>(0, rows - spec.value(K::keepLastRows).toLongLong());
    if (spec.contains(K::keepLastSeconds)) {
        const QVariantMap first = spec.value(K::layers).toList().value(0).toMap();
        const QString field =
            first.value(K::encoding).toMap().value(K::x).toMap().value(K::field).toString();
        const Column* x = data.column(field);
        if (x && x->isNumeric() && rows > 0) {
            const std::vector<double>& v = x->numbers();
            double last = -INFINITY;
            for (double t : v)
                if (t > last) last = t;
            // Times are milliseconds; rows come in time order, so the window is a tail.
            const double cutoff = last - spec.value(K::keepLastSeconds).toDouble() * 1000;
            const auto at = std::find_if(v.begin(), v.end(), [&](double t) { return t >= cutoff; });
            from = std::max(from, qsizetype(at - v.begin()));
        }
    }
    return tail(data, from);
}

}  // namespace tessera::chartwindow
