// SPDX-License-Identifier: GPL-3.0-or-later
#include "elementview.h"

namespace tessera::widgets {

ElementView::ElementView(QWidget* parent) : QWidget(parent) {}

void ElementView::apply(ElementPtr element) {
    m_element = std::move(element);
    setProperty("tesseraKind", kindName(m_element->kind));
    display(*m_element);
}

void ElementView::insertChild(int, ElementView*) {}
void ElementView::childChanged(int, ElementView*) {}

void ElementView::sendValue(const QVariant& value) {
    if (m_sink && m_element && !m_element->id.isEmpty()) m_sink(m_element->id, value);
}

ElementView* createView(ElementKind kind) {
    // Each area knows its own kinds and nothing else: a kind with no view is a bug the
    // renderer test finds, never a silent fallback to another view.
    for (auto factory : {createTextView, createStatusView, createChartView, createTableView,
                         createInputView, createBlockView})
        if (ElementView* view = factory(kind)) return view;
    return nullptr;
}

}  // namespace tessera::widgets
