// SPDX-License-Identifier: GPL-3.0-or-later
// Views for widgets. Each shows the value the run reported (with its signals blocked, so
// showing never echoes back) and sends user changes to the session through sendValue().
#include <tessera/schema.h>
#include "elementwidget.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

QVariant read(const Element& e, const QString& name) {
    return e.props.value(name);
}

/// Base for widgets with a label above the control.
class LabelledView : public ElementWidget {
public:
    LabelledView() {
        m_layout = new QVBoxLayout(this);
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setSpacing(4);
        m_label = new QLabel(this);
        m_layout->addWidget(m_label);
    }

protected:
    void showLabel(const Element& e, QWidget* control) {
        m_label->setText(read(e, prop::label).toString());
        setToolTip(read(e, prop::help).toString());
        control->setEnabled(!read(e, prop::disabled).toBool());
    }
    QVBoxLayout* m_layout;
    QLabel* m_label;
};

class ButtonView : public ElementWidget {
public:
    /// `primary`: a form's submit button, in bold; Enter in its form presses it.
    explicit ButtonView(bool primary = false) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_button = new QPushButton(this);
        // Not a dialog's default button either: Enter presses only what pressFormSubmit() does.
        m_button->setAutoDefault(false);
        m_button->setProperty(kSubmitProperty, primary);
        if (primary) {
            QFont bold = m_button->font();
            bold.setBold(true);
            m_button->setFont(bold);
        }
        layout->addWidget(m_button);
        layout->addStretch();
        QObject::connect(m_button, &QPushButton::clicked, this, [this] { pressed(); });
    }

protected:
    void display(const Element& e) override {
        m_button->setText(read(e, prop::label).toString());
        m_button->setToolTip(read(e, prop::help).toString());
        m_button->setEnabled(!read(e, prop::disabled).toBool());
    }
    /// What a click does: report it to the session.
    virtual void pressed() { sendValue(true); }

    QPushButton* m_button;
};

/// A download button: asks where to save the element's bytes, writes them, and reports the
/// click like a button. A file that cannot be written says why; nothing is sent then. A
/// deferred button (its bytes made on a press) reports the click first and saves the bytes
/// that the run the click causes brings.
class DownloadButtonView : public ButtonView {
public:
    DownloadButtonView() { m_button->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton)); }

protected:
    void pressed() override {
        if (read(element(), prop::deferred).toBool()) {
            m_awaiting = true;
            ButtonView::pressed();
            return;
        }
        if (save(element().blob)) ButtonView::pressed();
    }
    void display(const Element& e) override {
        ButtonView::display(e);
        if (!m_awaiting || e.blob.isEmpty()) return;
        m_awaiting = false;
        // After the renderer has applied its ops: the dialog runs an event loop of its own.
        QTimer::singleShot(0, this, [this, bytes = e.blob] { save(bytes); });
    }

private:
    bool save(const QByteArray& bytes) {
        const QString name = read(element(), prop::fileName).toString();
        const QString file = QFileDialog::getSaveFileName(
            this, m_button->text(),
            QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
                .filePath(name));
        if (file.isEmpty()) return false;
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            QMessageBox::warning(
                this, m_button->text(),
                QStringLiteral("Could not save %1: %2").arg(file, out.errorString()));
            return false;
        }
        return true;
    }

    bool m_awaiting = false;  ///< pressed a deferred button; its bytes are on their way
};

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

/// Int and double sliders: the QSlider works in steps, the view maps steps to values.
class SliderView : public LabelledView {
public:
    SliderView() {
        auto* row = new QHBoxLayout;
        m_slider = new QSlider(Qt::Horizontal, this);
        m_value = new QLabel(this);
        m_value->setMinimumWidth(
            m_value->fontMetrics().horizontalAdvance(QStringLiteral("000000.00")));
        m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row->addWidget(m_slider, 1);
        row->addWidget(m_value);
        m_layout->addLayout(row);
        QObject::connect(m_slider, &QSlider::valueChanged, this, [this](int step) {
            m_value->setText(format(toValue(step)));
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
        m_value->setText(format(read(e, prop::value).toDouble()));
    }

private:
    double toValue(int step) const { return m_min + step * m_step; }
    QString format(double v) const {
        if (m_integer) return QString::number(qint64(std::llround(v)));
        const int decimals = qBound(0, int(std::ceil(-std::log10(m_step))), 6);
        return QString::number(v, 'f', decimals);
    }
    QSlider* m_slider;
    QLabel* m_value;
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

class SelectboxView : public LabelledView {
public:
    SelectboxView() {
        m_combo = new QComboBox(this);
        m_layout->addWidget(m_combo);
        QObject::connect(m_combo, &QComboBox::activated, this,
                         [this](int index) { sendValue(m_combo->itemText(index)); });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_combo);
        const QSignalBlocker block(m_combo);
        const QStringList options = read(e, prop::options).toStringList();
        if (m_options != options) {
            m_combo->clear();
            m_combo->addItems(options);
            m_options = options;
        }
        m_combo->setCurrentText(read(e, prop::value).toString());
    }

private:
    QComboBox* m_combo;
    QStringList m_options;
};

class RadioView : public LabelledView {
public:
    RadioView() {
        m_group = new QButtonGroup(this);
        m_buttons = new QVBoxLayout;
        m_buttons->setSpacing(2);
        m_layout->addLayout(m_buttons);
        QObject::connect(m_group, &QButtonGroup::idClicked, this,
                         [this](int id) { sendValue(m_options.value(id)); });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, this);
        const QStringList options = read(e, prop::options).toStringList();
        if (options != m_options) {
            for (QAbstractButton* b : m_group->buttons()) delete b;
            for (int i = 0; i < options.size(); ++i) {
                auto* b = new QRadioButton(options[i], this);
                m_group->addButton(b, i);
                m_buttons->addWidget(b);
            }
            m_options = options;
        }
        const int current = options.indexOf(read(e, prop::value).toString());
        if (QAbstractButton* b = m_group->button(current)) {
            const QSignalBlocker block(m_group);
            b->setChecked(true);
        }
    }

private:
    QButtonGroup* m_group;
    QVBoxLayout* m_buttons;
    QStringList m_options;
};

class MultiselectView : public LabelledView {
public:
    MultiselectView() {
        m_list = new QListWidget(this);
        m_list->setSelectionMode(QAbstractItemView::NoSelection);
        m_list->setFlow(QListView::LeftToRight);
        m_list->setWrapping(true);
        m_list->setSpacing(2);
        m_layout->addWidget(m_list);
        QObject::connect(m_list, &QListWidget::itemChanged, this, [this] {
            QStringList chosen;
            for (int i = 0; i < m_list->count(); ++i)
                if (m_list->item(i)->checkState() == Qt::Checked) chosen << m_list->item(i)->text();
            sendValue(chosen);
        });
    }

protected:
    void display(const Element& e) override {
        showLabel(e, m_list);
        const QSignalBlocker block(m_list);
        const QStringList options = read(e, prop::options).toStringList();
        const QStringList chosen = read(e, prop::value).toStringList();
        if (options != m_options) {
            m_list->clear();
            for (const QString& o : options) {
                auto* item = new QListWidgetItem(o, m_list);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            }
            m_options = options;
        }
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setCheckState(
                chosen.contains(m_list->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
        m_list->setFixedHeight(m_list->fontMetrics().height() * (1 + int(options.size()) / 4) + 24);
    }

private:
    QListWidget* m_list;
    QStringList m_options;
};

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

/// The chat input: a message box with a send button, pinned over the bottom of the scroll
/// area that shows the page (its place in the page keeps the page's end clear of it).
class ChatInputView : public ElementWidget {
public:
    ChatInputView() {
        m_bar = new QFrame(this);
        m_bar->setAutoFillBackground(true);
        auto* row = new QHBoxLayout(m_bar);
        row->setContentsMargins(12, 8, 12, 8);
        m_edit = new QLineEdit(m_bar);
        m_edit->setClearButtonEnabled(true);
        m_send = new QPushButton(QStringLiteral("Send"), m_bar);
        row->addWidget(m_edit, 1);
        row->addWidget(m_send);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_bar);
        QObject::connect(m_edit, &QLineEdit::returnPressed, this, [this] { send(); });
        QObject::connect(m_send, &QPushButton::clicked, this, [this] { send(); });
    }
    ~ChatInputView() override { delete m_bar.data(); }  // pinned, it is not our child

protected:
    void display(const Element& e) override {
        m_edit->setPlaceholderText(read(e, prop::label).toString());
        m_edit->setAccessibleName(read(e, prop::label).toString());
        m_edit->setToolTip(read(e, prop::help).toString());
        const bool enabled = !read(e, prop::disabled).toBool();
        m_edit->setEnabled(enabled);
        m_send->setEnabled(enabled);
        if (m_pinning) return;
        m_pinning = true;
        QTimer::singleShot(0, this, [this] { pin(); });  // once it is in the page
    }
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Resize && m_area && watched == m_area->viewport()) place();
        return false;
    }

private:
    void send() {
        const QString text = m_edit->text().trimmed();
        if (text.isEmpty()) return;
        m_edit->clear();
        sendValue(text);
    }
    void pin() {
        for (QWidget* w = parentWidget(); w && !m_area; w = w->parentWidget())
            m_area = qobject_cast<QScrollArea*>(w);
        if (!m_area || !m_bar) return;
        layout()->removeWidget(m_bar);
        m_bar->setParent(m_area);
        m_bar->setFrameShape(QFrame::StyledPanel);
        setFixedHeight(m_bar->sizeHint().height());
        m_area->viewport()->installEventFilter(this);
        place();
        m_bar->show();
        m_bar->raise();
    }
    void place() {
        const QRect port = m_area->viewport()->geometry();
        const int height = m_bar->sizeHint().height();
        m_bar->setGeometry(port.left(), port.bottom() + 1 - height, port.width(), height);
    }

    QPointer<QFrame> m_bar;
    QLineEdit* m_edit;
    QPushButton* m_send;
    QPointer<QScrollArea> m_area;
    bool m_pinning = false;
};

}  // namespace

ElementWidget* createInputView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Button:
            return new ButtonView;
        case ElementKind::FormSubmitButton:
            return new ButtonView(true);
        case ElementKind::ChatInput:
            return new ChatInputView;
        case ElementKind::DownloadButton:
            return new DownloadButtonView;
        case ElementKind::Checkbox:
            return new CheckView(false);
        case ElementKind::Toggle:
            return new CheckView(true);
        case ElementKind::Slider:
            return new SliderView;
        case ElementKind::RangeSlider:
            return new RangeSliderView;
        case ElementKind::Selectbox:
            return new SelectboxView;
        case ElementKind::Radio:
            return new RadioView;
        case ElementKind::Multiselect:
            return new MultiselectView;
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
        case ElementKind::FileUploader:
            return createFileUploaderView();
        case ElementKind::DataEditor:
            return createDataEditorView();
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
