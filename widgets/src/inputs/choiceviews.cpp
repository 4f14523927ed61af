// SPDX-License-Identifier: GPL-3.0-or-later
// Choices among options: a select box, radio buttons, a multiselect.
#include "inputviews.h"

#include <tessera/schema.h>

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QListWidget>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

class SelectboxView : public LabelledView {
public:
    SelectboxView() {
        m_combo = new QComboBox(this);
        m_layout->addWidget(m_combo);
        QObject::connect(m_combo, &QComboBox::activated, this,
                         [this](int index) { sendValue(m_combo->itemText(index)); });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_combo);
        const QSignalBlocker block(m_combo);
        const QStringList options = read(e, prop::options).toStringList();
        if (m_options != options) {
            m_combo->clear();
            m_combo->addItems(options);
            m_options = options;
        }
        m_combo->setCurrentText(read(e, prop::value).toString());
    }

private:
    QComboBox* m_combo;
    QStringList m_options;
};

class RadioView : public LabelledView {
public:
    RadioView() {
        m_group = new QButtonGroup(this);
        m_buttons = new QVBoxLayout;
        m_buttons->setSpacing(2);
        m_layout->addLayout(m_buttons);
        QObject::connect(m_group, &QButtonGroup::idClicked, this,
                         [this](int id) { sendValue(m_options.value(id)); });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, this);
        const QStringList options = read(e, prop::options).toStringList();
        if (options != m_options) {
            for (QAbstractButton* b : m_group->buttons()) delete b;
            for (int i = 0; i < options.size(); ++i) {
                auto* b = new QRadioButton(options[i], this);
                m_group->addButton(b, i);
                m_buttons->addWidget(b);
            }
            m_options = options;
        }
        const int current = options.indexOf(read(e, prop::value).toString());
        if (QAbstractButton* b = m_group->button(current)) {
            const QSignalBlocker block(m_group);
            b->setChecked(true);
        }
    }

private:
    QButtonGroup* m_group;
    QVBoxLayout* m_buttons;
    QStringList m_options;
};

class MultiselectView : public LabelledView {
public:
    MultiselectView() {
        m_list = new QListWidget(this);
        m_list->setSelectionMode(QAbstractItemView::NoSelection);
        m_list->setFlow(QListView::LeftToRight);
        m_list->setWrapping(true);
        m_list->setSpacing(2);
        m_layout->addWidget(m_list);
        QObject::connect(m_list, &QListWidget::itemChanged, this, [this] {
            QStringList chosen;
            for (int i = 0; i < m_list->count(); ++i)
                if (m_list->item(i)->checkState() == Qt::Checked) chosen << m_list->item(i)->text();
            sendValue(chosen);
        });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_list);
        const QSignalBlocker block(m_list);
        const QStringList options = read(e, prop::options).toStringList();
        const QStringList chosen = read(e, prop::value).toStringList();
        if (options != m_options) {
            m_list->clear();
            for (const QString& o : options) {
                auto* item = new QListWidgetItem(o, m_list);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            }
            m_options = options;
        }
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setCheckState(
                chosen.contains(m_list->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
        m_list->setFixedHeight(m_list->fontMetrics().height() * (1 + int(options.size()) / 4) + 24);
    }

private:
    QListWidget* m_list;
    QStringList m_options;
};

}  // namespace

ElementWidget* createChoiceView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Selectbox:
            return new SelectboxView;
        case ElementKind::Radio:
            return new RadioView;
        case ElementKind::Multiselect:
            return new MultiselectView;
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
