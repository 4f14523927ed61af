// SPDX-License-Identifier: GPL-3.0-or-later
// Table (small, every row shown) and dataframe (large, scrolling) views. A dataframe drawn
// with a selection mode selects whole rows and sends them as its selection.
#include <tessera/dataedits.h>
#include <tessera/schema.h>
#include "elementwidget.h"
#include "framemodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

class FrameView : public ElementWidget {
public:
    explicit FrameView(ElementKind kind) : m_fitRows(kind == ElementKind::Table) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_table = new QTableView(this);
        m_model = new FrameModel(this);
        m_table->setModel(m_model);
        m_table->setAlternatingRowColors(true);
        m_table->setSelectionMode(QAbstractItemView::ContiguousSelection);
        m_table->setWordWrap(false);
        // Uniform rows: the view never measures a million rows to lay them out.
        QHeaderView* rows = m_table->verticalHeader();
        rows->setSectionResizeMode(QHeaderView::Fixed);
        rows->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
        rows->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->horizontalHeader()->setDefaultSectionSize(120);
        layout->addWidget(m_table);
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this] { selectionMade(); });
    }

protected:
    void display(const Element& e) override {
        // A rerun that only changed the selection keeps the model, and so the scroll.
        if (!m_model->frame() || !e.frame || !m_model->frame()->sharesBuffersWith(*e.frame))
            m_model->setFrame(e.frame);
        fitHeight(e);
        showSelection(e);
    }
    void displayRows(const DataFrame&) override {
        m_model->setFrameWithRows(element().frame);
        fitHeight(element());
    }

private:
    /// Rows select whole in a selectable dataframe, as its selection's mode says.
    void showSelection(const Element& e) {
        const QString mode = e.props.value(prop::selectionMode).toString();
        m_table->setSelectionBehavior(mode.isEmpty() ? QAbstractItemView::SelectItems
                                                     : QAbstractItemView::SelectRows);
        m_table->setSelectionMode(mode.isEmpty() ? QAbstractItemView::ContiguousSelection
                                  : mode == dataedits::selectionModeName(SelectionMode::MultiRow)
                                      ? QAbstractItemView::MultiSelection
                                      : QAbstractItemView::SingleSelection);
        if (mode.isEmpty()) return;
        const QSignalBlocker blocker(m_table->selectionModel());
        QItemSelection selection;
        for (const QVariant& row :
             e.props.value(prop::value).toMap().value(dataedits::rows).toList()) {
            const QModelIndex first = m_model->index(row.toInt(), 0);
            selection.select(first, m_model->index(row.toInt(), m_model->columnCount() - 1));
        }
        m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
        m_table->viewport()->update();
    }

    void selectionMade() {
        if (element().props.value(prop::selectionMode).toString().isEmpty()) return;
        QList<qsizetype> rows;
        for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
            rows << index.row();
        std::sort(rows.begin(), rows.end());
        sendValue(dataedits::selectionValue(rows));
    }

    void fitHeight(const Element& e) {
        const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
        const int chrome =
            m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth() + 2;
        if (m_fitRows) {
            m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            setFixedHeight(chrome + rowHeight * m_model->rowCount());
        } else {
            setFixedHeight(qMax(120, e.props.value(prop::height).toInt()));
        }
    }

    bool m_fitRows;
    QTableView* m_table;
    FrameModel* m_model;
};

}  // namespace

ElementWidget* createTableView(ElementKind kind) {
    if (kind != ElementKind::Table && kind != ElementKind::DataFrame) return nullptr;
    return new FrameView(kind);
}

}  // namespace tessera::widgets
