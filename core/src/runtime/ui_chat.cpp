// SPDX-License-Identifier: GPL-3.0-or-later
// The chat half of Ui: messages with avatars and text streamed into place piece by piece
// (the chat input is a widget: ui_widgets.cpp).
#include <tessera/schema.h>
#include <tessera/ui.h>

namespace tessera {

namespace {

/// The role's initial: a letter every font has (emoji need a font that may be missing).
QString defaultAvatar(const QString& role) {
    return role.isEmpty() ? QStringLiteral("?") : role.left(1).toUpper();
}

}  // namespace

Ui Ui::chatMessage(const QString& role, const QString& avatar) {
    return openBlock(
        ElementKind::ChatMessage,
        {{prop::role, role}, {prop::avatar, avatar.isEmpty() ? defaultAvatar(role) : avatar}});
}

QString Ui::writeStream(const std::function<std::optional<QString>()>& next) {
    static const QString cursor = QStringLiteral("▌");
    Ui slot = empty();
    QString text;
    while (const std::optional<QString> piece = next()) {
        text += *piece;
        slot.markdown(text + cursor);
    }
    slot.markdown(text);
    return text;
}

}  // namespace tessera
