// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>
#include <chrono>
#include <memory>
#include <vector>

namespace tessera {

/// What a column holds. Float64 and Text are the columns of every 1.x version; the others
/// came in 1.1 and read as numbers (int64, bool as 0/1, timestamps as milliseconds since
/// 1970-01-01 UTC) or as text (categories) wherever a reader only knows those two.
enum class ColumnType {
    Float64,    ///< numbers; NaN is missing
    Int64,      ///< whole numbers
    Bool,       ///< true or false
    Timestamp,  ///< UTC instants in milliseconds, shown in the column's time zone
    Category,   ///< text from a few distinct labels, kept as codes into them
    Text,       ///< any text
};

/// One named column: either numbers or text. The buffer is immutable and shared, so
/// handing a column to another thread (or to the screen) moves a pointer, never the data.
/// A column with rows added (DataFrame::withRows()) keeps its numbers in parts, which are
/// joined into one buffer only when somebody asks for numbers() (once, then kept).
class TESSERA_CORE_EXPORT Column {
public:
    ///@{
    /// A column named `name` of numbers (taken, or shared without a copy) or of text.
    Column(QString name, std::vector<double> numbers);
    Column(QString name, QStringList text);
    Column(QString name, std::shared_ptr<const std::vector<double>> numbers);
    ///@}

    ///@{
    /// A typed column. `missing` has one flag per value (true: the value is missing); an
    /// empty `missing` means none is, and flags beyond the values are ignored.
    static Column int64s(QString name, std::vector<qint64> values, std::vector<bool> missing = {});
    static Column bools(QString name, const std::vector<bool>& values,
                        std::vector<bool> missing = {});
    /// Instants in milliseconds since 1970-01-01 UTC, shown in `timeZone` (an IANA id such
    /// as "Europe/Paris"; empty or unknown: UTC).
    static Column timestamps(QString name, std::vector<qint64> msSinceEpoch,
                             std::vector<bool> missing = {}, QString timeZone = {});
    /// Instants from QDateTime (an invalid one is missing).
    static Column timestamps(QString name, const QList<QDateTime>& times, QString timeZone = {});
    /// Instants from std::chrono, at millisecond precision.
    template <class Duration>
    static Column timestamps(QString name,
                             const std::vector<std::chrono::sys_time<Duration>>& times,
                             QString timeZone = {}) {
        std::vector<qint64> ms;
        ms.reserve(times.size());
        for (const auto& t : times)
            ms.push_back(
                qint64(std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch())
                           .count()));
        return timestamps(std::move(name), std::move(ms), {}, std::move(timeZone));
    }
    /// Text from a few distinct labels (kept once each, in the order they first come).
    static Column categories(QString name, const QStringList& values,
                             std::vector<bool> missing = {});
    ///@}

    const QString& name() const { return m_name; }  ///< the column's name
    /// True for a column of numbers, false for text.
    bool isNumeric() const { return m_numbers != nullptr || m_parts != nullptr; }
    qsizetype size() const;                      ///< its number of rows
    double number(qsizetype row) const;          ///< NaN for text columns
    QString display(qsizetype row) const;        ///< formatted for a table cell
    const std::vector<double>& numbers() const;  ///< only when isNumeric()
    const QStringList& text() const;             ///< only when !isNumeric()
    const void* buffer() const;                  ///< identity of the shared buffer
    /// Same name and the same values, bit for bit (the same buffer, or equal bytes).
    bool sameValues(const Column& other) const;
    /// Shared ownership of the buffer, for whoever must keep it alive while using buffer().
    std::shared_ptr<const void> bufferOwner() const;
    /// This column with `more` (a column of the same type) below it. Numbers are not copied:
    /// the result refers to both buffers (until there are many parts, then they are joined).
    Column withRows(const Column& more) const;
    /// This column under another name; the values are shared, not copied.
    Column renamed(QString name) const;

    ColumnType type() const;  ///< what it holds
    /// True when the value in `row` is missing (NaN in a Float64 column); false for text.
    bool isMissing(qsizetype row) const;
    /// The value in `row` of an Int64, Bool (0 or 1) or Timestamp (ms) column; 0 when it
    /// is missing or the column holds something else.
    qint64 integer(qsizetype row) const;
    /// All the values of an Int64, Bool or Timestamp column (0 where missing); else empty.
    const std::vector<qint64>& integers() const;
    QString timeZone() const;  ///< a Timestamp column's time zone (an IANA id); else empty
    /// A Category column's labels, each once, in the order they first came; else empty.
    QStringList categoryLabels() const;
    /// The index of `row`'s label in categoryLabels(), or -1 (missing, or not a category).
    qint32 categoryCode(qsizetype row) const;

private:
    // Typed columns keep the layout of 1.0: Int64, Bool and Timestamp live in Parts (they
    // read as numbers), Category in a Categories the text buffer belongs to (it reads as
    // text).
    struct Parts;
    struct Categories;
    Column(QString name, std::shared_ptr<const Parts> parts);
    const Categories* categories() const;
    /// The numbers as parts (one part for a whole buffer).
    std::vector<std::shared_ptr<const std::vector<double>>> numberParts() const;

    QString m_name;
    std::shared_ptr<const std::vector<double>> m_numbers;
    std::shared_ptr<const Parts> m_parts;  ///< instead of m_numbers, for a column with rows added
    std::shared_ptr<const QStringList> m_text;
};

/// Columnar table, the data behind charts, tables and dataframes. Copies are cheap: the
/// columns share their buffers.
class TESSERA_CORE_EXPORT DataFrame {
public:
    DataFrame() = default;

    ///@{
    /// Adds a column (numbers, text, or a Column made before) and returns this frame, so
    /// that calls chain: `DataFrame().add("x", xs).add("y", ys)`.
    DataFrame& add(QString name, std::vector<double> numbers);
    DataFrame& add(QString name, QStringList text);
    DataFrame& add(Column column);
    ///@}

    const QVector<Column>& columns() const { return m_columns; }  ///< the columns, in order
    const Column* column(const QString& name) const;              ///< the column `name`, or nullptr
    qsizetype rowCount() const;                                   ///< rows of the longest column
    qsizetype columnCount() const { return m_columns.size(); }    ///< how many columns

    /// Same columns backed by the same buffers (the cheap "unchanged" test the renderer uses).
    bool sharesBuffersWith(const DataFrame& other) const;
    /// Same columns with the same values: a frame recomputed to what it was is unchanged,
    /// so that a rerun that draws the same chart sends and redraws nothing. Linear in the
    /// data when the buffers differ, and stops at the first difference.
    bool sameValues(const DataFrame& other) const;

    /// Why `rows` cannot go below this frame, or an empty string when they can: they need the
    /// same columns, by name, with the same types (in any order).
    QString rowsProblem(const DataFrame& rows) const;
    /// This frame with `rows` below it, matched by column name (rowsProblem() must be empty).
    /// This frame and `rows` are left as they are; their number buffers are shared, not copied.
    DataFrame withRows(const DataFrame& rows) const;

private:
    QVector<Column> m_columns;
};

}  // namespace tessera
