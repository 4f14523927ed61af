// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dataframe.h>

#include <QAbstractTableModel>
#include <QVariantMap>
#include <memory>

namespace tessera::widgets {

/// The table of a data editor: its data with its edits (dataedits.h) applied. The rows shown
/// are the data's rows that are not deleted, then the added rows. A cell set through
/// setData() is checked against its column first; a refused value changes nothing and is
/// reported by problem().
class EditModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    /// Shows `frame` with `edits`, for columns as the editor's `columns` prop describes them;
    /// nothing can be edited when `readOnly` (a disabled editor).
    void reset(std::shared_ptr<const DataFrame> frame, const QVariantList& columns,
               const QVariantMap& edits, bool readOnly);
    const QVariantMap& edits() const { return m_edits; }

    /// Adds an empty row below the others.
    void addRow();
    /// Deletes the shown rows `rows`.
    void deleteRows(QList<int> rows);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The editor's column spec of `column` (type, bounds, options).
    QVariantMap columnSpec(int column) const { return m_columns.value(column).toMap(); }

signals:
    /// The person changed the edits (a cell, an added or a deleted row).
    void editsChanged();
    /// A value was refused: why, naming the row and column.
    void problem(const QString& message);

private:
    /// A shown row: a row of the data (>= 0), or added row -1 - i.
    int sourceRow(int shownRow) const { return m_rows.value(shownRow); }
    QVariant cell(int shownRow, int column) const;  ///< as the page keeps it (dataedits.h)
    void mapRows();

    std::shared_ptr<const DataFrame> m_frame;
    QVariantList m_columns;
    QVariantMap m_edits;
    QList<int> m_rows;
    bool m_readOnly = false;
};

}  // namespace tessera::widgets
