// SPDX-License-Identifier: GPL-3.0-or-later
// The overlay half of Ui: toasts, popovers, status boxes and dialogs. The page holds them
// like any element; each renderer draws them over the page.
#include <tessera/schema.h>
#include <tessera/ui.h>

#include "runcontext.h"

#include <exception>

namespace tessera {

void Ui::toast(const QString& text, const QString& icon) {
    auto e = std::make_shared<Element>();
    e->kind = ElementKind::Toast;
    e->props = {{prop::text, text}, {prop::icon, icon}};
    place(e);
}

Ui Ui::popover(const QString& label) {
    return openBlock(ElementKind::Popover, {{prop::label, label}});
}

StatusBox Ui::status(const QString& label, bool expanded) {
    Ui box = openBlock(ElementKind::Status, {{prop::label, label},
                                             {prop::state, enumName(StatusState::Running)},
                                             {prop::expanded, expanded}});
    return StatusBox(std::move(box), label, expanded);
}

void Ui::dialog(const QString& title, std::function<void(Ui&)> fn) {
    const auto ctx = context();
    ctx->check();
    if (ctx->isFragment()) {
        usageError(
            QStringLiteral("dialog '%1' is opened inside fragment '%2': open dialogs from the "
                           "dashboard's main body, e.g. when a button there is pressed.")
                .arg(title, ctx->scope.name));
        return;
    }
    // The dialog's body is a fragment in the dialog's block: its own scope, its own reruns.
    Ui block = openBlock(ElementKind::Dialog, {{prop::title, title}});
    block.fragment(title, std::move(fn));
}

void Ui::restateBlock(ElementKind kind, QVariantMap props) const {
    const auto& ctx = context();
    ctx->check();
    auto e = std::make_shared<Element>();
    e->kind = kind;
    e->props = std::move(props);
    ctx->post(m_container, e);
}

StatusBox::StatusBox(Ui box, QString label, bool expanded)
    : m_box(std::make_unique<Ui>(std::move(box))),
      m_label(std::move(label)),
      m_expanded(expanded),
      m_uncaught(std::uncaught_exceptions()) {}

StatusBox::StatusBox(StatusBox&&) noexcept = default;

void StatusBox::update(const QString& label, StatusState state, std::optional<bool> expanded) {
    m_label = label;
    if (expanded) m_expanded = *expanded;
    m_settled = state != StatusState::Running;
    m_box->restateBlock(
        ElementKind::Status,
        {{prop::label, m_label}, {prop::state, enumName(state)}, {prop::expanded, m_expanded}});
}

StatusBox::~StatusBox() {
    if (!m_box || m_settled) return;
    const bool failing = std::uncaught_exceptions() > m_uncaught;
    try {
        update(m_label, failing ? StatusState::Error : StatusState::Complete);
    } catch (...) {
        // The run was superseded or ended: its page is being replaced anyway.
    }
}

}  // namespace tessera
