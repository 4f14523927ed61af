// SPDX-License-Identifier: GPL-3.0-or-later
// Replays a fuzz target's seed corpus (tests/fuzz/corpus for client messages,
// tests/fuzz/corpus-http for request heads) through it in the ordinary build, so that every
// input that ever mattered keeps being handled without a crash.
#include <QDir>
#include <QFile>
#include <QtTest>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" void fuzzTargetShutdown();

class TestFuzzCorpus : public QObject {
    Q_OBJECT
private slots:
    void everySeedIsHandled() {
        LLVMFuzzerInitialize(nullptr, nullptr);
        const QDir corpus(QStringLiteral(TESSERA_FUZZ_CORPUS));
        const QStringList names = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(names.size() >= 8, qPrintable(corpus.path()));
        for (const QString& name : names) {
            QFile file(corpus.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray input = file.readAll();
            // Twice: the second pass meets the state the whole corpus left behind.
            for (int pass = 0; pass < 2; ++pass)
                QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()),
                                                input.size()),
                         0);
        }
    }

    // The sessions end while the application object exists, and no run outlives them.
    void cleanupTestCase() { fuzzTargetShutdown(); }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "tst_fuzzcorpus.moc"
