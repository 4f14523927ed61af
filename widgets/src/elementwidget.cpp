// SPDX-License-Identifier: GPL-3.0-or-later
#include "elementwidget.h"

#include <QLabel>
#include <QPushButton>

namespace tessera::widgets {

ElementWidget::ElementWidget(QWidget* parent) : QWidget(parent) {}

void ElementWidget::apply(ElementPtr element) {
    m_element = std::move(element);
    setProperty("tesseraKind", kindName(m_element->kind));
    display(*m_element);
}

void ElementWidget::addRows(ElementPtr element, const DataFrame& rows) {
    m_element = std::move(element);
    displayRows(rows);
}

void ElementWidget::insertChild(int, ElementWidget*) {}
void ElementWidget::childChanged(int, ElementWidget*) {}

void ElementWidget::sendValue(const QVariant& value) {
    if (m_sink && m_element && !m_element->id.isEmpty()) m_sink(m_element->id, value);
}

void pressFormSubmit(QWidget* field) {
    for (QWidget* w = field->parentWidget(); w; w = w->parentWidget()) {
        if (!w->property(kFormProperty).toBool()) continue;
        for (auto* button : w->findChildren<QPushButton*>())
            if (button->property(kSubmitProperty).toBool() && button->isEnabled()) button->click();
        return;
    }
}

QLabel* problemLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d33;"));
    label->hide();
    return label;
}

ElementWidget* createView(ElementKind kind) {
    // Each area knows its own kinds and nothing else: a kind with no view is a bug the
    // renderer test finds, never a silent fallback to another view.
    for (auto factory : {createTextView, createStatusView, createChartView, createTableView,
                         createInputView, createBlockView})
        if (ElementWidget* view = factory(kind)) return view;
    return nullptr;
}

}  // namespace tessera::widgets
