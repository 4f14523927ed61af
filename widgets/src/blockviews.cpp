// SPDX-License-Identifier: GPL-3.0-or-later
// Views that hold other views: container (also a column and a tab page), form, columns,
// tabs, expander, status box, popover, dialog and chat message.
#include <tessera/schema.h>
#include "elementwidget.h"
#include "stackview.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace tessera::widgets {

namespace {

/// A form: a container, framed unless the dashboard asks for no border. Enter in one of its
/// text fields presses its submit button (see pressFormSubmit()).
class FormView : public StackView {
public:
    FormView() { setProperty(kFormProperty, true); }

protected:
    void display(const Element& e) override {
        m_border = e.props.value(prop::border, true).toBool();
        const int margin = m_border ? 14 : 0;
        layout()->setContentsMargins(margin, margin, margin, margin);
        update();
    }
    void paintEvent(QPaintEvent*) override {
        if (!m_border) return;
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    }

private:
    bool m_border = true;
};

class ColumnsView : public ElementWidget {
public:
    ColumnsView() {
        m_layout = new QHBoxLayout(this);
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setSpacing(18);
    }
    void insertChild(int index, ElementWidget* child) override {
        m_layout->insertWidget(index, child, weight(child), Qt::AlignTop);
    }
    void childChanged(int index, ElementWidget* child) override {
        m_layout->setStretch(index, weight(child));
    }

protected:
    void display(const Element&) override {}

private:
    static int weight(ElementWidget* child) {
        return qMax(1, child->element().props.value(prop::weight).toInt());
    }
    QHBoxLayout* m_layout;
};

class TabsView : public ElementWidget {
public:
    TabsView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_tabs = new QTabWidget(this);
        m_tabs->setDocumentMode(true);
        layout->addWidget(m_tabs);
    }
    void insertChild(int index, ElementWidget* child) override {
        m_tabs->insertTab(index, child, label(child));
    }
    void childChanged(int index, ElementWidget* child) override {
        m_tabs->setTabText(index, label(child));
    }

protected:
    void display(const Element&) override {}

private:
    static QString label(ElementWidget* child) {
        return child->element().props.value(prop::label).toString();
    }
    QTabWidget* m_tabs;
};

class ExpanderView : public ElementWidget {
public:
    ExpanderView() {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(6);
        m_header = new QToolButton(this);
        m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_header->setAutoRaise(true);
        m_header->setCheckable(true);
        m_header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        // Its children live in a stack: closed, they have no views; open, only those that
        // can be seen.
        m_body = new StackView;
        m_body->setParent(this);
        m_body->layout()->setContentsMargins(18, 0, 0, 6);
        layout->addWidget(m_header);
        layout->addWidget(m_body);
        QObject::connect(m_header, &QToolButton::toggled, this,
                         [this](bool open) { setOpen(open); });
    }
    LazyChildren* lazyChildren() override { return m_body; }

protected:
    void display(const Element& e) override {
        m_header->setText(e.props.value(prop::label).toString());
        // The initial state comes from the code; afterwards the user's choice is kept.
        if (!m_initialized) {
            m_initialized = true;
            const bool open = e.props.value(prop::expanded).toBool();
            m_header->setChecked(open);
            setOpen(open);
        }
    }

protected:
    void setOpen(bool open) {
        m_header->setChecked(open);
        m_header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_body->setVisible(open);
    }
    QToolButton* m_header;

private:
    StackView* m_body;
    bool m_initialized = false;
};

/// A status box: an expander whose header shows how its step went. It opens by itself when
/// the step fails.
class StatusView : public ExpanderView {
protected:
    void display(const Element& e) override {
        ExpanderView::display(e);
        const QString state = e.props.value(prop::state).toString();
        const QString mark = state == u"complete" ? QStringLiteral("✔")
                             : state == u"error"  ? QStringLiteral("✖")
                                                  : QStringLiteral("⏳");
        m_header->setText(mark + QStringLiteral("  ") + e.props.value(prop::label).toString());
        if (state == u"error" && m_state != state) setOpen(true);
        m_state = state;
    }

private:
    QString m_state;
};

/// A button that opens its children in a popup; working with them keeps the popup open.
class PopoverView : public ElementWidget {
public:
    PopoverView() {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        m_button = new QToolButton(this);
        m_button->setPopupMode(QToolButton::InstantPopup);
        auto* menu = new QMenu(m_button);
        auto* panel = new QWidget;
        m_panelLayout = new QVBoxLayout(panel);
        m_panelLayout->setContentsMargins(12, 10, 12, 10);
        m_panelLayout->setSpacing(10);
        auto* action = new QWidgetAction(menu);
        action->setDefaultWidget(panel);  // the action owns the panel
        menu->addAction(action);
        m_button->setMenu(menu);
        layout->addWidget(m_button);
        layout->addStretch();
    }
    void insertChild(int index, ElementWidget* child) override {
        m_panelLayout->insertWidget(index, child);
    }

protected:
    void display(const Element& e) override {
        m_button->setText(e.props.value(prop::label).toString());
    }

private:
    QToolButton* m_button;
    QVBoxLayout* m_panelLayout;
};

/// A dialog takes no room on the page: its children live in a modal window that opens when
/// the dialog first appears. Closed by the person, it stays closed; it goes for good when
/// the page no longer has it.
class DialogView : public ElementWidget {
public:
    DialogView() {
        setFixedHeight(0);
        m_dialog = new QDialog(this);
        m_dialog->setModal(true);
        auto* outer = new QVBoxLayout(m_dialog);
        auto* scroll = new QScrollArea(m_dialog);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto* body = new QWidget;
        m_layout = new QVBoxLayout(body);
        m_layout->setAlignment(Qt::AlignTop);
        m_layout->setSpacing(10);
        scroll->setWidget(body);
        outer->addWidget(scroll);
        m_dialog->resize(560, 420);
    }
    void insertChild(int index, ElementWidget* child) override {
        m_layout->insertWidget(index, child);
    }

protected:
    void display(const Element& e) override {
        m_dialog->setWindowTitle(e.props.value(prop::title).toString());
        if (m_opened) return;
        m_opened = true;
        // Applied before it is placed in the window: open once it is there, over it.
        QTimer::singleShot(0, this, [this] { m_dialog->show(); });
    }

private:
    QDialog* m_dialog;
    QVBoxLayout* m_layout;
    bool m_opened = false;
};

/// A chat message: the author's avatar in a circle beside the message's children; the
/// assistant's messages on a tinted background.
class ChatMessageView : public ElementWidget {
public:
    ChatMessageView() {
        auto* row = new QHBoxLayout(this);
        row->setContentsMargins(8, 8, 8, 8);
        row->setSpacing(12);
        m_avatar = new QLabel(this);
        m_avatar->setFixedSize(32, 32);
        m_avatar->setAlignment(Qt::AlignCenter);
        auto* body = new QWidget(this);
        m_layout = new QVBoxLayout(body);
        m_layout->setContentsMargins(0, 4, 0, 0);
        m_layout->setSpacing(8);
        row->addWidget(m_avatar, 0, Qt::AlignTop);
        row->addWidget(body, 1);
    }
    void insertChild(int index, ElementWidget* child) override {
        m_layout->insertWidget(index, child);
    }

protected:
    void display(const Element& e) override {
        m_avatar->setText(e.props.value(prop::avatar).toString());
        m_avatar->setAccessibleName(e.props.value(prop::role).toString());
        m_tinted = e.props.value(prop::role).toString() == u"assistant";
        m_avatar->setStyleSheet(
            m_tinted ? QStringLiteral("QLabel { background: palette(highlight); color: "
                                      "palette(highlighted-text); border-radius: 16px; "
                                      "font-weight: 600; }")
                     : QStringLiteral("QLabel { background: palette(midlight); border-radius: "
                                      "16px; font-weight: 600; }"));
        update();
    }
    void paintEvent(QPaintEvent*) override {
        if (!m_tinted) return;
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::AlternateBase));
        painter.drawRoundedRect(QRectF(rect()), 8, 8);
    }

private:
    QLabel* m_avatar;
    QVBoxLayout* m_layout;
    bool m_tinted = false;
};

}  // namespace

ElementWidget* createBlockView(ElementKind kind) {
    switch (kind) {
        case ElementKind::Columns:
            return new ColumnsView;
        case ElementKind::Tabs:
            return new TabsView;
        case ElementKind::Expander:
            return new ExpanderView;
        case ElementKind::Form:
            return new FormView;
        case ElementKind::Status:
            return new StatusView;
        case ElementKind::Popover:
            return new PopoverView;
        case ElementKind::Dialog:
            return new DialogView;
        case ElementKind::ChatMessage:
            return new ChatMessageView;
        case ElementKind::Container:
        case ElementKind::Column:
        case ElementKind::Tab:
        case ElementKind::Fragment:
            return new StackView;
        default:
            return nullptr;
    }
}

}  // namespace tessera::widgets
