// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/dataframe.h>

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

/// Numbers in parts: the buffers of a column and of the rows added to it, in order.
struct Column::Parts {
    NumberParts buffers;
    std::vector<size_t> ends;  ///< the row after each part
    mutable std::once_flag joinOnce;
    mutable std::shared_ptr<const std::vector<double>> joinedAll;

    explicit Parts(NumberParts parts) : buffers(std::move(parts)) {
        size_t end = 0;
        for (const auto& b : buffers) ends.push_back(end += b->size());
    }
    size_t size() const { return ends.empty() ? 0 : ends.back(); }
    double at(size_t row) const {
        const size_t part = size_t(std::upper_bound(ends.begin(), ends.end(), row) - ends.begin());
        const size_t begin = part == 0 ? 0 : ends[part - 1];
        return (*buffers[part])[row - begin];
    }
    const std::vector<double>& all() const {
        std::call_once(joinOnce, [this] { joinedAll = joined(buffers.begin(), buffers.end()); });
        return *joinedAll;
    }
};

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

Column Column::withRows(const Column& more) const {
    if (!isNumeric()) return Column(m_name, text() + more.text());
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
    if (m_name != other.m_name || isNumeric() != other.isNumeric()) return false;
    if (buffer() == other.buffer()) return true;
    if (m_text) return *m_text == *other.m_text;
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
        fits = fits && other && other->isNumeric() == c.isNumeric();
    }
    if (fits) return {};
    return QStringLiteral("the rows have the columns %1, the data has %2")
        .arg(describe(rows), describe(*this));
}

DataFrame DataFrame::withRows(const DataFrame& rows) const {
    DataFrame result;
    for (const Column& c : m_columns) {
        const Column* more = rows.column(c.name());
        if (!more || more->isNumeric() != c.isNumeric()) {
            result.add(c);
            continue;
        }
        result.add(c.withRows(*more));
    }
    return result;
}

}  // namespace tessera
