// SPDX-License-Identifier: GPL-3.0-or-later
// A checkbox, and a toggle drawn as a switch.
#include "inputviews.h"

#include <tessera/schema.h>

#include <QAbstractButton>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QPainter>
#include <QSignalBlocker>

namespace tessera::widgets {

namespace {

/// A sliding on/off switch for toggle().
class Switch : public QAbstractButton {
public:
    explicit Switch(QWidget* parent) : QAbstractButton(parent) {
        setCheckable(true);
        setCursor(Qt::PointingHandCursor);
    }
    QSize sizeHint() const override {
        const int h = fontMetrics().height() + 4;
        return {2 * h + 8 + fontMetrics().horizontalAdvance(text()) + 8, h};
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const int h = height() - 2;
        const QRectF track(1, 1, 2 * h, h);
        p.setPen(Qt::NoPen);
        p.setBrush(isChecked() ? palette().color(QPalette::Highlight)
                               : palette().color(QPalette::Mid));
        p.drawRoundedRect(track, h / 2.0, h / 2.0);
        p.setBrush(Qt::white);
        const double knob = h - 4;
        p.drawEllipse(
            QRectF(isChecked() ? track.right() - knob - 2 : track.left() + 2, 3, knob, knob));
        p.setPen(palette().color(isEnabled() ? QPalette::WindowText : QPalette::PlaceholderText));
        p.drawText(QRectF(track.right() + 8, 0, width(), height()), Qt::AlignVCenter, text());
    }
};

class CheckView : public ElementWidget {
public:
    explicit CheckView(bool toggle) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        if (toggle)
            m_box = new Switch(this);
        else
            m_box = new QCheckBox(this);
        layout->addWidget(m_box);
        layout->addStretch();
        QObject::connect(m_box, &QAbstractButton::toggled, this,
                         [this](bool on) { sendValue(on); });
    }

protected:
    void display(const Element& e) override {
        const QSignalBlocker block(m_box);
        m_box->setText(read(e, prop::label).toString());
        m_box->setChecked(read(e, prop::value).toBool());
        m_box->setToolTip(read(e, prop::help).toString());
        m_box->setEnabled(!read(e, prop::disabled).toBool());
        m_box->updateGeometry();
    }

private:
    QAbstractButton* m_box;
};

}  // namespace

ElementWidget* createCheckView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Checkbox:
            return new CheckView(false);
        case ElementKind::Toggle:
            return new CheckView(true);
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
