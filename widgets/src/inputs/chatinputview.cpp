// SPDX-License-Identifier: GPL-3.0-or-later
// The chat input, docked at the bottom of its scroll area.
#include "inputviews.h"

#include <tessera/schema.h>

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

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

ElementWidget* createChatInputView() {
    return new ChatInputView;
}

}  // namespace tessera::widgets
