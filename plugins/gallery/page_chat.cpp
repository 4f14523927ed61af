// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"

#include <QRegularExpression>

namespace gallery {

namespace {

/// A reply of the gallery's (very modest) assistant, computed from the question alone.
QString answerTo(const QString& question) {
    const int words =
        question.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size();
    return QStringLiteral(
               "You asked **“%1”** — %2 word(s). This answer is streamed into "
               "place piece by piece with `ui.writeStream()`, while the chat input "
               "stays pinned at the bottom.")
        .arg(question)
        .arg(words);
}

}  // namespace

void chat(tessera::Ui& ui) {
    ui.title(QStringLiteral("Chat"));
    ui.caption(
        QStringLiteral("Messages are kept in session state; the input returns what was "
                       "sent in the one run that sending it causes."));
    const QString historyKey = QStringLiteral("gallery.chat");
    QVariantList history = ui.state().value(historyKey).toList();
    if (history.isEmpty())
        history << QVariantMap{{QStringLiteral("role"), QStringLiteral("assistant")},
                               {QStringLiteral("text"), QStringLiteral("Hello! Ask me anything.")}};
    for (const QVariant& m : history) {
        const QVariantMap message = m.toMap();
        ui.chatMessage(message.value(QStringLiteral("role")).toString())
            .markdown(message.value(QStringLiteral("text")).toString());
    }

    const QString question = ui.chatInput(QStringLiteral("Ask the gallery"));
    if (question.isEmpty()) {
        ui.state().set(historyKey, history);
        return;
    }
    ui.chatMessage(QStringLiteral("user")).markdown(question);
    const QStringList pieces = answerTo(question).split(QLatin1Char(' '));
    int next = 0;
    const QString answer =
        ui.chatMessage(QStringLiteral("assistant")).writeStream([&]() -> std::optional<QString> {
            if (next == pieces.size()) return std::nullopt;
            ui.sleep(std::chrono::milliseconds(25));  // a model producing tokens
            const QString piece = next == 0 ? pieces[next] : QStringLiteral(" ") + pieces[next];
            ++next;
            return piece;
        });
    history << QVariantMap{{QStringLiteral("role"), QStringLiteral("user")},
                           {QStringLiteral("text"), question}}
            << QVariantMap{{QStringLiteral("role"), QStringLiteral("assistant")},
                           {QStringLiteral("text"), answer}};
    ui.state().set(historyKey, history);
}

}  // namespace gallery
