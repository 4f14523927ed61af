// SPDX-License-Identifier: GPL-3.0-or-later
// Download buttons as a user sees them: the page carries the bytes and the file name, the
// click is true for one run, and a file name with folders is refused with a clear error.
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <tessera/schema.h>

#include <QTest>
#include <atomic>
#include <stdexcept>

using namespace tessera;
using tessera::testing::AppTest;

class TestDownload : public QObject {
    Q_OBJECT
private slots:
    void theButtonCarriesItsBytesAndFiresOnce() {
        std::atomic<int> clicks{0};
        AppTest at([&](Ui& ui) {
            const QByteArray csv("day,users\n1,10\n2,12\n");
            if (ui.downloadButton(QStringLiteral("Export"), csv, QStringLiteral("users.csv"),
                                  QStringLiteral("text/csv")))
                ++clicks;
        });
        QVERIFY(at.run());
        const auto button = at.element(QStringLiteral("download_button"));
        QCOMPARE(button.element()->blob, QByteArray("day,users\n1,10\n2,12\n"));
        QCOMPARE(button.prop(prop::fileName).toString(), QStringLiteral("users.csv"));
        QCOMPARE(button.prop(prop::mime).toString(), QStringLiteral("text/csv"));
        QVERIFY(at.widget(QStringLiteral("Export")).click());
        QCOMPARE(clicks.load(), 1);
        QVERIFY(at.run());
        QCOMPARE(clicks.load(), 1);
    }

    void aFileNameWithFoldersIsRefused_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("a folder") << QStringLiteral("../secrets.txt");
        QTest::newRow("a windows folder") << QStringLiteral("c:\\\\boot.ini");
    }
    void aFileNameWithFoldersIsRefused() {
        QFETCH(QString, name);
        AppTest at([name](Ui& ui) { ui.downloadButton(QStringLiteral("Save"), "x", name); });
        QVERIFY(at.run());
        QVERIFY(!at.element(QStringLiteral("download_button")).exists());
        QVERIFY(at.element(QStringLiteral("error")).text().contains(QStringLiteral("plain name")));
    }

    void aFunctionMakesTheBytesOnlyWhenPressed() {
        std::atomic<int> made{0};
        AppTest at([&](Ui& ui) {
            ui.downloadButton(
                QStringLiteral("Report"),
                [&] {
                    ++made;
                    return QByteArray("costly report");
                },
                QStringLiteral("report.txt"), QStringLiteral("text/plain"));
        });
        QVERIFY(at.run());
        auto button = [&] { return at.element(QStringLiteral("download_button")); };
        QCOMPARE(made.load(), 0);
        QVERIFY(button().prop(prop::deferred).toBool());
        QVERIFY(button().element()->blob.isEmpty());
        // Pressed: the run it causes makes the bytes, and its element carries them.
        QVERIFY(at.widget(QStringLiteral("Report")).click());
        QCOMPARE(made.load(), 1);
        QCOMPARE(button().element()->blob, QByteArray("costly report"));
        // The next run has none again.
        QVERIFY(at.run());
        QCOMPARE(made.load(), 1);
        QVERIFY(button().element()->blob.isEmpty());
    }

    void aFunctionThatThrowsShowsTheError() {
        AppTest at([](Ui& ui) {
            ui.downloadButton(
                QStringLiteral("Report"),
                []() -> QByteArray { throw std::runtime_error("the database is down"); },
                QStringLiteral("report.txt"));
        });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Report")).click());
        QVERIFY(at.element(QStringLiteral("exception"))
                    .text()
                    .contains(QStringLiteral("the database is down")));
    }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
