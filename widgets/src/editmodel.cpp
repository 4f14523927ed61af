// SPDX-License-Identifier: GPL-3.0-or-later
#include "editmodel.h"

#include <tessera/dataedits.h>

#include <QFont>
#include <cmath>

namespace tessera::widgets {

namespace {
namespace column = dataedits::column;

bool isCheckbox(const QVariantMap& column) {
    return column.value(column::type).toString() == u"checkbox";
}
}  // namespace

void EditModel::reset(std::shared_ptr<const DataFrame> frame, const QVariantList& columns,
                      const QVariantMap& edits, bool readOnly) {
    beginResetModel();
    m_readOnly = readOnly;
    m_frame = std::move(frame);
    m_columns = columns;
    m_edits = edits;
    mapRows();
    endResetModel();
}

void EditModel::mapRows() {
    m_rows.clear();
    QSet<qsizetype> deleted;
    for (const QVariant& v : m_edits.value(dataedits::deleted).toList())
        deleted.insert(v.toLongLong());
    const int count = m_frame ? int(m_frame->rowCount()) : 0;
    for (int r = 0; r < count; ++r)
        if (!deleted.contains(r)) m_rows << r;
    const int added = int(m_edits.value(dataedits::added).toList().size());
    for (int i = 0; i < added; ++i) m_rows << -1 - i;
}

void EditModel::addRow() {
    QVariantList added = m_edits.value(dataedits::added).toList();
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    added << QVariantMap();
    m_edits.insert(dataedits::added, added);
    mapRows();
    endInsertRows();
    emit editsChanged();
}

void EditModel::deleteRows(QList<int> rows) {
    std::sort(rows.begin(), rows.end(), std::greater<>());
    QVariantList deleted = m_edits.value(dataedits::deleted).toList();
    QVariantList added = m_edits.value(dataedits::added).toList();
    beginResetModel();
    for (int shown : rows) {
        const int source = sourceRow(shown);
        if (source >= 0)
            deleted << double(source);
        else
            added.removeAt(-1 - source);  // from the last: the earlier indexes stay right
    }
    m_edits.insert(dataedits::deleted, deleted);
    m_edits.insert(dataedits::added, added);
    mapRows();
    endResetModel();
    emit editsChanged();
}

int EditModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EditModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_frame ? 0 : int(m_frame->columnCount());
}

QVariant EditModel::cell(int shownRow, int column) const {
    const QString name = m_frame->columns()[column].name();
    const int source = sourceRow(shownRow);
    if (source < 0)
        return m_edits.value(dataedits::added).toList().value(-1 - source).toMap().value(name);
    const QVariantMap edited =
        m_edits.value(dataedits::edited).toMap().value(QString::number(source)).toMap();
    if (edited.contains(name)) return edited.value(name);
    const Column& c = m_frame->columns()[column];
    if (!c.isNumeric()) return c.text().value(source);
    const double d = c.number(source);
    return std::isnan(d) ? QVariant() : QVariant(d);
}

QVariant EditModel::data(const QModelIndex& index, int role) const {
    if (!m_frame || !index.isValid()) return {};
    const QVariantMap spec = columnSpec(index.column());
    const QVariant v = cell(index.row(), index.column());
    switch (role) {
        case Qt::DisplayRole:
            if (isCheckbox(spec)) return {};
            if (v.typeId() == QMetaType::Double) {
                const double d = v.toDouble();
                return spec.value(column::type).toString() == u"integer"
                           ? QString::number(qint64(d))
                           : QString::number(d, 'g', 10);
            }
            return v.toString();
        case Qt::EditRole:
            return v;
        case Qt::CheckStateRole:
            if (!isCheckbox(spec)) return {};
            return v.toDouble() != 0 ? Qt::Checked : Qt::Unchecked;
        case Qt::TextAlignmentRole:
            return m_frame->columns()[index.column()].isNumeric()
                       ? int(Qt::AlignRight | Qt::AlignVCenter)
                       : int(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::FontRole: {
            // Cells changed here are set in italics, as changes not in the data given.
            const int source = sourceRow(index.row());
            const bool changed = source < 0 || m_edits.value(dataedits::edited)
                                                   .toMap()
                                                   .value(QString::number(source))
                                                   .toMap()
                                                   .contains(spec.value(column::name).toString());
            if (!changed) return {};
            QFont font;
            font.setItalic(true);
            return font;
        }
        case Qt::ToolTipRole:
            if (spec.value(column::disabled).toBool()) return tr("Not editable");
            return {};
        default:
            return {};
    }
}

bool EditModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!m_frame || !index.isValid()) return false;
    const QVariantMap spec = columnSpec(index.column());
    QVariant given = value;
    if (role == Qt::CheckStateRole)
        given = value.toInt() == Qt::Checked ? 1.0 : 0.0;
    else if (role != Qt::EditRole)
        return false;
    const int source = sourceRow(index.row());
    const QString where = source >= 0 ? tr("Row %1").arg(source) : tr("New row %1").arg(-source);
    QString why;
    const QVariant checked = dataedits::cellValue(spec, given, &why);
    if (!why.isEmpty()) {
        emit problem(tr("%1, %2: %3").arg(where, spec.value(column::name).toString(), why));
        return false;
    }
    m_edits = dataedits::withCell(m_edits, source, spec.value(column::name).toString(), checked);
    emit dataChanged(index, index);
    emit editsChanged();
    return true;
}

Qt::ItemFlags EditModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!index.isValid() || m_readOnly) return f;
    const QVariantMap spec = columnSpec(index.column());
    // A disabled column can still be filled in a row that is being added.
    if (spec.value(column::disabled).toBool() && sourceRow(index.row()) >= 0) return f;
    return f | (isCheckbox(spec) ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable);
}

QVariant EditModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || !m_frame) return {};
    if (orientation == Qt::Horizontal) return columnSpec(section).value(column::name);
    const int source = sourceRow(section);
    return source >= 0 ? QString::number(source) : QStringLiteral("+");
}

}  // namespace tessera::widgets
