// SPDX-License-Identifier: GPL-3.0-or-later
#include "framemodel.h"

namespace tessera::widgets {

void FrameModel::setFrame(std::shared_ptr<const DataFrame> frame) {
    beginResetModel();
    m_frame = std::move(frame);
    endResetModel();
}

void FrameModel::setFrameWithRows(std::shared_ptr<const DataFrame> frame) {
    const int before = rowCount();
    const int after = frame ? int(frame->rowCount()) : 0;
    if (!m_frame || !frame || after < before || frame->columnCount() != m_frame->columnCount()) {
        setFrame(std::move(frame));
        return;
    }
    if (after == before) {
        m_frame = std::move(frame);
        return;
    }
    beginInsertRows({}, before, after - 1);
    m_frame = std::move(frame);
    endInsertRows();
}

int FrameModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_frame ? 0 : int(m_frame->rowCount());
}

int FrameModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_frame ? 0 : int(m_frame->columnCount());
}

QVariant FrameModel::data(const QModelIndex& index, int role) const {
    if (!m_frame || !index.isValid()) return {};
    const Column& column = m_frame->columns()[index.column()];
    if (role == Qt::DisplayRole) return column.display(index.row());
    if (role == Qt::TextAlignmentRole && column.isNumeric())
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant FrameModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || !m_frame) return {};
    if (orientation == Qt::Horizontal)
        return m_frame->columns().value(section, Column(QString(), QStringList())).name();
    return section;
}

}  // namespace tessera::widgets
