// SPDX-License-Identifier: GPL-3.0-or-later
// Chat as a user sees it: the chat input returns what was sent for one run only; messages
// carry their author's avatar; writeStream shows each piece as it comes.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QMutex>
#include <QSemaphore>
#include <QTest>

using namespace tessera;
using tessera::testing::AppTest;

class TestChat : public QObject {
    Q_OBJECT
private slots:
    void theChatInputFiresOnceAndResets() {
        QMutex mutex;
        QStringList seen;
        AppTest at([&](Ui& ui) {
            const QString sent = ui.chatInput(QStringLiteral("Ask"));
            QMutexLocker lock(&mutex);
            seen << sent;
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Ask")).set(QStringLiteral("hello")).isEmpty());
        QVERIFY(at.run());
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Ask")).set(QStringLiteral("again")).isEmpty());
        QVERIFY(at.run());
        QMutexLocker lock(&mutex);
        QCOMPARE(seen, (QStringList{QString(), QStringLiteral("hello"), QString(),
                                    QStringLiteral("again")}));
    }

    void messagesCarryTheirAvatar() {
        AppTest at([](Ui& ui) {
            ui.chatMessage(QStringLiteral("user")).text(QStringLiteral("hi"));
            ui.chatMessage(QStringLiteral("assistant")).text(QStringLiteral("hello"));
            ui.chatMessage(QStringLiteral("moderator"));
            ui.chatMessage(QStringLiteral("user"), QStringLiteral("🦊"));
        });
        QVERIFY(at.run());
        const auto messages = at.elements(QStringLiteral("chat_message"));
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[0].prop(prop::avatar).toString(), QStringLiteral("U"));
        QCOMPARE(messages[1].prop(prop::avatar).toString(), QStringLiteral("A"));
        QCOMPARE(messages[2].prop(prop::avatar).toString(), QStringLiteral("M"));
        QCOMPARE(messages[3].prop(prop::avatar).toString(), QStringLiteral("🦊"));
        QCOMPARE(at.elements(QStringLiteral("text"))[1].path().mid(0, 2), messages[1].path());
    }

    /// The page shows the first piece while the second is not there yet.
    void writeStreamShowsEachPieceAsItComes() {
        QSemaphore secondPiece;
        QString returned;
        AppTest at([&](Ui& ui) {
            int piece = 0;
            returned = ui.chatMessage(QStringLiteral("assistant"))
                           .writeStream([&]() -> std::optional<QString> {
                               switch (piece++) {
                                   case 0:
                                       return QStringLiteral("Hel");
                                   case 1:
                                       secondPiece.tryAcquire(1, 20000);
                                       return QStringLiteral("lo");
                                   default:
                                       return std::nullopt;
                               }
                           });
        });
        at.start();
        QTRY_COMPARE(at.element(QStringLiteral("markdown")).text(), QStringLiteral("Hel▌"));
        secondPiece.release();
        QVERIFY(at.waitIdle());
        QCOMPARE(at.element(QStringLiteral("markdown")).text(), QStringLiteral("Hello"));
        QCOMPARE(at.elements(QStringLiteral("markdown")).size(), 1);
        QCOMPARE(returned, QStringLiteral("Hello"));
    }

    void aChatInputInAFormIsRefused() {
        AppTest at([](Ui& ui) {
            Ui form = ui.form(QStringLiteral("f"));
            form.chatInput();
            form.formSubmitButton();
        });
        QVERIFY(at.run());
        QVERIFY(!at.element(QStringLiteral("chat_input")).exists());
        QVERIFY(at.element(QStringLiteral("error")).text().contains(QStringLiteral("outside")));
    }
};

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
