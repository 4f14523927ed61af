// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dataframe.h>

#include <QAbstractTableModel>
#include <memory>

namespace tessera::widgets {

/// A table model over a shared, immutable DataFrame: no copy of the data, cells are
/// formatted when the view asks for them, so a million rows cost nothing up front.
class FrameModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setFrame(std::shared_ptr<const DataFrame> frame);
    const std::shared_ptr<const DataFrame>& frame() const { return m_frame; }
    /// `frame` is the current frame with rows added below: the view keeps its place and
    /// selection, and only the new rows are announced.
    void setFrameWithRows(std::shared_ptr<const DataFrame> frame);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const DataFrame> m_frame;
};

}  // namespace tessera::widgets
