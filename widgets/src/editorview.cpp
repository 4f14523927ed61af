// SPDX-License-Identifier: GPL-3.0-or-later
// The data editor: a table whose cells are edited in place, each with an editor that fits its
// column (a text field, a list of choices, a check box). A value the column refuses is named
// in red with the reason and goes nowhere; edits the session would refuse as a whole (a new
// row with a required cell still empty) wait, with the reason shown, until they are complete.
#include <tessera/dataedits.h>
#include <tessera/schema.h>
#include "editmodel.h"
#include "elementwidget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

/// A list of the choices for a choice column; a text field for anything else.
class CellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& /*option*/,
                          const QModelIndex& index) const override {
        const QVariantMap spec = model(index)->columnSpec(index.column());
        if (spec.value(dataedits::column::type).toString() != u"choice") {
            auto* edit = new QLineEdit(parent);
            edit->setFrame(false);
            return edit;
        }
        auto* box = new QComboBox(parent);
        if (!spec.value(dataedits::column::required).toBool()) box->addItem(QString());
        box->addItems(spec.value(dataedits::column::options).toStringList());
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        const QString text = index.data(Qt::EditRole).toString();
        if (auto* box = qobject_cast<QComboBox*>(editor))
            box->setCurrentIndex(qMax(0, box->findText(text)));
        else if (auto* edit = qobject_cast<QLineEdit*>(editor))
            edit->setText(index.data(Qt::DisplayRole).toString());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* itemModel,
                      const QModelIndex& index) const override {
        if (auto* box = qobject_cast<QComboBox*>(editor))
            itemModel->setData(index, box->currentText(), Qt::EditRole);
        else if (auto* edit = qobject_cast<QLineEdit*>(editor))
            itemModel->setData(index, edit->text(), Qt::EditRole);
    }

private:
    static const EditModel* model(const QModelIndex& index) {
        return static_cast<const EditModel*>(index.model());
    }
};

class DataEditorView : public ElementWidget {
public:
    DataEditorView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        m_label = new QLabel(this);
        layout->addWidget(m_label);
        m_table = new QTableView(this);
        m_table->setObjectName(QStringLiteral("dataEditor"));
        m_model = new EditModel(this);
        m_table->setModel(m_model);
        m_table->setItemDelegate(new CellDelegate(m_table));
        m_table->setAlternatingRowColors(true);
        m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
        m_table->setEditTriggers(QAbstractItemView::DoubleClicked |
                                 QAbstractItemView::EditKeyPressed |
                                 QAbstractItemView::AnyKeyPressed);
        m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->horizontalHeader()->setDefaultSectionSize(120);
        m_table->installEventFilter(this);
        layout->addWidget(m_table, 1);

        auto* buttons = new QHBoxLayout;
        m_add = new QPushButton(tr("Add row"), this);
        m_delete = new QPushButton(tr("Delete rows"), this);
        m_delete->setEnabled(false);
        buttons->addWidget(m_add);
        buttons->addWidget(m_delete);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        m_problem = problemLabel(this, QStringLiteral("editProblem"));
        layout->addWidget(m_problem);

        connect(m_add, &QPushButton::clicked, this, [this] {
            m_model->addRow();
            m_table->scrollToBottom();
            m_table->setCurrentIndex(m_model->index(m_model->rowCount() - 1, 0));
        });
        connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this] { m_delete->setEnabled(!selectedRows().isEmpty()); });
        connect(m_model, &EditModel::problem, this, [this](const QString& message) {
            m_problem->setText(message);
            m_problem->show();
        });
        connect(m_model, &EditModel::editsChanged, this, [this] { send(); });
    }

protected:
    void display(const Element& e) override {
        m_label->setText(e.props.value(prop::label).toString());
        m_label->setVisible(!m_label->text().isEmpty());
        setToolTip(e.props.value(prop::help).toString());
        const bool enabled = !e.props.value(prop::disabled).toBool();
        m_add->setVisible(e.props.value(prop::addRows).toBool());
        m_delete->setVisible(e.props.value(prop::deleteRows).toBool());
        m_add->setEnabled(enabled);
        setFixedHeight(qMax(160, e.props.value(prop::height).toInt()));
        // The session's edits replace what is shown only when they are news: edits waiting
        // here (a new row not yet complete) survive a rerun caused by something else.
        // The echo of what this view sent is no news either: the current cell stays.
        const QVariantMap edits = e.props.value(prop::value).toMap();
        const bool sameData = e.id == m_id;  // the data is part of the editor's identity
        if (sameData && edits == m_sessionEdits && enabled == m_enabled) return;
        const int scroll = m_table->verticalScrollBar()->value();
        m_id = e.id;
        m_sessionEdits = edits;
        m_enabled = enabled;
        m_model->reset(e.frame, e.props.value(prop::columns).toList(), edits, !enabled);
        if (sameData) m_table->verticalScrollBar()->setValue(scroll);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        // While a cell is edited its editor has the keys; the table's are the table's own.
        if (watched == m_table && event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) &&
                m_delete->isVisible() && !selectedRows().isEmpty()) {
                deleteSelected();
                return true;
            }
        }
        return ElementWidget::eventFilter(watched, event);
    }

private:
    QList<int> selectedRows() const {
        QList<int> rows;
        for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
            rows << index.row();
        return rows;
    }

    void deleteSelected() {
        const QList<int> rows = selectedRows();
        if (!rows.isEmpty()) m_model->deleteRows(rows);
    }

    /// Sends the edits when the session would take them all; else says what is missing.
    void send() {
        QString why;
        const QVariant checked =
            dataedits::checkEdits(element().props, *element().frame, m_model->edits(), &why);
        if (!why.isEmpty()) {
            m_problem->setText(why);
            m_problem->show();
            return;
        }
        m_problem->hide();
        // The session keeps exactly what checkEdits() returns: its echo is this.
        m_sessionEdits = checked.toMap();
        sendValue(checked);
    }

    QLabel* m_label;
    QTableView* m_table;
    EditModel* m_model;
    QPushButton* m_add;
    QPushButton* m_delete;
    QLabel* m_problem;
    QString m_id;                ///< the editor shown (its identity includes the data)
    QVariantMap m_sessionEdits;  ///< the edits the session last showed, or will echo
    bool m_enabled = true;
};

}  // namespace

ElementWidget* createDataEditorView() {
    return new DataEditorView;
}

}  // namespace tessera::widgets
