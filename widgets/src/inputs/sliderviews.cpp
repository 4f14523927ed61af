// SPDX-License-Identifier: GPL-3.0-or-later
// Sliders: one value, or a range.
#include "inputviews.h"

#include <tessera/schema.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

namespace tessera::widgets {

namespace {

/// Int and double sliders: the QSlider works in steps, the view maps steps to values.
class SliderView : public LabelledView {
public:
    SliderView() {
        auto* row = new QHBoxLayout;
        m_slider = new QSlider(Qt::Horizontal, this);
        m_value = new MeasuredLabel(this);
        m_value->setMinimumWidth(
            m_value->fontMetrics().horizontalAdvance(QStringLiteral("000000.00")));
        m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row->addWidget(m_slider, 1);
        row->addWidget(m_value);
        m_layout->addLayout(row);
        QObject::connect(m_slider, &QSlider::valueChanged, this, [this](int step) {
            m_value->showText(format(toValue(step)));
            sendValue(m_integer ? QVariant(int(toValue(step))) : QVariant(toValue(step)));
        });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_slider);
        m_min = read(e, prop::min).toDouble();
        m_step = read(e, prop::step).toDouble();
        m_integer = read(e, prop::integer).toBool();
        const double max = read(e, prop::max).toDouble();
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, int(std::llround((max - m_min) / m_step)));
        m_slider->setValue(int(std::llround((read(e, prop::value).toDouble() - m_min) / m_step)));
        m_value->showText(format(read(e, prop::value).toDouble()));
    }

private:
    double toValue(int step) const { return m_min + step * m_step; }
    QString format(double v) const {
        if (m_integer) return QString::number(qint64(std::llround(v)));
        const int decimals = qBound(0, int(std::ceil(-std::log10(m_step))), 6);
        return QString::number(v, 'f', decimals);
    }
    QSlider* m_slider;
    MeasuredLabel* m_value;
    double m_min = 0, m_step = 1;
    bool m_integer = true;
};

class RangeSliderView : public LabelledView {
public:
    RangeSliderView() {
        auto* row = new QHBoxLayout;
        m_low = new QSlider(Qt::Horizontal, this);
        m_high = new QSlider(Qt::Horizontal, this);
        m_text = new QLabel(this);
        row->addWidget(m_low, 1);
        row->addWidget(m_high, 1);
        row->addWidget(m_text);
        m_layout->addLayout(row);
        auto changed = [this] {
            if (m_low->value() > m_high->value()) {
                const QSignalBlocker b(m_high);
                m_high->setValue(m_low->value());
            }
            m_text->setText(QStringLiteral("%1 – %2").arg(m_low->value()).arg(m_high->value()));
            sendValue(QVariantList{m_low->value(), m_high->value()});
        };
        QObject::connect(m_low, &QSlider::valueChanged, this, changed);
        QObject::connect(m_high, &QSlider::valueChanged, this, changed);
    }

protected:
    void display(const Element& e) override {
        showLabel(e, this);
        const QVariantList value = read(e, prop::value).toList();
        for (QSlider* s : {m_low, m_high}) {
            const QSignalBlocker block(s);
            s->setRange(read(e, prop::min).toInt(), read(e, prop::max).toInt());
        }
        const QSignalBlocker bl(m_low), bh(m_high);
        m_low->setValue(value.value(0).toInt());
        m_high->setValue(value.value(1).toInt());
        m_text->setText(QStringLiteral("%1 – %2").arg(m_low->value()).arg(m_high->value()));
    }

private:
    QSlider* m_low;
    QSlider* m_high;
    QLabel* m_text;
};

}  // namespace

ElementWidget* createSliderView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Slider:
            return new SliderView;
        case ElementKind::RangeSlider:
            return new RangeSliderView;
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
