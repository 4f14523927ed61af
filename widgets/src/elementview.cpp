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

ElementView* createView(const Element& element) {
    const ElementKind k = element.kind;
    if (element.isBlock()) return createBlockView(k);
    if (element.isWidget()) return createInputView(k);
    if (isChartKind(k)) return createChartView();
    if (k == ElementKind::Table || k == ElementKind::DataFrame) return createTableView(k);
    if (k == ElementKind::Progress || k == ElementKind::Spinner || k == ElementKind::Skeleton ||
        k == ElementKind::Image || k == ElementKind::Empty)
        return createStatusView(k);
    return createTextView(k);
}

}  // namespace tessera::widgets
