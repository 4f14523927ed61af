// SPDX-License-Identifier: GPL-3.0-or-later
// The author's loop, measured: a project made by `tessera new` is open in a window and in a
// browser; its source is edited and rebuilt (cmake --build, ccache warm), and the new text
// is awaited on both pages. Prints edit → rebuilt, and Tessera's own share: from the plugin
// file's last write to the page showing the new build.
// usage: bench_reload <project dir, configured and built in <dir>/build> <dashboard id> [rounds]
#include "bridgeclient.h"
#include "mainwindow.h"

#include <tessera/host/pluginwatcher.h>
#include <tessera/host/session.h>
#include <tessera/schema.h>

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace tessera;
using bridge::testing::BridgeClient;

namespace {

double median(QVector<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

QString listFigures(const QVector<double>& v) {
    QStringList parts;
    for (double x : v) parts << QString::number(x, 'f', 0);
    return parts.join(QStringLiteral(" / "));
}

bool pageShows(const Session& session, const QString& text) {
    for (const PageOp& op : session.page().snapshot())
        if (op.element && op.element->props.value(prop::text).toString() == text) return true;
    return false;
}

bool clientShows(const BridgeClient& client, const QString& text) {
    for (const Path& path : client.pathsOf(QStringLiteral("title"))) {
        const auto* node = client.page().node(path);
        if (node && node->element->props.value(prop::text).toString() == text) return true;
    }
    return false;
}

template <typename Predicate>
bool waitFor(Predicate ready, int timeoutMs = 10'000) {
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.start(20);
    while (!ready() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return ready();
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: bench_reload <project dir> <dashboard id> [rounds]\n");
        return 2;
    }
    const QDir project(args.at(1));
    const QString id = args.at(2);
    const int rounds = args.size() > 3 ? args.at(3).toInt() : 5;
    const QString buildDir = project.filePath(QStringLiteral("build"));
    QString source;
    for (const QFileInfo& fi :
         QDir(project.filePath(QStringLiteral("src"))).entryInfoList({"*.cpp"}))
        source = fi.absoluteFilePath();
    QFile sourceFile(source);
    if (!sourceFile.open(QIODevice::ReadOnly)) return 2;
    const QString original = QString::fromUtf8(sourceFile.readAll());
    sourceFile.close();

    PluginCatalog catalog;
    catalog.setLoadFromCopies(true);
    catalog.scanDirs({buildDir});
    const auto dashboard = catalog.find(id);
    if (!dashboard) {
        std::fprintf(stderr, "no dashboard '%s' in %s\n", qPrintable(id), qPrintable(buildDir));
        return 2;
    }
    const QString pluginFile = catalog.plugins().first().file;
    PluginWatcher watcher(catalog, {buildDir});
    app::MainWindow window(catalog);
    window.watchPlugins(&watcher);
    window.openDashboard(id);
    window.show();
    window.sharing().start({});
    if (!waitFor([&] { return window.sharing().state() == app::Sharing::State::On; })) return 1;
    BridgeClient browser;
    if (!browser.open(window.sharing().url())) return 1;
    browser.hello({{QStringLiteral("dashboard"), id}});
    if (!waitFor([&] { return !browser.pathsOf(QStringLiteral("title")).isEmpty(); })) return 1;

    QVector<double> rebuild, windowShare, browserShare, total;
    for (int round = 1; round <= rounds; ++round) {
        // The edit: the dashboard's title, as an author would change a text.
        const QString title = QStringLiteral("Edited %1").arg(round);
        QString edited = original;
        edited.replace(
            QRegularExpression(QStringLiteral("ui\\.title\\(QStringLiteral\\(\"[^\"]*\"\\)\\)")),
            QStringLiteral("ui.title(QStringLiteral(\"%1\"))").arg(title));
        QFile out(source);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 1;
        out.write(edited.toUtf8());
        out.close();
        const qint64 edit = QDateTime::currentMSecsSinceEpoch();

        QProcess cmake;
        cmake.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        cmake.start(QStringLiteral("cmake"), {QStringLiteral("--build"), buildDir});
        qint64 built = 0, windowShown = 0, browserShown = 0;
        QObject::connect(&cmake, &QProcess::finished, &cmake,
                         [&] { built = QDateTime::currentMSecsSinceEpoch(); });
        QElapsedTimer clock;
        clock.start();
        QTimer tick;  // wakes the wait below at least every 100 ms
        tick.start(100);
        while ((!windowShown || !browserShown || !built) && clock.elapsed() < 120'000) {
            // Sleeps until something happens, so that the compiler has the cores.
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (!windowShown &&
                pageShows(qobject_cast<LocalSessionHandle*>(window.session().current())->session(),
                          title))
                windowShown = now;
            if (!browserShown && clientShows(browser, title)) browserShown = now;
        }
        if (!windowShown || !browserShown || cmake.exitCode() != 0) {
            std::fprintf(stderr, "round %d: the new build did not show\n", round);
            return 1;
        }
        const qint64 written =
            QFileInfo(pluginFile).fileTime(QFileDevice::FileModificationTime).toMSecsSinceEpoch();
        rebuild << double(built - edit);
        windowShare << double(windowShown - written);
        browserShare << double(browserShown - written);
        total << double(std::max(windowShown, browserShown) - edit);
    }
    QFile restore(source);
    if (restore.open(QIODevice::WriteOnly | QIODevice::Truncate)) restore.write(original.toUtf8());

    std::printf("hot reload of '%s', %d rounds (ms, medians; each round in brackets)\n",
                qPrintable(id), rounds);
    std::printf("  edit → rebuilt (cmake --build, ccache warm)   %6.0f  [%s]\n", median(rebuild),
                qPrintable(listFigures(rebuild)));
    std::printf("  plugin file written → window shows it        %6.0f  [%s]\n", median(windowShare),
                qPrintable(listFigures(windowShare)));
    std::printf("  plugin file written → browser shows it       %6.0f  [%s]\n",
                median(browserShare), qPrintable(listFigures(browserShare)));
    std::printf("  edit → both pages show it                    %6.0f  [%s]\n", median(total),
                qPrintable(listFigures(total)));
    window.sharing().stop();
    return 0;
}
