// Runs the built plugin without a window, the way a user would use it.
#include <tessera/testing/apptest.h>

#include <QtTest>

using tessera::testing::AppTest;

class Test@PROJECT@ : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<AppTest> open() {
        QString error;
        auto test = AppTest::fromPlugin(QStringLiteral(TESSERA_PLUGIN_FILE), QStringLiteral("@ID@"), &error);
        if (!test) qWarning("%s", qPrintable(error));
        return test;
    }

private slots:
    void greetsByName() {
        auto at = open();
        QVERIFY(at);
        QVERIFY(at->run());
        QVERIFY2(at->exceptions().isEmpty(), qPrintable(at->dump()));
        QCOMPARE(at->element(QStringLiteral("markdown")).text(), QStringLiteral("Hello, **world**!"));

        QCOMPARE(at->widget(QStringLiteral("Name")).set(QStringLiteral("Tessera")), QString());
        QVERIFY(at->run());
        QCOMPARE(at->element(QStringLiteral("markdown")).text(), QStringLiteral("Hello, **Tessera**!"));
    }

    void theSliderSetsThePoints() {
        auto at = open();
        QVERIFY(at);
        QVERIFY(at->run());
        QCOMPARE(at->widget(QStringLiteral("Points")).set(50), QString());
        QVERIFY(at->run());
        QCOMPARE(at->element(QStringLiteral("metric")).prop(QStringLiteral("value")).toString(), QStringLiteral("50"));
        QVERIFY(at->element(QStringLiteral("line_chart")).exists());
    }
};

QTEST_GUILESS_MAIN(Test@PROJECT@)
#include "tst_@TARGET@.moc"
