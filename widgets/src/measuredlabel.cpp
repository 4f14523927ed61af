// SPDX-License-Identifier: GPL-3.0-or-later
#include "measuredlabel.h"

#include <QEvent>

namespace tessera::widgets {

bool MeasuredLabel::showText(const QString& text) {
    if (text == this->text()) return false;
    forget();
    QLabel::setText(text);
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
    for (const Height& known : m_heights)
        if (known.width == width) return known.height;
    const int height = QLabel::heightForWidth(width);
    m_heights[m_nextHeight] = Height{width, height};
    m_nextHeight = (m_nextHeight + 1) % m_heights.size();
    return height;
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
    m_heights.fill(Height{});
}

}  // namespace tessera::widgets
