// SPDX-License-Identifier: GPL-3.0-or-later
// Every way a plugin can fail is listed with its reason, and the host keeps working.
#include "pluginsdialog.h"

#include <tessera/host/plugincatalog.h>
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QApplication>
#include <QTest>
#include <QTreeWidget>

using namespace tessera;
using Failure = PluginInfo::Failure;

Q_DECLARE_METATYPE(tessera::PluginInfo::Failure)

namespace {
QString fixture(const QString& name) {
    return QStringLiteral(FIXTURE_DIR "/") + name;
}
}  // namespace

class TestPlugins : public QObject {
    Q_OBJECT
private slots:
    void failureKinds_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not a plugin (library)")
            << "fixture_not_a_plugin.so" << Failure::NotAPlugin << "not a Qt plugin";
        QTest::newRow("not a plugin (garbage)")
            << "garbage.so" << Failure::NotAPlugin << "not a Qt plugin";
        QTest::newRow("wrong IID")
            << "fixture_wrong_iid.so" << Failure::WrongInterface << "org.example.OtherInterface/1";
        QTest::newRow("wrong API version")
            << "fixture_wrong_api.so" << Failure::WrongApiVersion << "version 999";
        QTest::newRow("wrong ABI")
            << "fixture_wrong_abi.so" << Failure::WrongAbi << "another Tessera SDK layout";
        QTest::newRow("missing symbol") << "fixture_missing_symbol.so" << Failure::LoadFailed
                                        << "undefined symbol: "
                                           "tesseraFixtureFunctionThatDoesNotExist(int)";
        QTest::newRow("constructor throws")
            << "fixture_throwing_ctor.so" << Failure::Threw << "no licence file found";
        QTest::newRow("dashboards() throws")
            << "fixture_throwing_dashboards.so" << Failure::Threw << "config missing";
        QTest::newRow("missing file")
            << "no_such_plugin.so" << Failure::LoadFailed << "does not exist";
    }

    void failureKinds() {
        QFETCH(QString, file);
        QFETCH(Failure, failure);
        QFETCH(QString, reason);
        PluginCatalog catalog;
        const PluginInfo& info = catalog.loadFile(fixture(file));
        QVERIFY(!info.ok());
        QCOMPARE(info.failure, failure);
        QVERIFY2(info.error.contains(reason), qPrintable(info.error));
        QCOMPARE(catalog.failures().size(), 1);
    }

    void scanKeepsGoodPluginsAndListsBadOnes() {
        PluginCatalog catalog;
        catalog.scanDirs({QStringLiteral(FIXTURE_DIR)});
        QCOMPARE(catalog.failures().size(), 8);
        QVERIFY(catalog.find(QStringLiteral("fixture-hello")).has_value());
        // Loading the same folder again neither duplicates nor breaks anything.
        catalog.scanDirs({QStringLiteral(FIXTURE_DIR)});
        QCOMPARE(catalog.failures().size(), 8);
        QCOMPARE(catalog.dashboards().size(), 3);
    }

    void dialogListsEveryFailureWithItsReason() {
        PluginCatalog catalog;
        catalog.scanDirs({QStringLiteral(FIXTURE_DIR)});
        app::PluginsDialog dialog(catalog.plugins());
        auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("pluginTree"));
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), int(catalog.plugins().size()));
        int failed = 0;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QTreeWidgetItem* item = tree->topLevelItem(i);
            if (item->text(2) != QStringLiteral("failed")) continue;
            ++failed;
            QVERIFY2(!item->text(3).isEmpty(), "a failed plugin shows its reason");
        }
        QCOMPARE(failed, 8);
    }

    void goodPluginRunsThroughAppTest() {
        QString error;
        auto at = testing::AppTest::fromPlugin(fixture(QStringLiteral("fixture_good.so")),
                                               QStringLiteral("fixture-hello"), &error);
        QVERIFY2(at, qPrintable(error));
        QVERIFY(at->run());
        QCOMPARE(at->element("metric").value().toString(), QStringLiteral("4"));
        at->widget(QStringLiteral("n")).set(5);
        QVERIFY(at->run());
        QCOMPARE(at->element("metric").value().toString(), QStringLiteral("25"));
    }
};

QTEST_MAIN(TestPlugins)
#include "tst_plugins.moc"
