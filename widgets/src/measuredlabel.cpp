// SPDX-License-Identifier: GPL-3.0-or-later
#include "measuredlabel.h"

#include <QEvent>

namespace tessera::widgets {

bool MeasuredLabel::showText(const QString& text) {
    if (text == this->text()) return false;
    forget();
    setText(text);
    return true;
}

QSize MeasuredLabel::sizeHint() const {
    if (!m_hint.isValid()) m_hint = QLabel::sizeHint();
    return m_hint;
}

QSize MeasuredLabel::minimumSizeHint() const {
    if (!m_minimum.isValid()) m_minimum = QLabel::minimumSizeHint();
    return m_minimum;
}

int MeasuredLabel::heightForWidth(int width) const {
    if (width != m_hfwWidth) {
        m_hfwHeight = QLabel::heightForWidth(width);
        m_hfwWidth = width;
    }
    return m_hfwHeight;
}

void MeasuredLabel::changeEvent(QEvent* event) {
    switch (event->type()) {
        case QEvent::FontChange:
        case QEvent::StyleChange:
        case QEvent::ContentsRectChange:
            forget();
            break;
        default:
            break;
    }
    QLabel::changeEvent(event);
}

void MeasuredLabel::forget() const {
    m_hint = m_minimum = QSize();
    m_hfwWidth = -1;
}

}  // namespace tessera::widgets
