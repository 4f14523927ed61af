// SPDX-License-Identifier: GPL-3.0-or-later
// File uploads as a user sees them: the run gets the files with their bytes, the page shows
// only their names, and files the uploader does not take are refused with a clear reason,
// leaving its value as it was.
#include <tessera/host/session.h>
#include <tessera/schema.h>
#include <tessera/testing/apptest.h>

#include <QTest>

using namespace tessera;
using tessera::testing::AppTest;

namespace {

/// A dashboard with a CSV uploader that says what it got.
void csvUploader(Ui& ui, bool multiple = false) {
    const UploadedFiles files = ui.fileUploader(
        QStringLiteral("Data"), {.types = {QStringLiteral("csv"), QStringLiteral(".txt")},
                                 .maxBytes = 1000,
                                 .multiple = multiple});
    QStringList got;
    for (const UploadedFile& f : files)
        got << QStringLiteral("%1 (%2, %3 bytes)").arg(f.name, f.type).arg(f.bytes.size());
    ui.text(got.isEmpty() ? QStringLiteral("no file") : got.join(u", "));
}

UploadedFile file(const QString& name, qsizetype size) {
    return {name, QStringLiteral("text/csv"), QByteArray(size, 'x')};
}

}  // namespace

class TestUpload : public QObject {
    Q_OBJECT
private slots:
    void theRunGetsTheFilesAndThePageTheirNames() {
        AppTest at([](Ui& ui) { csvUploader(ui); });
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("text")).text(), QStringLiteral("no file"));
        QCOMPARE(at.widget(QStringLiteral("Data")).upload({file(QStringLiteral("a.csv"), 12)}),
                 QString());
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("text")).text(),
                 QStringLiteral("a.csv (text/csv, 12 bytes)"));
        // The page (and so every viewer, and --once --json) has the name, not the bytes.
        const auto uploader = at.element(QStringLiteral("file_uploader"));
        QCOMPARE(uploader.value(), QVariant(QStringList{QStringLiteral("a.csv")}));
        QCOMPARE(uploader.prop(prop::maxBytes).toLongLong(), 1000);

        // Removing the file empties the value.
        QCOMPARE(at.widget(QStringLiteral("Data")).set(QVariantList()), QString());
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("text")).text(), QStringLiteral("no file"));
    }

    void filesTheUploaderDoesNotTakeAreRefused_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("reason");
        QTest::newRow("too large")
            << "big.csv" << 1001 << 1
            << "'big.csv' is 1001 bytes; files up to 1000 bytes are taken here";
        QTest::newRow("wrong type")
            << "run.exe" << 10 << 1 << "'run.exe' is not one of the types taken here: csv, .txt";
        QTest::newRow("no type") << "README" << 10 << 1
                                 << "'README' is not one of the types taken here: csv, .txt";
        QTest::newRow("two for one") << "a.csv" << 10 << 2 << "one file is taken here, not 2";
    }
    void filesTheUploaderDoesNotTakeAreRefused() {
        QFETCH(QString, name);
        QFETCH(int, size);
        QFETCH(int, count);
        QFETCH(QString, reason);
        AppTest at([](Ui& ui) { csvUploader(ui); });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Data"))
                    .upload({file(QStringLiteral("ok.txt"), 5)})
                    .isEmpty());
        QVERIFY(at.run());
        const QString error =
            at.widget(QStringLiteral("Data")).upload(UploadedFiles(count, file(name, size)));
        QVERIFY2(error.endsWith(reason), qPrintable(error));
        QVERIFY(error.startsWith(QStringLiteral("file_uploader 'Data': ")));
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("text")).text(),
                 QStringLiteral("ok.txt (text/csv, 5 bytes)"));
    }

    void severalFilesWhenMultiple() {
        AppTest at([](Ui& ui) { csvUploader(ui, true); });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Data"))
                    .upload({file(QStringLiteral("a.csv"), 1), file(QStringLiteral("b.txt"), 2)})
                    .isEmpty());
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("text")).text(),
                 QStringLiteral("a.csv (text/csv, 1 bytes), b.txt (text/csv, 2 bytes)"));
    }

    void aNameIsOnlyAName() {
        AppTest at([](Ui& ui) { csvUploader(ui); });
        QVERIFY(at.run());
        QVERIFY(at.widget(QStringLiteral("Data"))
                    .upload({file(QStringLiteral("../../home/ada/secret.csv"), 3)})
                    .isEmpty());
        QVERIFY(at.run());
        QCOMPARE(at.element(QStringLiteral("file_uploader")).value(),
                 QVariant(QStringList{QStringLiteral("secret.csv")}));
    }

    void textIsNotAFile() {
        AppTest at([](Ui& ui) { csvUploader(ui); });
        QVERIFY(at.run());
        const QString error = at.widget(QStringLiteral("Data")).set(QStringLiteral("a.csv"));
        QVERIFY2(error.contains(QStringLiteral("files come from the window or a browser")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestUpload)
#include "tst_upload.moc"
