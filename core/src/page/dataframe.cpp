// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/dataframe.h>

#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>

namespace tessera {

namespace {
const std::vector<double> kNoNumbers;
const QStringList kNoText;
/// A column with more parts than this has its newest parts joined when rows are added, so that
/// reading a cell stays quick and a long stream of small additions costs little memory.
constexpr size_t kMaxParts = 64;

using NumberParts = std::vector<std::shared_ptr<const std::vector<double>>>;

std::shared_ptr<const std::vector<double>> joined(NumberParts::const_iterator begin,
                                                  NumberParts::const_iterator end) {
    auto whole = std::make_shared<std::vector<double>>();
    for (auto it = begin; it != end; ++it)
        whole->insert(whole->end(), (*it)->begin(), (*it)->end());
    return whole;
}

/// Joins the newest parts, as long as they hold fewer rows than the parts before them: the
/// large first buffer of a stream is not copied again for every few rows added.
void compact(NumberParts& parts) {
    if (parts.size() <= kMaxParts) return;
    size_t total = 0;
    for (const auto& p : parts) total += p->size();
    size_t begin = parts.size() - 1, tail = parts.back()->size();
    while (begin > 1 && 2 * (tail + parts[begin - 1]->size()) <= total)
        tail += parts[--begin]->size();
    if (begin + 1 >= parts.size()) begin = 0;  // nothing small to join: join everything
    auto merged = joined(parts.begin() + std::ptrdiff_t(begin), parts.end());
    parts.erase(parts.begin() + std::ptrdiff_t(begin), parts.end());
    parts.push_back(std::move(merged));
}
}  // namespace

/// The numbers of a column that is not one plain buffer: either Float64 in parts (the
/// buffers of a column and of the rows added to it, in order), or a column of integers
/// (Int64, Bool as 0/1, Timestamp in ms) that reads as numbers too.
struct Column::Parts {
    NumberParts buffers;
    std::vector<size_t> ends;  ///< the row after each part
    ColumnType type = ColumnType::Float64;
    std::vector<qint64> integers;  ///< when type is not Float64
    std::vector<bool> missing;     ///< one flag per integer, or empty (none missing)
    QString timeZone;              ///< of a Timestamp column
    mutable std::once_flag joinOnce;
    mutable std::shared_ptr<const std::vector<double>> joinedAll;

    explicit Parts(NumberParts parts) : buffers(std::move(parts)) {
        size_t end = 0;
        for (const auto& b : buffers) ends.push_back(end += b->size());
    }
    Parts(ColumnType t, std::vector<qint64> values, std::vector<bool> gaps, QString zone)
        : type(t),
          integers(std::move(values)),
          missing(std::move(gaps)),
          timeZone(std::move(zone)) {
        if (missing.size() > integers.size()) missing.resize(integers.size());
        if (!missing.empty()) missing.resize(integers.size(), false);
        for (size_t i = 0; i < missing.size(); ++i)
            if (missing[i]) integers[i] = 0;
    }
    bool typed() const { return type != ColumnType::Float64; }
    size_t size() const { return typed() ? integers.size() : ends.empty() ? 0 : ends.back(); }
    bool isMissing(size_t row) const { return row < missing.size() && missing[row]; }
    double at(size_t row) const {
        if (typed())
            return isMissing(row) ? std::numeric_limits<double>::quiet_NaN()
                                  : double(integers[row]);
        const size_t part = size_t(std::upper_bound(ends.begin(), ends.end(), row) - ends.begin());
        const size_t begin = part == 0 ? 0 : ends[part - 1];
        return (*buffers[part])[row - begin];
    }
    const std::vector<double>& all() const {
        std::call_once(joinOnce, [this] {
            if (!typed()) {
                joinedAll = joined(buffers.begin(), buffers.end());
                return;
            }
            auto numbers = std::make_shared<std::vector<double>>(integers.size());
            for (size_t i = 0; i < integers.size(); ++i) (*numbers)[i] = at(i);
            joinedAll = std::move(numbers);
        });
        return *joinedAll;
    }
};

/// A Category column: the text of every row (what readers of text columns see), and the
/// same as codes into its labels. The text buffer of the column points at `rows`; the
/// deleter's type tells such a buffer from a plain one.
struct Column::Categories {
    QStringList rows;  ///< first: the column's text buffer points here
    QStringList labels;
    std::vector<qint32> codes;  ///< -1: missing
};

namespace {
struct CategoriesDeleter {
    template <class T>
    void operator()(const T* categories) const {
        delete categories;
    }
};
}  // namespace

const Column::Categories* Column::categories() const {
    if (!m_text || !std::get_deleter<CategoriesDeleter>(m_text)) return nullptr;
    static_assert(std::is_standard_layout_v<Categories>);
    return reinterpret_cast<const Categories*>(m_text.get());
}

Column Column::int64s(QString name, std::vector<qint64> values, std::vector<bool> missing) {
    return Column(std::move(name),
                  std::make_shared<const Parts>(ColumnType::Int64, std::move(values),
                                                std::move(missing), QString()));
}

Column Column::bools(QString name, const std::vector<bool>& values, std::vector<bool> missing) {
    std::vector<qint64> integers(values.begin(), values.end());
    return Column(std::move(name),
                  std::make_shared<const Parts>(ColumnType::Bool, std::move(integers),
                                                std::move(missing), QString()));
}

Column Column::timestamps(QString name, std::vector<qint64> msSinceEpoch, std::vector<bool> missing,
                          QString timeZone) {
    if (!timeZone.isEmpty() && !QTimeZone(timeZone.toUtf8()).isValid()) timeZone.clear();
    return Column(std::move(name),
                  std::make_shared<const Parts>(ColumnType::Timestamp, std::move(msSinceEpoch),
                                                std::move(missing), std::move(timeZone)));
}

Column Column::timestamps(QString name, const QList<QDateTime>& times, QString timeZone) {
    std::vector<qint64> ms(size_t(times.size()));
    std::vector<bool> missing(size_t(times.size()), false);
    for (qsizetype i = 0; i < times.size(); ++i) {
        if (times[i].isValid())
            ms[size_t(i)] = times[i].toMSecsSinceEpoch();
        else
            missing[size_t(i)] = true;
    }
    return timestamps(std::move(name), std::move(ms), std::move(missing), std::move(timeZone));
}

Column Column::categories(QString name, const QStringList& values, std::vector<bool> missing) {
    auto* c = new Categories;
    c->codes.reserve(size_t(values.size()));
    QHash<QString, qint32> index;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (size_t(i) < missing.size() && missing[size_t(i)]) {
            c->rows.append(QString());
            c->codes.push_back(-1);
            continue;
        }
        auto it = index.constFind(values[i]);
        if (it == index.constEnd()) {
            it = index.insert(values[i], qint32(c->labels.size()));
            c->labels.append(values[i]);
        }
        c->rows.append(c->labels[*it]);  // shares the label's text
        c->codes.push_back(*it);
    }
    const std::shared_ptr<const Categories> owner(c, CategoriesDeleter{});
    Column column(std::move(name), QStringList());
    column.m_text = std::shared_ptr<const QStringList>(owner, &owner->rows);
    return column;
}

ColumnType Column::type() const {
    if (m_parts) return m_parts->type;
    if (m_numbers) return ColumnType::Float64;
    return categories() ? ColumnType::Category : ColumnType::Text;
}

bool Column::isMissing(qsizetype row) const {
    if (row < 0 || row >= size()) return false;
    if (m_parts && m_parts->typed()) return m_parts->isMissing(size_t(row));
    if (isNumeric()) return std::isnan(number(row));
    const Categories* c = categories();
    return c && c->codes[size_t(row)] < 0;
}

qint64 Column::integer(qsizetype row) const {
    if (!m_parts || !m_parts->typed() || row < 0 || row >= size()) return 0;
    return m_parts->integers[size_t(row)];
}

const std::vector<qint64>& Column::integers() const {
    static const std::vector<qint64> none;
    return m_parts && m_parts->typed() ? m_parts->integers : none;
}

QString Column::timeZone() const {
    return m_parts ? m_parts->timeZone : QString();
}

QStringList Column::categoryLabels() const {
    const Categories* c = categories();
    return c ? c->labels : QStringList();
}

qint32 Column::categoryCode(qsizetype row) const {
    const Categories* c = categories();
    return c && row >= 0 && row < size() ? c->codes[size_t(row)] : -1;
}

Column::Column(QString name, std::vector<double> numbers)
    : m_name(std::move(name)),
      m_numbers(std::make_shared<const std::vector<double>>(std::move(numbers))) {}

Column::Column(QString name, QStringList text)
    : m_name(std::move(name)), m_text(std::make_shared<const QStringList>(std::move(text))) {}

Column::Column(QString name, std::shared_ptr<const std::vector<double>> numbers)
    : m_name(std::move(name)), m_numbers(std::move(numbers)) {}

Column::Column(QString name, std::shared_ptr<const Parts> parts)
    : m_name(std::move(name)), m_parts(std::move(parts)) {}

qsizetype Column::size() const {
    if (m_numbers) return qsizetype(m_numbers->size());
    if (m_parts) return qsizetype(m_parts->size());
    return m_text ? m_text->size() : 0;
}

double Column::number(qsizetype row) const {
    if (!isNumeric() || row < 0 || row >= size()) return std::numeric_limits<double>::quiet_NaN();
    return m_numbers ? (*m_numbers)[size_t(row)] : m_parts->at(size_t(row));
}

QString Column::display(qsizetype row) const {
    if (row < 0 || row >= size()) return {};
    if (m_text) return (*m_text)[row];
    if (m_parts && m_parts->typed()) {
        if (m_parts->isMissing(size_t(row))) return QStringLiteral("—");
        const qint64 v = m_parts->integers[size_t(row)];
        switch (m_parts->type) {
            case ColumnType::Bool:
                return v ? QStringLiteral("true") : QStringLiteral("false");
            case ColumnType::Timestamp: {
                const QTimeZone zone = m_parts->timeZone.isEmpty()
                                           ? QTimeZone::utc()
                                           : QTimeZone(m_parts->timeZone.toUtf8());
                const QDateTime t = QDateTime::fromMSecsSinceEpoch(v, zone);
                return t.toString(v % 1000 ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")
                                           : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            }
            default:
                return QString::number(v);
        }
    }
    const double v = number(row);
    if (std::isnan(v)) return QStringLiteral("—");
    if (v == std::floor(v) && std::fabs(v) < 1e15) return QString::number(qint64(v));
    return QString::number(v, 'g', 6);
}

const std::vector<double>& Column::numbers() const {
    if (m_parts) return m_parts->all();
    return m_numbers ? *m_numbers : kNoNumbers;
}
const QStringList& Column::text() const {
    return m_text ? *m_text : kNoText;
}
std::shared_ptr<const void> Column::bufferOwner() const {
    if (m_numbers) return m_numbers;
    if (m_parts) return m_parts;
    return m_text;
}

const void* Column::buffer() const {
    if (m_numbers) return m_numbers.get();
    if (m_parts) return m_parts.get();
    return m_text.get();
}

std::vector<std::shared_ptr<const std::vector<double>>> Column::numberParts() const {
    if (m_parts) return m_parts->buffers;
    return {m_numbers ? m_numbers : std::make_shared<const std::vector<double>>()};
}

Column Column::renamed(QString name) const {
    Column copy = *this;
    copy.m_name = std::move(name);
    return copy;
}

Column Column::withRows(const Column& more) const {
    if (const Categories* c = categories()) {
        std::vector<bool> missing(size_t(size() + more.size()), false);
        for (qsizetype i = 0; i < size(); ++i) missing[size_t(i)] = c->codes[size_t(i)] < 0;
        for (qsizetype i = 0; i < more.size(); ++i) missing[size_t(size() + i)] = more.isMissing(i);
        return categories(m_name, text() + more.text(), std::move(missing));
    }
    if (!isNumeric()) return Column(m_name, text() + more.text());
    if (m_parts && m_parts->typed()) {
        std::vector<qint64> values = m_parts->integers;
        std::vector<bool> missing(values.size(), false);
        for (size_t i = 0; i < values.size(); ++i) missing[i] = m_parts->isMissing(i);
        for (qsizetype i = 0; i < more.size(); ++i) {
            values.push_back(more.integer(i));
            missing.push_back(more.isMissing(i));
        }
        return Column(m_name, std::make_shared<const Parts>(m_parts->type, std::move(values),
                                                            std::move(missing), m_parts->timeZone));
    }
    auto parts = numberParts();
    for (auto& part : more.numberParts())
        if (!part->empty()) parts.push_back(std::move(part));
    compact(parts);
    if (parts.size() == 1) return Column(m_name, parts.front());
    return Column(m_name, std::make_shared<const Parts>(std::move(parts)));
}

DataFrame& DataFrame::add(QString name, std::vector<double> numbers) {
    return add(Column(std::move(name), std::move(numbers)));
}

DataFrame& DataFrame::add(QString name, QStringList text) {
    return add(Column(std::move(name), std::move(text)));
}

DataFrame& DataFrame::add(Column column) {
    m_columns.append(std::move(column));
    return *this;
}

const Column* DataFrame::column(const QString& name) const {
    for (const Column& c : m_columns)
        if (c.name() == name) return &c;
    return nullptr;
}

qsizetype DataFrame::rowCount() const {
    qsizetype rows = 0;
    for (const Column& c : m_columns) rows = std::max(rows, c.size());
    return rows;
}

bool Column::sameValues(const Column& other) const {
    if (m_name != other.m_name || type() != other.type()) return false;
    if (buffer() == other.buffer()) return true;
    if (m_text) return *m_text == *other.m_text && categoryLabels() == other.categoryLabels();
    if (m_parts && m_parts->typed()) {
        const Parts& a = *m_parts;
        const Parts& b = *other.m_parts;
        if (a.integers != b.integers || a.timeZone != b.timeZone) return false;
        for (size_t i = 0; i < a.integers.size(); ++i)
            if (a.isMissing(i) != b.isMissing(i)) return false;
        return true;
    }
    if (size() != other.size()) return false;
    const std::vector<double>& a = numbers();
    const std::vector<double>& b = other.numbers();
    // Bytes, not ==: NaN equals itself here, and -0.0 differs from 0.0 as it would on screen.
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

bool DataFrame::sameValues(const DataFrame& other) const {
    if (m_columns.size() != other.m_columns.size()) return false;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        if (!m_columns[i].sameValues(other.m_columns[i])) return false;
    return true;
}

bool DataFrame::sharesBuffersWith(const DataFrame& other) const {
    if (m_columns.size() != other.m_columns.size()) return false;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].name() != other.m_columns[i].name() ||
            m_columns[i].buffer() != other.m_columns[i].buffer())
            return false;
    }
    return true;
}

QString DataFrame::rowsProblem(const DataFrame& rows) const {
    auto describe = [](const DataFrame& f) {
        QStringList names;
        for (const Column& c : f.m_columns)
            names << (c.isNumeric() ? c.name() : QStringLiteral("%1 (text)").arg(c.name()));
        return names.isEmpty() ? QStringLiteral("none") : names.join(u", ");
    };
    bool fits = rows.m_columns.size() == m_columns.size();
    for (const Column& c : m_columns) {
        const Column* other = rows.column(c.name());
        fits = fits && other && other->type() == c.type();
    }
    if (fits) return {};
    return QStringLiteral("the rows have the columns %1, the data has %2")
        .arg(describe(rows), describe(*this));
}

DataFrame DataFrame::withRows(const DataFrame& rows) const {
    DataFrame result;
    for (const Column& c : m_columns) {
        const Column* more = rows.column(c.name());
        if (!more || more->type() != c.type()) {
            result.add(c);
            continue;
        }
        result.add(c.withRows(*more));
    }
    return result;
}

}  // namespace tessera
