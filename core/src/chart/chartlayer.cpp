// SPDX-License-Identifier: GPL-3.0-or-later
// One chart layer: resolve its channels against the data, check them against the mark, then
// pass rows through or group them, make series contiguous, stack, and describe its axes.
#include "chartlayer.h"
#include "chartkeys.h"
#include "chartwindow.h"

#include <tessera/enums.h>
#include <tessera/host/chartplan.h>

#include <QHash>
#include <QTimeZone>
#include <QVariantList>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace tessera::chartlayer {

namespace {

namespace K = chartkey;
using chartkeys::discreteKeys;
using chartkeys::Keys;
using chartstats::Bins;
using chartstats::Extent;

constexpr qint64 kMinMs = -62135596800000;  // 0001-01-01T00:00:00Z
constexpr qint64 kMaxMs = 253402300799999;  // 9999-12-31T23:59:59.999Z
/// Groups are counted in an array up to this many key combinations, else in a hash.
constexpr qint64 kDirectKeys = 16'000'000;

const QStringList kPositions{K::x, K::y, K::y2};

QStringList allowedChannels(Mark mark) {
    switch (mark) {
        case Mark::Line:
            return {K::x, K::y, K::color};
        case Mark::Area:
        case Mark::Bar:
            return {K::x, K::y, K::y2, K::color};
        case Mark::Point:
            return {K::x, K::y, K::color, K::size};
        case Mark::Rect:
            return {K::x, K::y, K::color};
        case Mark::Arc:
            return {K::theta, K::color};
        case Mark::Boxplot:
            return {K::x, K::y};
        case Mark::Errorband:
        case Mark::Errorbar:
            return {K::x, K::y, K::y2, K::color};
        case Mark::Rule:
            return {K::x, K::y, K::y2, K::color};
        case Mark::Text:
            return {K::x, K::y, K::text, K::color};
        case Mark::Candlestick:
            return {K::x, K::open, K::high, K::low, K::close};
    }
    return {};
}

QStringList requiredChannels(Mark mark) {
    switch (mark) {
        case Mark::Arc:
            return {K::theta, K::color};
        case Mark::Boxplot:
            return {K::y};
        case Mark::Rule:
            return {};
        case Mark::Text:
            return {K::x, K::y, K::text};
        case Mark::Candlestick:
            return {K::x, K::open, K::high, K::low, K::close};
        default:
            return {K::x, K::y};
    }
}

template <typename E>
QString names() {
    const QMetaEnum e = QMetaEnum::fromType<E>();
    QStringList list;
    for (int i = 0; i < e.keyCount(); ++i) list << enumName(E(e.value(i)));
    return list.join(QStringLiteral(", "));
}

/// One channel of the layer, resolved against the data.
struct Channel {
    QString name;
    QVariantMap enc;  ///< as given, completed as it is resolved
    const Column* column = nullptr;
    FieldType type = FieldType::Quantitative;
    std::optional<Aggregate> aggregate;
    bool constant = false;
    double value = 0;
    bool binned = false;
    Bins bins;
    Extent extent;  ///< of a continuous column's values

    bool discrete() const { return type == FieldType::Nominal || type == FieldType::Ordinal; }
    bool continuous() const { return !discrete(); }
    QString field() const { return enc.value(K::field).toString(); }
};

class LayerCompiler {
public:
    LayerCompiler(const QVariantMap& layer, const DataFrame& data, const QString& chartZone)
        : m_layer(layer), m_data(data), m_chartZone(chartZone) {}

    CompiledLayer run() {
        if (resolve() && checkRows() && checkMark() && transform()) {
            makeSeries();
            if (stack()) describe();
        }
        return std::move(m_out);
    }

private:
    bool fail(const QString& channel, const QString& reason) {
        m_out.error = channel.isEmpty() ? reason : channel + QStringLiteral(": ") + reason;
        return false;
    }
    Channel* channel(const QString& name) {
        auto it = m_channels.find(name);
        return it == m_channels.end() ? nullptr : &it.value();
    }
    bool has(const QString& name) const { return m_channels.contains(name); }
    /// The drawn column of `name`, which must be there.
    const Column& drawn(const QString& name) const { return m_out.columns.at(name); }
    QString markName() const { return enumName(m_mark); }

    // ---- resolving --------------------------------------------------------------------

    bool resolve() {
        const auto mark = enumFromName<Mark>(m_layer.value(K::mark).toString());
        if (!mark)
            return fail(K::mark, QStringLiteral("'%1' is not a mark (%2)")
                                     .arg(m_layer.value(K::mark).toString(), names<Mark>()));
        m_mark = *mark;
        const QStringList allowed = allowedChannels(m_mark);
        const QVariantMap encoding = m_layer.value(K::encoding).toMap();
        for (auto it = encoding.cbegin(); it != encoding.cend(); ++it) {
            if (!allowed.contains(it.key()))
                return fail(it.key(),
                            QStringLiteral("a %1 mark has no %2 channel (it takes %3)")
                                .arg(markName(), it.key(), allowed.join(QStringLiteral(", "))));
            Channel c;
            c.name = it.key();
            c.enc = it.value().toMap();
            if (!resolveChannel(c)) return false;
            m_channels.insert(c.name, c);
        }
        for (const QString& required : requiredChannels(m_mark))
            if (!has(required))
                return fail(
                    required,
                    QStringLiteral("a %1 mark needs a %2 channel").arg(markName(), required));
        if (m_mark == Mark::Rule && !has(K::x) && !has(K::y))
            return fail(K::y, QStringLiteral("a rule needs an x or a y"));
        const QVariantList tooltip = m_layer.value(K::tooltip).toList();
        for (qsizetype i = 0; i < tooltip.size(); ++i) {
            Channel c;
            c.name = K::tooltip + QString::number(i);
            c.enc = tooltip[i].toMap();
            if (!resolveChannel(c)) return false;
            if (c.constant || c.aggregate)
                return fail(c.name, QStringLiteral("a tooltip shows a column as it is"));
            m_tooltips.append(c);
        }
        const double inner = m_layer.value(K::innerRadius, 0.0).toDouble();
        if (!(inner >= 0 && inner <= 0.9))
            return fail(K::innerRadius, QStringLiteral("%1 is not between 0 and 0.9").arg(inner));
        return true;
    }

    bool resolveChannel(Channel& c) {
        if (c.enc.contains(K::value)) {
            bool ok = false;
            c.value = c.enc.value(K::value).toDouble(&ok);
            if (!ok || !std::isfinite(c.value))
                return fail(c.name, QStringLiteral("a constant must be a finite number"));
            if (m_mark != Mark::Rule || !kPositions.contains(c.name))
                return fail(c.name, QStringLiteral("only a rule's x, y and y2 may be constants"));
            c.constant = true;
            c.extent.add(c.value);
            return true;
        }
        if (c.enc.contains(K::aggregate)) {
            c.aggregate = enumFromName<Aggregate>(c.enc.value(K::aggregate).toString());
            if (!c.aggregate)
                return fail(c.name,
                            QStringLiteral("'%1' is not an aggregate (%2)")
                                .arg(c.enc.value(K::aggregate).toString(), names<Aggregate>()));
        }
        const QString field = c.field();
        if (field.isEmpty()) {
            if (c.aggregate != Aggregate::Count)
                return fail(c.name, QStringLiteral("no field given (only a count needs none)"));
        } else {
            c.column = m_data.column(field);
            if (!c.column) {
                QStringList columns;
                for (const Column& column : m_data.columns()) columns << column.name();
                return fail(c.name, QStringLiteral("no column '%1' (the data has %2)")
                                        .arg(field, columns.isEmpty()
                                                        ? QStringLiteral("no columns")
                                                        : columns.join(QStringLiteral(", "))));
            }
        }
        if (c.enc.contains(K::type)) {
            const auto type = enumFromName<FieldType>(c.enc.value(K::type).toString());
            if (!type)
                return fail(c.name, QStringLiteral("'%1' is not a field type (%2)")
                                        .arg(c.enc.value(K::type).toString(), names<FieldType>()));
            c.type = *type;
        } else if (!c.column || c.aggregate == Aggregate::Count) {
            c.type = FieldType::Quantitative;
        } else {
            switch (c.column->type()) {
                case ColumnType::Float64:
                case ColumnType::Int64:
                    c.type = FieldType::Quantitative;
                    break;
                case ColumnType::Timestamp:
                    c.type = FieldType::Temporal;
                    break;
                default:
                    c.type = FieldType::Nominal;
            }
        }
        c.enc.insert(K::type, enumName(c.type));
        if (c.aggregate && c.aggregate != Aggregate::Count && c.discrete())
            return fail(c.name, QStringLiteral("cannot take the %1 of %2 field '%3'")
                                    .arg(enumName(*c.aggregate), enumName(c.type), field));
        if (c.aggregate) c.type = FieldType::Quantitative;
        if (c.column && c.continuous() && c.aggregate != Aggregate::Count && !c.column->isNumeric())
            return fail(c.name, QStringLiteral("'%1' is text; a %2 field needs numbers (or make it "
                                               "nominal)")
                                    .arg(field, enumName(c.type)));
        if (c.enc.contains(K::scale)) {
            const auto scale = enumFromName<ScaleType>(c.enc.value(K::scale).toString());
            if (!scale)
                return fail(c.name, QStringLiteral("'%1' is not a scale (%2)")
                                        .arg(c.enc.value(K::scale).toString(), names<ScaleType>()));
            const bool fits = *scale == ScaleType::Band   ? c.discrete()
                              : *scale == ScaleType::Time ? c.type == FieldType::Temporal
                                                          : c.type == FieldType::Quantitative;
            if (!fits)
                return fail(c.name, QStringLiteral("a %1 scale does not fit a %2 field")
                                        .arg(enumName(*scale), enumName(c.type)));
        }
        if (c.enc.contains(K::stack) && !enumFromName<StackMode>(c.enc.value(K::stack).toString()))
            return fail(c.name, QStringLiteral("'%1' is not a stack (%2)")
                                    .arg(c.enc.value(K::stack).toString(), names<StackMode>()));
        if (c.enc.contains(K::bin) || c.enc.contains(K::binStep)) {
            if (!c.column || (c.type != FieldType::Quantitative && c.type != FieldType::Temporal))
                return fail(c.name,
                            QStringLiteral("only a quantitative or temporal field can be binned"));
            if (c.enc.value(K::bin, 20).toInt() < 1 || c.enc.value(K::binStep, 1.0).toDouble() <= 0)
                return fail(c.name, QStringLiteral("bins need a positive count or step"));
            c.binned = true;
        }
        const QString zone = c.enc.value(K::timeZone).toString();
        if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid())
            return fail(c.name, QStringLiteral("'%1' is not a known time zone").arg(zone));
        QString title = c.enc.value(K::title).toString();
        if (title.isEmpty())
            title = c.aggregate == Aggregate::Count && field.isEmpty() ? QStringLiteral("count")
                    : c.aggregate ? QStringLiteral("%1 of %2").arg(enumName(*c.aggregate), field)
                                  : field;
        c.enc.insert(K::title, title);
        return true;
    }

    /// Equal lengths, and finite numbers: times within years 1 to 9999, positive values on a
    /// log scale.
    bool checkRows() {
        qsizetype rows = -1;
        QString first;
        QList<Channel*> all;
        for (Channel& c : m_channels) all << &c;
        for (Channel& c : m_tooltips) all << &c;
        for (Channel* c : all) {
            if (!c->column) continue;
            if (rows < 0) {
                rows = c->column->size();
                first = c->column->name();
            } else if (c->column->size() != rows) {
                return fail(
                    QString(),
                    QStringLiteral("columns of different lengths: '%1' has %2 rows, '%3' has %4")
                        .arg(first)
                        .arg(rows)
                        .arg(c->column->name())
                        .arg(c->column->size()));
            }
        }
        m_rows = std::max<qsizetype>(rows, 0);
        for (Channel* c : all) {
            if (!c->column || !c->column->isNumeric() || c->discrete()) continue;
            const std::vector<double>& v = c->column->numbers();
            c->extent = chartstats::extentOf(v.data(), v.size());
            const auto findRow = [&](auto bad) {
                return std::find_if(v.begin(), v.end(), bad) - v.begin();
            };
            if (std::isinf(c->extent.lo) || std::isinf(c->extent.hi))
                return fail(c->name, QStringLiteral("'%1' has an infinite value (row %2)")
                                         .arg(c->field())
                                         .arg(findRow([](double x) { return std::isinf(x); })));
            if (c->binned && !c->extent.empty() && !std::isfinite(c->extent.hi - c->extent.lo))
                return fail(c->name, QStringLiteral("'%1' spans more than a number holds (%2 to "
                                                    "%3); bins need a narrower range")
                                         .arg(c->field())
                                         .arg(c->extent.lo)
                                         .arg(c->extent.hi));
            if (c->type == FieldType::Temporal && !c->extent.empty() &&
                (c->extent.lo < double(kMinMs) || c->extent.hi > double(kMaxMs)))
                return fail(c->name,
                            QStringLiteral("'%1' has a time out of range (row %2): times go "
                                           "from year 1 to 9999")
                                .arg(c->field())
                                .arg(findRow([](double x) {
                                    return x < double(kMinMs) || x > double(kMaxMs);
                                })));
            if (c->enc.value(K::scale) == enumName(ScaleType::Log) && !c->extent.empty() &&
                c->extent.lo <= 0)
                return fail(c->name,
                            QStringLiteral("a log scale needs positive values; '%1' has %2 "
                                           "(row %3)")
                                .arg(c->field())
                                .arg(c->extent.lo)
                                .arg(findRow([](double x) { return x <= 0; })));
        }
        return true;
    }

    // ---- the mark's needs -------------------------------------------------------------

    bool needQuantitative(const QString& name, const QString& what) {
        Channel* c = channel(name);
        if (!c || c->constant || c->type == FieldType::Quantitative) return true;
        return fail(name, QStringLiteral("%1 needs a quantitative field; '%2' is %3")
                              .arg(what, c->field(), enumName(c->type)));
    }

    bool checkMark() {
        Channel* x = channel(K::x);
        Channel* y = channel(K::y);
        Channel* color = channel(K::color);
        switch (m_mark) {
            case Mark::Line:
            case Mark::Area:
            case Mark::Errorband:
            case Mark::Errorbar:
                if (!needQuantitative(K::y, QStringLiteral("a %1's y").arg(markName())))
                    return false;
                break;
            case Mark::Bar:
                m_horizontal = y->discrete() && x->continuous() && !x->binned;
                if (x->discrete() && y->discrete())
                    return fail(K::y, QStringLiteral(
                                          "a bar needs one quantitative axis; x and y are both %1")
                                          .arg(enumName(y->type)));
                break;
            case Mark::Rect:
                for (Channel* c : {x, y})
                    if (c->continuous() && !c->binned)
                        return fail(c->name,
                                    QStringLiteral("a heatmap's %1 must be nominal, ordinal or "
                                                   "binned; '%2' is %3")
                                        .arg(c->name, c->field(), enumName(c->type)));
                if (!needQuantitative(K::color, QStringLiteral("a heatmap's color"))) return false;
                break;
            case Mark::Arc:
                if (!needQuantitative(K::theta, QStringLiteral("a slice's angle"))) return false;
                if (color->continuous())
                    return fail(K::color,
                                QStringLiteral("an arc's slices need a nominal or ordinal "
                                               "color; '%1' is %2")
                                    .arg(color->field(), enumName(color->type)));
                break;
            case Mark::Boxplot:
                if (!needQuantitative(K::y, QStringLiteral("a box plot's y"))) return false;
                if (x && x->continuous())
                    return fail(K::x,
                                QStringLiteral("a box plot's groups must be nominal or ordinal; "
                                               "'%1' is %2")
                                    .arg(x->field(), enumName(x->type)));
                break;
            case Mark::Candlestick:
                for (const QString& price : {K::open, K::high, K::low, K::close})
                    if (!needQuantitative(price, QStringLiteral("a candlestick's %1").arg(price)))
                        return false;
                break;
            default:
                break;
        }
        if (color && color->continuous() && m_mark != Mark::Rect && m_mark != Mark::Point)
            return fail(K::color,
                        QStringLiteral("a %1's color must be nominal or ordinal (series); '%2' "
                                       "is %3")
                            .arg(markName(), color->field(), enumName(color->type)));
        if (!needQuantitative(K::size, QStringLiteral("a point's size"))) return false;
        if (Channel* y2 = channel(K::y2); y2 && y && y2->type != y->type && !y2->constant)
            return fail(K::y2,
                        QStringLiteral("y2 must be of y's type (%1)").arg(enumName(y->type)));
        return true;
    }

    // ---- computing what is drawn ------------------------------------------------------

    bool grouped() const {
        if (m_mark == Mark::Rect || m_mark == Mark::Arc || m_mark == Mark::Boxplot) return true;
        if ((m_mark == Mark::Errorband || m_mark == Mark::Errorbar) && !m_channels.contains(K::y2))
            return true;
        for (const Channel& c : m_channels)
            if (c.aggregate || c.binned) return true;
        return false;
    }

    bool transform() { return grouped() ? group() : passThrough(); }

    bool passThrough() {
        for (Channel& c : m_channels) {
            if (c.constant) continue;
            if (c.discrete())
                m_out.columns.insert_or_assign(c.name, codeColumn(c));
            else
                m_out.columns.insert_or_assign(c.name, *c.column);
        }
        for (const Channel& c : m_tooltips) m_out.columns.insert_or_assign(c.name, *c.column);
        m_drawnRows = m_rows;
        return true;
    }

    /// A discrete channel's codes as numbers (NaN missing); its labels kept for the axis.
    Column codeColumn(Channel& c) {
        const Keys keys = discreteKeys(*c.column, c.type == FieldType::Ordinal);
        std::vector<double> codes(keys.row.size());
        for (size_t r = 0; r < codes.size(); ++r)
            codes[r] = keys.row[r] < 0 ? std::nan("") : double(keys.row[r]);
        m_labels.insert(c.name, keys.labels);
        return Column(c.name, std::move(codes));
    }

    /// The grouping keys of a dimension: codes, bins or distinct values.
    Keys dimensionKeys(Channel& c) {
        if (c.discrete()) {
            Keys keys = discreteKeys(*c.column, c.type == FieldType::Ordinal);
            m_labels.insert(c.name, keys.labels);
            return keys;
        }
        const std::vector<double>& v = c.column->numbers();
        if (!c.binned) {
            // Distinct numbers: their codes in ascending order, drawn as themselves.
            Keys keys = discreteKeys(*c.column, true);
            keys.labels.clear();
            std::vector<double> distinct(size_t(keys.cardinality));
            for (size_t r = 0; r < v.size(); ++r)
                if (keys.row[r] >= 0) distinct[size_t(keys.row[r])] = v[r];
            keys.values = std::move(distinct);
            return keys;
        }
        c.bins = chartstats::binsFor(c.extent, c.enc.value(K::bin, 20).toInt(),
                                     c.enc.value(K::binStep, 0.0).toDouble());
        Keys keys;
        keys.binned = &v;
        keys.bins = c.bins;
        keys.cardinality = c.bins.count;
        keys.values.resize(size_t(c.bins.count));
        for (int i = 0; i < c.bins.count; ++i)
            keys.values[size_t(i)] = c.bins.start + i * c.bins.step;
        return keys;
    }

    /// The channel that each group summarizes, and how, for this mark.
    QStringList measures() const {
        QStringList out;
        for (const Channel& c : m_channels)
            if (c.aggregate) out << c.name;
        switch (m_mark) {
            case Mark::Rect:
                if (!out.contains(K::color)) out << K::color;
                break;
            case Mark::Arc:
                if (!out.contains(K::theta)) out << K::theta;
                break;
            case Mark::Boxplot:
            case Mark::Errorband:
            case Mark::Errorbar:
                if (!out.contains(K::y)) out << K::y;
                break;
            default:
                break;
        }
        return out;
    }

    bool group() {
        const QStringList measured = measures();
        for (const QString& name : measured)
            if (!has(name)) {
                // A heatmap without a color counts its cells' rows.
                Channel count;
                count.name = name;
                count.aggregate = Aggregate::Count;
                count.enc = {{K::aggregate, enumName(Aggregate::Count)},
                             {K::type, enumName(FieldType::Quantitative)},
                             {K::title, QStringLiteral("count")}};
                m_channels.insert(name, count);
            }
        // Dimensions: color first, so that each series' rows come together.
        QList<Channel*> dims;
        for (const QString& name : {K::color, K::x, K::y, K::size, K::text})
            if (Channel* c = channel(name); c && !c->constant && !measured.contains(name))
                dims << c;
        std::vector<Keys> keys;
        qint64 combinations = 1;
        for (Channel* d : dims) {
            keys.push_back(dimensionKeys(*d));
            if (d->binned && d->bins.tooMany)
                return fail(d->name, QStringLiteral("bins of %1 make more than the %L2 bins a "
                                                    "chart draws")
                                         .arg(d->enc.value(K::binStep).toDouble())
                                         .arg(chartstats::kMaxBins));
            combinations *= std::max<qint64>(1, keys.back().cardinality);
            if (combinations > (qint64(1) << 40))
                return fail(d->name, QStringLiteral("too many groups to draw"));
        }
        if (m_mark == Mark::Rect && combinations > kMaxChartCells)
            return fail(QString(),
                        QStringLiteral("a heatmap of %L1 cells (%2 × %3) is more than the "
                                       "%L4 a chart draws; bin x or y")
                            .arg(combinations)
                            .arg(keys[0].cardinality)
                            .arg(keys[1].cardinality)
                            .arg(kMaxChartCells));
        if (combinations <= kDirectKeys &&
            std::all_of(measured.begin(), measured.end(),
                        [&](const QString& name) { return streams(*channel(name)); }))
            return groupStreaming(dims, keys, measured, combinations);
        // Each row's combined key, then each key's group, in key order.
        const size_t n = size_t(m_rows);
        std::vector<qint64> key(n);
        chartstats::forParts(n, [&](size_t begin, size_t end, int) {
            for (size_t r = begin; r < end; ++r) key[r] = chartkeys::combined(keys, r);
        });
        std::vector<qint64> groupKeys;
        std::vector<qint32> groupOf(n, -1);
        if (combinations <= kDirectKeys) {
            std::vector<qint32> slot(size_t(combinations), -1);
            for (qint64 k : key)
                if (k >= 0) slot[size_t(k)] = 0;
            for (size_t k = 0; k < slot.size(); ++k)
                if (slot[k] == 0) {
                    slot[k] = qint32(groupKeys.size());
                    groupKeys.push_back(qint64(k));
                }
            chartstats::forParts(n, [&](size_t begin, size_t end, int) {
                for (size_t r = begin; r < end; ++r)
                    if (key[r] >= 0) groupOf[r] = slot[size_t(key[r])];
            });
        } else {
            for (qint64 k : key)
                if (k >= 0) groupKeys.push_back(k);
            std::sort(groupKeys.begin(), groupKeys.end());
            groupKeys.erase(std::unique(groupKeys.begin(), groupKeys.end()), groupKeys.end());
            QHash<qint64, qint32> index;
            for (size_t g = 0; g < groupKeys.size(); ++g) index.insert(groupKeys[g], qint32(g));
            for (size_t r = 0; r < n; ++r)
                if (key[r] >= 0) groupOf[r] = index.value(key[r]);
        }
        const size_t groups = groupKeys.size();
        emitDimensions(dims, keys, groupKeys);
        for (const QString& name : measured) summarize(*channel(name), groupOf, groups);
        m_drawnRows = qsizetype(groups);
        return true;
    }

    /// The dimensions' drawn values per group (a binned one's bin ends too).
    void emitDimensions(const QList<Channel*>& dims, const std::vector<Keys>& keys,
                        const std::vector<qint64>& groupKeys) {
        const size_t groups = groupKeys.size();
        for (qsizetype d = dims.size(); d-- > 0;) {
            const Keys& k = keys[size_t(d)];
            std::vector<double> values(groups), ends;
            qint64 stride = 1;
            for (size_t e = size_t(d) + 1; e < keys.size(); ++e) stride *= keys[e].cardinality;
            for (size_t g = 0; g < groups; ++g)
                values[g] = k.values[size_t(groupKeys[g] / stride % k.cardinality)];
            if (dims[d]->binned) {
                ends = values;
                for (double& v : ends) v += dims[d]->bins.step;
                m_out.columns.insert_or_assign(dims[d]->name == K::x ? K::x2 : K::y2,
                                               Column(dims[d]->name, std::move(ends)));
                dims[d]->enc.insert(K::binStep, dims[d]->bins.step);
            }
            m_out.columns.insert_or_assign(dims[d]->name, Column(dims[d]->name, std::move(values)));
        }
    }

    /// The aggregate a measure summarizes its groups with.
    Aggregate aggregateOf(const Channel& c) const {
        return c.aggregate           ? *c.aggregate
               : !c.column           ? Aggregate::Count
               : m_mark == Mark::Arc ? Aggregate::Sum
                                     : Aggregate::Mean;
    }

    /// True when `c` summarizes in one pass, without keeping each group's values.
    bool streams(const Channel& c) const {
        if (!c.aggregate &&
            (m_mark == Mark::Boxplot || m_mark == Mark::Errorband || m_mark == Mark::Errorbar))
            return false;
        const Aggregate a = aggregateOf(c);
        return a != Aggregate::Median && a != Aggregate::Q1 && a != Aggregate::Q3;
    }

    /// Groups in one pass over the rows (two threads, each over its half, for many rows and
    /// few groups): per key combination, its rows and each measure's sum, count, min or max.
    bool groupStreaming(const QList<Channel*>& dims, const std::vector<Keys>& keys,
                        const QStringList& measured, qint64 combinations) {
        struct Sums {
            std::vector<double> rows;
            std::vector<std::vector<double>> value, count;  ///< per measure
        };
        const size_t n = size_t(m_rows), cells = size_t(combinations);
        std::vector<const Channel*> measures;
        std::vector<Aggregate> aggregates;
        std::vector<const std::vector<double>*> sources;
        for (const QString& name : measured) {
            const Channel* c = channel(name);
            measures.push_back(c);
            aggregates.push_back(aggregateOf(*c));
            sources.push_back(c->column && c->column->isNumeric() ? &c->column->numbers()
                                                                  : nullptr);
        }
        const auto accumulate = [&](Sums& sums, size_t begin, size_t end) {
            sums.rows.assign(cells, 0);
            sums.value.assign(measures.size(), {});
            sums.count.assign(measures.size(), {});
            for (size_t m = 0; m < measures.size(); ++m) {
                const bool extreme =
                    aggregates[m] == Aggregate::Min || aggregates[m] == Aggregate::Max;
                sums.value[m].assign(cells, extreme ? std::nan("") : 0.0);
                sums.count[m].assign(cells, 0);
            }
            for (size_t r = begin; r < end; ++r) {
                const qint64 k = chartkeys::combined(keys, r);
                if (k < 0) continue;
                sums.rows[size_t(k)] += 1;
                for (size_t m = 0; m < measures.size(); ++m) {
                    const double x = sources[m] ? (*sources[m])[r] : 0.0;
                    if (std::isnan(x)) continue;
                    double& value = sums.value[m][size_t(k)];
                    sums.count[m][size_t(k)] += 1;
                    switch (aggregates[m]) {
                        case Aggregate::Min:
                            value = std::isnan(value) || x < value ? x : value;
                            break;
                        case Aggregate::Max:
                            value = std::isnan(value) || x > value ? x : value;
                            break;
                        default:
                            value += x;
                    }
                }
            }
        };
        Sums parts[2];
        if (n >= (size_t(1) << 20) && cells * 8 < n)
            chartstats::forParts(n, [&](size_t begin, size_t end, int part) {
                accumulate(parts[part], begin, end);
            });
        else
            accumulate(parts[0], 0, n);
        Sums& sums = parts[0];
        if (!parts[1].rows.empty()) {
            for (size_t k = 0; k < cells; ++k) sums.rows[k] += parts[1].rows[k];
            for (size_t m = 0; m < measures.size(); ++m)
                for (size_t k = 0; k < cells; ++k) {
                    const double other = parts[1].value[m][k];
                    double& value = sums.value[m][k];
                    sums.count[m][k] += parts[1].count[m][k];
                    if (aggregates[m] == Aggregate::Min)
                        value = std::isnan(value) || other < value ? other : value;
                    else if (aggregates[m] == Aggregate::Max)
                        value = std::isnan(value) || other > value ? other : value;
                    else
                        value += other;
                }
        }
        std::vector<qint64> groupKeys;
        for (size_t k = 0; k < cells; ++k)
            if (sums.rows[k] > 0) groupKeys.push_back(qint64(k));
        emitDimensions(dims, keys, groupKeys);
        for (size_t m = 0; m < measures.size(); ++m) {
            std::vector<double> out(groupKeys.size());
            for (size_t g = 0; g < groupKeys.size(); ++g) {
                const size_t k = size_t(groupKeys[g]);
                const double count = sums.count[m][k];
                switch (aggregates[m]) {
                    case Aggregate::Count:
                        out[g] = count;
                        break;
                    case Aggregate::Mean:
                        out[g] = count > 0 ? sums.value[m][k] / count : std::nan("");
                        break;
                    default:
                        out[g] = sums.value[m][k];
                }
            }
            Channel* c = channel(measured[qsizetype(m)]);
            c->enc.insert(K::aggregate, enumName(aggregates[m]));
            m_out.columns.insert_or_assign(c->name, Column(c->name, std::move(out)));
        }
        m_drawnRows = qsizetype(groupKeys.size());
        return true;
    }

    /// The measure `c` per group: its aggregate, or the mark's statistics.
    void summarize(Channel& c, const std::vector<qint32>& groupOf, size_t groups) {
        const std::vector<double>* v =
            c.column && c.column->isNumeric() ? &c.column->numbers() : nullptr;
        const Aggregate aggregate = c.aggregate           ? *c.aggregate
                                    : !c.column           ? Aggregate::Count
                                    : m_mark == Mark::Arc ? Aggregate::Sum
                                                          : Aggregate::Mean;
        const size_t n = groupOf.size();
        if (m_mark == Mark::Boxplot && !c.aggregate) {
            boxStatistics(*v, groupOf, groups);
            return;
        }
        if ((m_mark == Mark::Errorband || m_mark == Mark::Errorbar) && c.name == K::y &&
            !c.aggregate) {
            // Mean ± one standard deviation.
            std::vector<double> sum(groups), squares(groups), count(groups);
            for (size_t r = 0; r < n; ++r) {
                const qint32 g = groupOf[r];
                const double x = (*v)[r];
                if (g < 0 || std::isnan(x)) continue;
                sum[size_t(g)] += x;
                squares[size_t(g)] += x * x;
                count[size_t(g)] += 1;
            }
            std::vector<double> low(groups), high(groups);
            for (size_t g = 0; g < groups; ++g) {
                const double mean = sum[g] / count[g];
                const double sd = std::sqrt(std::max(0.0, squares[g] / count[g] - mean * mean));
                low[g] = mean - sd;
                high[g] = mean + sd;
            }
            m_out.columns.insert_or_assign(K::y, Column(K::y, std::move(low)));
            m_out.columns.insert_or_assign(K::y2, Column(K::y2, std::move(high)));
            c.enc.insert(K::title,
                         c.enc.value(K::title).toString() + QStringLiteral(" (mean ± sd)"));
            return;
        }
        c.enc.insert(K::aggregate, enumName(aggregate));
        std::vector<double> out(groups, 0.0);
        switch (aggregate) {
            case Aggregate::Count:
                for (size_t r = 0; r < n; ++r)
                    if (groupOf[r] >= 0 && (!v || !std::isnan((*v)[r])))
                        out[size_t(groupOf[r])] += 1;
                break;
            case Aggregate::Sum:
            case Aggregate::Mean: {
                std::vector<double> count(groups);
                for (size_t r = 0; r < n; ++r) {
                    const double x = (*v)[r];
                    if (groupOf[r] < 0 || std::isnan(x)) continue;
                    out[size_t(groupOf[r])] += x;
                    count[size_t(groupOf[r])] += 1;
                }
                if (aggregate == Aggregate::Mean)
                    for (size_t g = 0; g < groups; ++g)
                        out[g] = count[g] > 0 ? out[g] / count[g] : std::nan("");
                break;
            }
            case Aggregate::Min:
            case Aggregate::Max: {
                const bool min = aggregate == Aggregate::Min;
                std::fill(out.begin(), out.end(), std::nan(""));
                for (size_t r = 0; r < n; ++r) {
                    const double x = (*v)[r];
                    if (groupOf[r] < 0 || std::isnan(x)) continue;
                    double& o = out[size_t(groupOf[r])];
                    if (std::isnan(o) || (min ? x < o : x > o)) o = x;
                }
                break;
            }
            case Aggregate::Median:
            case Aggregate::Q1:
            case Aggregate::Q3: {
                const double p = aggregate == Aggregate::Median ? 0.5
                                 : aggregate == Aggregate::Q1   ? 0.25
                                                                : 0.75;
                forEachGroup(*v, groupOf, groups, [&](size_t g, std::vector<double>& values) {
                    out[g] = chartstats::quantile(values, p);
                });
                break;
            }
        }
        m_out.columns.insert_or_assign(c.name, Column(c.name, std::move(out)));
    }

    /// Calls `fn(group, values)` with each group's values (NaN left out).
    template <typename Fn>
    void forEachGroup(const std::vector<double>& v, const std::vector<qint32>& groupOf,
                      size_t groups, Fn fn) {
        std::vector<size_t> start(groups + 1, 0);
        for (size_t r = 0; r < groupOf.size(); ++r)
            if (groupOf[r] >= 0 && !std::isnan(v[r])) ++start[size_t(groupOf[r]) + 1];
        std::partial_sum(start.begin(), start.end(), start.begin());
        std::vector<double> sorted(start.back());
        std::vector<size_t> at(start.begin(), start.end() - 1);
        for (size_t r = 0; r < groupOf.size(); ++r)
            if (groupOf[r] >= 0 && !std::isnan(v[r])) sorted[at[size_t(groupOf[r])]++] = v[r];
        for (size_t g = 0; g < groups; ++g) {
            std::vector<double> values(sorted.begin() + qsizetype(start[g]),
                                       sorted.begin() + qsizetype(start[g + 1]));
            fn(g, values);
        }
    }

    /// Quartiles, and whiskers at the furthest values within 1.5 interquartile ranges.
    void boxStatistics(const std::vector<double>& v, const std::vector<qint32>& groupOf,
                       size_t groups) {
        std::vector<double> lower(groups), q1(groups), median(groups), q3(groups), upper(groups);
        forEachGroup(v, groupOf, groups, [&](size_t g, std::vector<double>& values) {
            std::sort(values.begin(), values.end());
            q1[g] = chartstats::quantile(values, 0.25);
            median[g] = chartstats::quantile(values, 0.5);
            q3[g] = chartstats::quantile(values, 0.75);
            std::sort(values.begin(), values.end());
            const double reach = 1.5 * (q3[g] - q1[g]);
            lower[g] = upper[g] = std::nan("");
            for (double x : values)
                if (x >= q1[g] - reach) {
                    lower[g] = x;
                    break;
                }
            for (auto it = values.rbegin(); it != values.rend(); ++it)
                if (*it <= q3[g] + reach) {
                    upper[g] = *it;
                    break;
                }
        });
        m_out.columns.insert_or_assign(K::lower, Column(K::lower, std::move(lower)));
        m_out.columns.insert_or_assign(K::q1, Column(K::q1, std::move(q1)));
        m_out.columns.insert_or_assign(K::median, Column(K::median, std::move(median)));
        m_out.columns.insert_or_assign(K::q3, Column(K::q3, std::move(q3)));
        m_out.columns.insert_or_assign(K::upper, Column(K::upper, std::move(upper)));
    }

    // ---- series and stacks ------------------------------------------------------------

    /// Series by a discrete color: each one's rows together, in code order (a stable sort
    /// of passed-through rows), lines sorted by x.
    void makeSeries() {
        Channel* color = channel(K::color);
        const bool byColor = color && color->discrete() && m_mark != Mark::Rect;
        if (m_mark == Mark::Arc || m_mark == Mark::Rect || m_mark == Mark::Boxplot) {
            // One series; an arc's slices are named by the legend.
            if (m_mark == Mark::Arc) {
                const QStringList labels = m_labels.value(K::color);
                const std::vector<double>& codes = drawn(K::color).numbers();
                for (size_t i = 0; i < codes.size(); ++i)
                    m_out.series.append(QVariantMap{{K::label, labels.value(qsizetype(codes[i]))},
                                                    {K::start, qlonglong(i)},
                                                    {K::count, 1},
                                                    {K::color, -1}});
            } else {
                m_out.series.append(QVariantMap{
                    {K::label, layerName()}, {K::start, 0}, {K::count, qlonglong(m_drawnRows)}});
            }
            return;
        }
        const std::vector<qint32> order = seriesOrder(byColor);
        if (!order.empty()) gather(order);
        if (!byColor) {
            m_out.series.append(QVariantMap{
                {K::label, layerName()}, {K::start, 0}, {K::count, qlonglong(m_drawnRows)}});
            return;
        }
        const QStringList labels = m_labels.value(K::color);
        const std::vector<double>& codes = drawn(K::color).numbers();
        qsizetype start = 0;
        while (start < qsizetype(codes.size())) {
            qsizetype end = start;
            while (end < qsizetype(codes.size()) &&
                   (codes[size_t(end)] == codes[size_t(start)] ||
                    (std::isnan(codes[size_t(end)]) && std::isnan(codes[size_t(start)]))))
                ++end;
            if (!std::isnan(codes[size_t(start)]))
                m_out.series.append(
                    QVariantMap{{K::label, labels.value(qsizetype(codes[size_t(start)]))},
                                {K::start, qlonglong(start)},
                                {K::count, qlonglong(end - start)},
                                {K::color, -1}});
            start = end;
        }
    }

    QString layerName() const {
        const QString name = m_layer.value(K::name).toString();
        if (!name.isEmpty()) return name;
        for (const QString& c : {K::y, K::close, K::theta, K::x})
            if (auto it = m_channels.find(c); it != m_channels.end())
                return it->enc.value(K::title).toString();
        return markName();
    }

    /// The order rows must be drawn in, or empty when they are in order already.
    std::vector<qint32> seriesOrder(bool byColor) {
        const size_t n = size_t(m_drawnRows);
        std::vector<double> codes;
        if (byColor) codes = drawn(K::color).numbers();
        const bool sortX =
            (m_mark == Mark::Line || m_mark == Mark::Area || m_mark == Mark::Errorband) &&
            m_out.columns.count(K::x) > 0;
        const std::vector<double>* xs = sortX ? &drawn(K::x).numbers() : nullptr;
        bool inOrder = true;
        for (size_t r = 1; r < n && inOrder; ++r) {
            if (byColor) {
                const double a = codes[r - 1], b = codes[r];
                if (b < a || (std::isnan(a) && !std::isnan(b))) inOrder = false;
                if (a != b) continue;
            }
            if (xs && (*xs)[r] < (*xs)[r - 1]) inOrder = false;
        }
        if (inOrder || n == 0) return {};
        std::vector<qint32> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](qint32 a, qint32 b) {
            if (byColor) {
                const double ca = std::isnan(codes[size_t(a)]) ? 1e18 : codes[size_t(a)];
                const double cb = std::isnan(codes[size_t(b)]) ? 1e18 : codes[size_t(b)];
                if (ca != cb) return ca < cb;
            }
            return xs && (*xs)[size_t(a)] < (*xs)[size_t(b)];
        });
        return order;
    }

    void gather(const std::vector<qint32>& order) {
        for (auto& [channel, column] : m_out.columns) column = chartwindow::pick(column, order);
    }

    /// Bars and areas of one position, stacked: y (or x, across) becomes the top of each
    /// piece and y2 (x2) its base.
    bool stack() {
        if (m_mark != Mark::Bar && m_mark != Mark::Area) return true;
        const QString measure = m_horizontal ? K::x : K::y;
        const QString across = m_horizontal ? K::y : K::x;
        Channel* m = channel(measure);
        Channel* color = channel(K::color);
        StackMode mode = color && color->discrete() ? StackMode::Zero : StackMode::None;
        if (m->enc.contains(K::stack))
            mode = *enumFromName<StackMode>(m->enc.value(K::stack).toString());
        m->enc.insert(K::stack, enumName(mode));
        if (mode == StackMode::None) return true;
        if (has(K::y2) && !m_channels[K::y2].constant && !m_horizontal)
            return fail(K::y2, QStringLiteral("a stacked %1 makes its own y2").arg(markName()));
        const std::vector<double> v = drawn(measure).numbers();
        const std::vector<double>& at = drawn(across).numbers();
        QHash<double, double> up, down, total;
        if (mode == StackMode::Normalize)
            for (size_t r = 0; r < v.size(); ++r)
                if (!std::isnan(v[r])) total[at[r]] += std::abs(v[r]);
        std::vector<double> top(v.size()), base(v.size());
        for (size_t r = 0; r < v.size(); ++r) {
            double value = v[r];
            if (mode == StackMode::Normalize) {
                const double t = total.value(at[r]);
                value = t > 0 ? value / t : 0;
            }
            if (std::isnan(value)) {
                top[r] = base[r] = std::nan("");
                continue;
            }
            double& running = value >= 0 ? up[at[r]] : down[at[r]];
            base[r] = running;
            running += value;
            top[r] = running;
        }
        const QString end = m_horizontal ? K::x2 : K::y2;
        m_out.columns.insert_or_assign(measure, Column(measure, std::move(top)));
        m_out.columns.insert_or_assign(end, Column(end, std::move(base)));
        return true;
    }

    // ---- axes -------------------------------------------------------------------------

    QString zoneOf(const Channel& c) const {
        QString zone = c.enc.value(K::timeZone).toString();
        if (zone.isEmpty()) zone = m_chartZone;
        if (zone.isEmpty() && c.column) zone = c.column->timeZone();
        return zone.isEmpty() ? QStringLiteral("UTC") : zone;
    }

    void describeAxis(AxisUse& axis, Channel& c, const QStringList& extentChannels) {
        axis.used = true;
        axis.band = c.discrete() && !c.constant;
        QVariantMap spec;
        for (const QString& key : {K::title, K::format, K::ticks, K::domain, K::nice, K::type})
            if (c.enc.contains(key)) spec.insert(key, c.enc.value(key));
        ScaleType scale = axis.band                       ? ScaleType::Band
                          : c.type == FieldType::Temporal ? ScaleType::Time
                                                          : ScaleType::Linear;
        if (c.enc.contains(K::scale))
            scale = *enumFromName<ScaleType>(c.enc.value(K::scale).toString());
        spec.insert(K::scale, enumName(scale));
        if (c.type == FieldType::Temporal) {
            spec.insert(K::timeZone, zoneOf(c));
            c.enc.insert(K::timeZone, zoneOf(c));
        }
        axis.spec = spec;
        if (axis.band) {
            axis.labels = m_labels.value(c.name);
            axis.codeChannels << c.name;
            return;
        }
        for (const QString& name : extentChannels) {
            if (const Channel* k = channel(name); k && k->constant) axis.extent.add(k->value);
            const auto it = m_out.columns.find(name);
            if (it == m_out.columns.end() || !it->second.isNumeric()) continue;
            const std::vector<double>& v = it->second.numbers();
            axis.extent.add(chartstats::extentOf(v.data(), v.size()));
        }
        const bool fromZero = (m_mark == Mark::Bar || m_mark == Mark::Area) &&
                              c.name == (m_horizontal ? K::x : K::y) && !c.binned;
        axis.zero = c.enc.value(K::zero, fromZero).toBool();
    }

    void describe() {
        Channel* x = channel(K::x);
        Channel* y = channel(K::y);
        if (m_mark == Mark::Candlestick) y = channel(K::close);
        if (x) describeAxis(m_out.xAxis, *x, {K::x, K::x2});
        if (y) {
            const bool right = y->enc.value(K::axis) == K::right;
            describeAxis(right ? m_out.yRightAxis : m_out.yAxis, *y,
                         {K::y, K::y2, K::lower, K::upper, K::open, K::high, K::low, K::close});
        }
        if (Channel* color = channel(K::color); color && color->continuous()) {
            const Column& c = drawn(K::color);
            const Extent e = chartstats::extentOf(c.numbers().data(), c.numbers().size());
            m_out.colorScale = {
                {K::title, color->enc.value(K::title)},
                {K::domain, QVariantList{e.empty() ? 0.0 : e.lo, e.empty() ? 1.0 : e.hi}}};
        }
        QVariantMap spec;
        for (const QString& key : {K::mark, K::name, K::innerRadius})
            if (m_layer.contains(key)) spec.insert(key, m_layer.value(key));
        QVariantMap encoding;
        for (const Channel& c : m_channels) {
            QVariantMap enc = c.enc;
            if (m_labels.contains(c.name)) enc.insert(K::labels, m_labels.value(c.name));
            encoding.insert(c.name, enc);
        }
        spec.insert(K::encoding, encoding);
        QVariantList tooltips;
        for (const Channel& c : m_tooltips) tooltips.append(c.enc);
        if (!tooltips.isEmpty()) spec.insert(K::tooltip, tooltips);
        spec.insert(K::rows, qlonglong(m_drawnRows));
        if (m_horizontal) spec.insert(K::horizontal, true);
        m_out.spec = spec;
    }

    const QVariantMap& m_layer;
    const DataFrame& m_data;
    const QString& m_chartZone;
    Mark m_mark = Mark::Line;
    QMap<QString, Channel> m_channels;
    QList<Channel> m_tooltips;
    QHash<QString, QStringList> m_labels;  ///< of each discrete channel, by name
    qsizetype m_rows = 0;
    qsizetype m_drawnRows = 0;
    bool m_horizontal = false;
    CompiledLayer m_out;
};

}  // namespace

CompiledLayer compileLayer(int, const QVariantMap& layer, const DataFrame& data,
                           const QString& chartZone) {
    return LayerCompiler(layer, data, chartZone).run();
}

}  // namespace tessera::chartlayer
