// SPDX-License-Identifier: GPL-3.0-or-later
// Table (small, every row shown) and dataframe (large, scrolling) views.
#include <tessera/schema.h>
#include "elementwidget.h"
#include "framemodel.h"

#include <QHeaderView>
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
    }

protected:
    void display(const Element& e) override {
        m_model->setFrame(e.frame);
        fitHeight(e);
    }
    void displayRows(const DataFrame&) override {
        m_model->setFrameWithRows(element().frame);
        fitHeight(element());
    }

private:
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
