// SPDX-License-Identifier: GPL-3.0-or-later
#include "elementwidget.h"

namespace tessera::widgets {

ElementWidget::ElementWidget(QWidget* parent) : QWidget(parent) {}

void ElementWidget::apply(ElementPtr element) {
    m_element = std::move(element);
    setProperty("tesseraKind", kindName(m_element->kind));
    display(*m_element);
}

void ElementWidget::insertChild(int, ElementWidget*) {}
void ElementWidget::childChanged(int, ElementWidget*) {}

void ElementWidget::sendValue(const QVariant& value) {
    if (m_sink && m_element && !m_element->id.isEmpty()) m_sink(m_element->id, value);
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
