// SPDX-License-Identifier: GPL-3.0-or-later
// Entries: a line or area of text, a number, a date, a colour.
#include "inputviews.h"

#include <tessera/schema.h>

#include <QColorDialog>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>

namespace tessera::widgets {

namespace {

class TextInputView : public LabelledView {
public:
    TextInputView() {
        m_edit = new QLineEdit(this);
        m_layout->addWidget(m_edit);
        // Like Streamlit: the value is sent on Enter or when the field loses focus.
        QObject::connect(m_edit, &QLineEdit::editingFinished, this, [this] {
            if (m_edit->text() != m_shown) sendValue(m_shown = m_edit->text());
        });
        // Queued: the value (sent on editingFinished, after returnPressed) goes first.
        QObject::connect(
            m_edit, &QLineEdit::returnPressed, this, [this] { pressFormSubmit(this); },
            Qt::QueuedConnection);
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_edit);
        m_shown = read(e, prop::value).toString();
        if (m_edit->text() != m_shown) {
            const QSignalBlocker block(m_edit);
            m_edit->setText(m_shown);
        }
    }

private:
    QLineEdit* m_edit;
    QString m_shown;
};

class TextAreaView : public LabelledView {
public:
    TextAreaView() {
        m_edit = new QPlainTextEdit(this);
        m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 5 + 12);
        m_edit->installEventFilter(this);
        m_layout->addWidget(m_edit);
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_edit);
        m_shown = read(e, prop::value).toString();
        if (m_edit->toPlainText() != m_shown) {
            const QSignalBlocker block(m_edit);
            m_edit->setPlainText(m_shown);
        }
    }
    /// Sends on focus-out and on Ctrl+Enter, as Streamlit's text area does.
    bool eventFilter(QObject* watched, QEvent* event) override {
        const bool commit =
            event->type() == QEvent::FocusOut ||
            (event->type() == QEvent::KeyPress &&
             static_cast<QKeyEvent*>(event)->modifiers().testFlag(Qt::ControlModifier) &&
             (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Return ||
              static_cast<QKeyEvent*>(event)->key() == Qt::Key_Enter));
        if (commit && m_edit->toPlainText() != m_shown) sendValue(m_shown = m_edit->toPlainText());
        return LabelledView::eventFilter(watched, event);
    }

private:
    QPlainTextEdit* m_edit;
    QString m_shown;
};

class NumberInputView : public LabelledView {
public:
    NumberInputView() {
        m_spin = new QDoubleSpinBox(this);
        m_spin->setKeyboardTracking(false);
        m_layout->addWidget(m_spin);
        QObject::connect(m_spin, &QDoubleSpinBox::valueChanged, this,
                         [this](double v) { sendValue(v); });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_spin);
        const QSignalBlocker block(m_spin);
        const double step = read(e, prop::step).toDouble();
        m_spin->setDecimals(step >= 1 ? 0 : qBound(1, int(std::ceil(-std::log10(step))), 6));
        m_spin->setRange(read(e, prop::min).toDouble(), read(e, prop::max).toDouble());
        m_spin->setSingleStep(step);
        m_spin->setValue(read(e, prop::value).toDouble());
    }

private:
    QDoubleSpinBox* m_spin;
};

class DateInputView : public LabelledView {
public:
    DateInputView() {
        m_edit = new QDateEdit(this);
        m_edit->setCalendarPopup(true);
        m_edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        m_layout->addWidget(m_edit);
        QObject::connect(m_edit, &QDateEdit::dateChanged, this,
                         [this](const QDate& d) { sendValue(d); });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_edit);
        const QSignalBlocker block(m_edit);
        m_edit->setDate(read(e, prop::value).toDate());
    }

private:
    QDateEdit* m_edit;
};

class ColorPickerView : public LabelledView {
public:
    ColorPickerView() {
        auto* row = new QHBoxLayout;
        m_button = new QPushButton(this);
        m_button->setFixedSize(44, 26);
        m_name = new QLabel(this);
        row->addWidget(m_button);
        row->addWidget(m_name);
        row->addStretch();
        m_layout->addLayout(row);
        QObject::connect(m_button, &QPushButton::clicked, this, [this] {
            const QColor chosen = QColorDialog::getColor(QColor(m_color), this, m_label->text());
            if (chosen.isValid()) sendValue(chosen.name());
        });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_button);
        m_color = read(e, prop::value).toString();
        m_name->setText(m_color);
        m_button->setStyleSheet(
            QStringLiteral("background:%1;border:1px solid palette(mid);border-radius:4px;")
                .arg(m_color));
    }

private:
    QPushButton* m_button;
    QLabel* m_name;
    QString m_color;
};

}  // namespace

ElementWidget* createEntryView(ElementKind kind) {
    switch (kind) {
        case ElementKind::TextInput:
            return new TextInputView;
        case ElementKind::TextArea:
            return new TextAreaView;
        case ElementKind::NumberInput:
            return new NumberInputView;
        case ElementKind::DateInput:
            return new DateInputView;
        case ElementKind::ColorPicker:
            return new ColorPickerView;
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
