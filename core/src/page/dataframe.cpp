// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/dataframe.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace tessera {

namespace {
const std::vector<double> kNoNumbers;
const QStringList kNoText;
}  // namespace

Column::Column(QString name, std::vector<double> numbers)
    : m_name(std::move(name)),
      m_numbers(std::make_shared<const std::vector<double>>(std::move(numbers))) {}

Column::Column(QString name, QStringList text)
    : m_name(std::move(name)), m_text(std::make_shared<const QStringList>(std::move(text))) {}

Column::Column(QString name, std::shared_ptr<const std::vector<double>> numbers)
    : m_name(std::move(name)), m_numbers(std::move(numbers)) {}

qsizetype Column::size() const {
    if (m_numbers) return qsizetype(m_numbers->size());
    return m_text ? m_text->size() : 0;
}

double Column::number(qsizetype row) const {
    if (!m_numbers || row < 0 || row >= size()) return std::numeric_limits<double>::quiet_NaN();
    return (*m_numbers)[size_t(row)];
}

QString Column::display(qsizetype row) const {
    if (row < 0 || row >= size()) return {};
    if (m_text) return (*m_text)[row];
    const double v = (*m_numbers)[size_t(row)];
    if (std::isnan(v)) return QStringLiteral("—");
    if (v == std::floor(v) && std::fabs(v) < 1e15) return QString::number(qint64(v));
    return QString::number(v, 'g', 6);
}

const std::vector<double>& Column::numbers() const {
    return m_numbers ? *m_numbers : kNoNumbers;
}
const QStringList& Column::text() const {
    return m_text ? *m_text : kNoText;
}
std::shared_ptr<const void> Column::bufferOwner() const {
    if (m_numbers) return m_numbers;
    return m_text;
}

const void* Column::buffer() const {
    return m_numbers ? static_cast<const void*>(m_numbers.get())
                     : static_cast<const void*>(m_text.get());
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
    const std::vector<double>& a = *m_numbers;
    const std::vector<double>& b = *other.m_numbers;
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
        if (c.isNumeric()) {
            std::vector<double> numbers;
            numbers.reserve(c.numbers().size() + more->numbers().size());
            numbers.insert(numbers.end(), c.numbers().begin(), c.numbers().end());
            numbers.insert(numbers.end(), more->numbers().begin(), more->numbers().end());
            result.add(c.name(), std::move(numbers));
        } else {
            result.add(c.name(), c.text() + more->text());
        }
    }
    return result;
}

}  // namespace tessera
