// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>
#include <vector>

namespace tessera {

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

private:
    struct Parts;
    Column(QString name, std::shared_ptr<const Parts> parts);
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
