// SPDX-License-Identifier: GPL-3.0-or-later
// Views for text-like elements: headings, text, markdown, code, json, metric, alerts and
// exceptions.
#include <tessera/schema.h>
#include "elementwidget.h"
#include "measuredlabel.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <optional>

namespace tessera::widgets {

namespace {

QString read(const Element& e, const QString& name) {
    return e.props.value(name).toString();
}

/// One label, styled per kind: title, header, subheader, text, markdown, caption. The view
/// has no layout of its own: it places its label itself and answers size queries from the
/// label's measurement, which is made once per change. A change that leaves the size as it
/// was lays nothing out again.
class LabelView : public ElementWidget {
public:
    explicit LabelView(ElementKind kind) {
        m_label = new MeasuredLabel(this);
        m_label->setWordWrap(true);
        // Markdown has links to follow. Plain text gets its selection when the mouse first
        // comes over it: a label that can be selected keeps a text document of its own,
        // laid out again at every change, which on a page of thousands is most of the work.
        m_label->setTextInteractionFlags(kind == ElementKind::Markdown ? Qt::TextBrowserInteraction
                                                                       : Qt::NoTextInteraction);
        m_label->setOpenExternalLinks(true);
        QFont font = m_label->font();
        switch (kind) {
            case ElementKind::Title:
                font.setPointSizeF(font.pointSizeF() * 2.0);
                font.setWeight(QFont::Bold);
                m_margins = QMargins(0, 4, 0, 6);
                break;
            case ElementKind::Header:
                font.setPointSizeF(font.pointSizeF() * 1.6);
                font.setWeight(QFont::DemiBold);
                m_margins = QMargins(0, 8, 0, 2);
                break;
            case ElementKind::Subheader:
                font.setPointSizeF(font.pointSizeF() * 1.3);
                font.setWeight(QFont::DemiBold);
                m_margins = QMargins(0, 4, 0, 0);
                break;
            case ElementKind::Text:
                // Preformatted, as Streamlit's st.text: no wrapping (and no costly
                // height-for-width layout).
                font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
                m_label->setWordWrap(false);
                break;
            case ElementKind::Caption:
                font.setPointSizeF(font.pointSizeF() * 0.88);
                m_label->setForegroundRole(QPalette::PlaceholderText);
                break;
            default:
                break;
        }
        m_label->setFont(font);
        m_label->setTextFormat(kind == ElementKind::Markdown ? Qt::MarkdownText : Qt::PlainText);
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(m_label->wordWrap());
        setSizePolicy(policy);
    }

    QSize sizeHint() const override { return m_label->sizeHint().grownBy(m_margins); }
    QSize minimumSizeHint() const override { return m_label->minimumSizeHint().grownBy(m_margins); }
    bool hasHeightForWidth() const override { return m_label->wordWrap(); }
    int heightForWidth(int width) const override {
        return m_label->heightForWidth(width - m_margins.left() - m_margins.right()) +
               m_margins.top() + m_margins.bottom();
    }

protected:
    void display(const Element& e) override {
        const QString text = read(e, prop::text);
        if (!isVisible()) {  // not laid out yet: nothing to compare with
            if (m_label->showText(text)) updateGeometry();
            return;
        }
        // What the stack lays out by: the height at this width (a wrapped label gets the
        // stack's width), or the natural size (a label that does not wrap). One measurement
        // per change; the other hints are measured if the layout asks for them.
        const bool wraps = hasHeightForWidth();
        const QSize before = wraps ? QSize(width(), heightForWidth(width())) : sizeHint();
        if (!m_label->showText(text)) return;
        const QSize after = wraps ? QSize(width(), heightForWidth(width())) : sizeHint();
        if (after != before) updateGeometry();
    }
    void resizeEvent(QResizeEvent* event) override {
        m_label->setGeometry(rect().marginsRemoved(m_margins));
        ElementWidget::resizeEvent(event);
    }
    void enterEvent(QEnterEvent* event) override {
        if (m_label->textInteractionFlags() == Qt::NoTextInteraction)
            m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        ElementWidget::enterEvent(event);
    }

private:
    MeasuredLabel* m_label;
    QMargins m_margins;
};

/// Code and JSON: read-only monospace text, as tall as its content (up to a limit).
class CodeView : public ElementWidget {
public:
    CodeView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_edit = new QPlainTextEdit(this);
        m_edit->setReadOnly(true);
        m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_edit->setObjectName(QStringLiteral("tesseraCode"));
        layout->addWidget(m_edit);
    }

protected:
    void display(const Element& e) override {
        const QString text = read(e, prop::text);
        m_edit->setPlainText(text);
        const int lines = qBound(1, int(text.count(QLatin1Char('\n'))) + 1, 24);
        const int lineHeight = m_edit->fontMetrics().lineSpacing();
        m_edit->setFixedHeight(lines * lineHeight + 2 * m_edit->frameWidth() + 16);
    }

private:
    QPlainTextEdit* m_edit;
};

class DividerView : public ElementWidget {
public:
    DividerView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 6, 0, 6);
        auto* line = new QFrame(this);
        line->setFrameShape(QFrame::HLine);
        line->setFrameShadow(QFrame::Sunken);
        layout->addWidget(line);
    }

protected:
    void display(const Element&) override {}
};

class MetricView : public ElementWidget {
public:
    MetricView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 4);
        layout->setSpacing(0);
        m_label = new MeasuredLabel(this);
        m_label->setForegroundRole(QPalette::PlaceholderText);
        m_value = new MeasuredLabel(this);
        QFont big = m_value->font();
        big.setPointSizeF(big.pointSizeF() * 2.1);
        m_value->setFont(big);
        m_delta = new MeasuredLabel(this);
        layout->addWidget(m_label);
        layout->addWidget(m_value);
        layout->addWidget(m_delta);
    }

protected:
    void display(const Element& e) override {
        m_label->showText(read(e, prop::label));
        m_value->showText(read(e, prop::value));
        const QString delta = read(e, prop::delta);
        m_delta->setVisible(!delta.isEmpty());
        const bool down = delta.startsWith(QLatin1Char('-')) || delta.startsWith(QChar(0x2212));
        m_delta->showText((down ? QStringLiteral("▼ ") : QStringLiteral("▲ ")) + delta);
        if (!m_down || *m_down != down)  // a style sheet costs a polish: only when it changes
            m_delta->setStyleSheet(down ? QStringLiteral("color:#d62728")
                                        : QStringLiteral("color:#1a9e4b"));
        m_down = down;
    }

private:
    MeasuredLabel* m_label;
    MeasuredLabel* m_value;
    MeasuredLabel* m_delta;
    std::optional<bool> m_down;
};

/// Info, success, warning, error and exception: a tinted box with a message, in colours
/// that follow the light or dark palette.
class AlertView : public ElementWidget {
public:
    explicit AlertView(ElementKind kind) : m_kind(kind) {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_box = new QFrame(this);
        m_box->setObjectName(QStringLiteral("tesseraAlert"));
        auto* inner = new QVBoxLayout(m_box);
        inner->setContentsMargins(14, 10, 14, 10);
        m_type = new QLabel(m_box);
        QFont bold = m_type->font();
        bold.setWeight(QFont::Bold);
        m_type->setFont(bold);
        m_type->setVisible(kind == ElementKind::Exception);
        m_text = new MeasuredLabel(m_box);
        m_text->setWordWrap(true);
        m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (kind == ElementKind::Exception)
            m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        inner->addWidget(m_type);
        inner->addWidget(m_text);
        layout->addWidget(m_box);
        restyle();
    }

protected:
    void display(const Element& e) override {
        m_type->setText(read(e, prop::type));
        m_text->showText(read(e, prop::text));
    }
    void changeEvent(QEvent* event) override {
        ElementWidget::changeEvent(event);
        if (event->type() == QEvent::PaletteChange) restyle();
    }

private:
    void restyle() {
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        QColor tint(0x1c, 0x83, 0xe1),
            text = dark ? QColor(0xc7, 0xe3, 0xff) : QColor(0x0a, 0x4f, 0x8f);
        if (m_kind == ElementKind::Success)
            tint = QColor(0x21, 0xc3, 0x54),
            text = dark ? QColor(0xc4, 0xf5, 0xd3) : QColor(0x17, 0x6b, 0x35);
        if (m_kind == ElementKind::Warning)
            tint = QColor(0xff, 0xc1, 0x07),
            text = dark ? QColor(0xff, 0xec, 0xb3) : QColor(0x7a, 0x5a, 0x00);
        if (m_kind == ElementKind::Error || m_kind == ElementKind::Exception)
            tint = QColor(0xff, 0x2b, 0x2b),
            text = dark ? QColor(0xff, 0xd0, 0xd0) : QColor(0x9b, 0x1c, 0x1c);
        tint.setAlphaF(dark ? 0.22 : 0.13);
        const QString background = QStringLiteral("rgba(%1,%2,%3,%4)")
                                       .arg(tint.red())
                                       .arg(tint.green())
                                       .arg(tint.blue())
                                       .arg(tint.alphaF());
        m_box->setStyleSheet(
            QStringLiteral("#tesseraAlert{background:%1;border-radius:6px;}QLabel{color:%2;}")
                .arg(background, text.name()));
    }

    ElementKind m_kind;
    QFrame* m_box;
    QLabel* m_type;
    MeasuredLabel* m_text;
};

}  // namespace

ElementWidget* createTextView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Code:
        case ElementKind::Json:
            return new CodeView;
        case ElementKind::Divider:
            return new DividerView;
        case ElementKind::Metric:
            return new MetricView;
        case ElementKind::Info:
        case ElementKind::Success:
        case ElementKind::Warning:
        case ElementKind::Error:
        case ElementKind::Exception:
            return new AlertView(kind);
        case ElementKind::Title:
        case ElementKind::Header:
        case ElementKind::Subheader:
        case ElementKind::Text:
        case ElementKind::Markdown:
        case ElementKind::Caption:
            return new LabelView(kind);
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
