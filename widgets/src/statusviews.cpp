// SPDX-License-Identifier: GPL-3.0-or-later
// Views for status elements: progress, spinner, skeleton, image, the empty slot and toasts.
#include <tessera/schema.h>
#include "elementwidget.h"
#include "measuredlabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

class ProgressView : public ElementWidget {
public:
    ProgressView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_text = new MeasuredLabel(this);
        m_bar = new QProgressBar(this);
        m_bar->setRange(0, 100);
        m_bar->setTextVisible(false);
        m_bar->setFixedHeight(8);
        layout->addWidget(m_text);
        layout->addWidget(m_bar);
    }

protected:
    void display(const Element& e) override {
        const QString text = e.props.value(prop::text).toString();
        m_text->showText(text);
        m_text->setVisible(!text.isEmpty());
        m_bar->setValue(e.props.value(prop::value).toInt());
    }

private:
    MeasuredLabel* m_text;
    QProgressBar* m_bar;
};

class SpinnerView : public ElementWidget {
public:
    SpinnerView() {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* busy = new QProgressBar(this);
        busy->setRange(0, 0);  // indeterminate: Qt animates it
        busy->setFixedSize(60, 8);
        busy->setTextVisible(false);
        m_text = new MeasuredLabel(this);
        layout->addWidget(busy);
        layout->addWidget(m_text, 1);
    }

protected:
    void display(const Element& e) override {
        m_text->showText(e.props.value(prop::text).toString());
    }

private:
    MeasuredLabel* m_text;
};

/// Placeholder bars with a gentle pulse, shown where content is still loading.
class SkeletonView : public ElementWidget {
public:
    SkeletonView() {
        m_timer.setInterval(60);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            m_phase = (m_phase + 1) % 40;
            update();
        });
    }

protected:
    void display(const Element& e) override {
        setFixedHeight(qMax(24, e.props.value(prop::height).toInt()));
    }
    void showEvent(QShowEvent*) override { m_timer.start(); }
    void hideEvent(QHideEvent*) override { m_timer.stop(); }
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QColor base = palette().color(QPalette::Mid);
        const double pulse = 0.18 + 0.10 * std::abs(20 - m_phase) / 20.0;
        base.setAlphaF(pulse);
        p.setPen(Qt::NoPen);
        p.setBrush(base);
        const int line = 14;
        const int gap = 10;
        int y = 2;
        for (int i = 0; y + line <= height(); ++i, y += line + gap) {
            const int w = i % 3 == 2 ? width() * 3 / 5 : width() - 2;
            p.drawRoundedRect(QRectF(1, y, w, line), 4, 4);
        }
    }

private:
    QTimer m_timer;
    int m_phase = 0;
};

class ImageView : public ElementWidget {
public:
    ImageView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_image = new QLabel(this);
        m_caption = new QLabel(this);
        m_caption->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(m_image);
        layout->addWidget(m_caption);
    }

protected:
    void display(const Element& e) override {
        QPixmap pixmap;
        if (!pixmap.loadFromData(e.blob)) {
            m_image->setText(
                QStringLiteral("⚠ image could not be decoded (%1 bytes)").arg(e.blob.size()));
        } else {
            const int width = e.props.value(prop::width).toInt();
            if (width > 0 && pixmap.width() != width)
                pixmap = pixmap.scaledToWidth(width, Qt::SmoothTransformation);
            m_image->setPixmap(pixmap);
        }
        const QString caption = e.props.value(prop::caption).toString();
        m_caption->setText(caption);
        m_caption->setVisible(!caption.isEmpty());
    }

private:
    QLabel* m_image;
    QLabel* m_caption;
};

/// A toast takes no room on the page: it pops a note up in the window's bottom-right corner
/// (above the notes still showing) when it appears or its text changes.
class ToastView : public ElementWidget {
public:
    ToastView() { setFixedHeight(0); }

protected:
    void display(const Element& e) override {
        const QString icon = e.props.value(prop::icon).toString();
        const QString text = e.props.value(prop::text).toString();
        const QString shown = icon.isEmpty() ? text : icon + QLatin1Char(' ') + text;
        if (shown == m_shown) return;
        m_shown = shown;
        // Applied before it is placed in the window: pop up once it is there.
        QTimer::singleShot(0, this, [this] { popUp(); });
    }

private:
    static constexpr int kShownMs = 4000;
    static constexpr int kMargin = 16;

    void popUp() {
        QWidget* top = window();
        if (top == this) return;
        int bottom = top->height() - kMargin;
        for (QLabel* other :
             top->findChildren<QLabel*>(QStringLiteral("tesseraToast"), Qt::FindDirectChildrenOnly))
            bottom = qMin(bottom, other->y() - 8);
        auto* note = new QLabel(m_shown, top);
        note->setObjectName(QStringLiteral("tesseraToast"));
        note->setAccessibleName(m_shown);
        note->setTextFormat(Qt::PlainText);
        note->setWordWrap(true);
        note->setMaximumWidth(360);
        note->setStyleSheet(QStringLiteral(
            "QLabel { background: palette(tool-tip-base); color: palette(tool-tip-text); "
            "border: 1px solid palette(mid); border-radius: 6px; padding: 8px 12px; }"));
        note->adjustSize();
        note->move(top->width() - note->width() - kMargin, bottom - note->height());
        note->show();
        note->raise();
        QTimer::singleShot(kShownMs, note, &QObject::deleteLater);
    }

    QString m_shown;
};

class EmptyView : public ElementWidget {
public:
    EmptyView() { setFixedHeight(0); }

protected:
    void display(const Element&) override {}
};

}  // namespace

ElementWidget* createStatusView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Progress:
            return new ProgressView;
        case ElementKind::Spinner:
            return new SpinnerView;
        case ElementKind::Skeleton:
            return new SkeletonView;
        case ElementKind::Image:
            return new ImageView;
        case ElementKind::Empty:
            return new EmptyView;
        case ElementKind::Toast:
            return new ToastView;
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
