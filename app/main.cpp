// SPDX-License-Identifier: GPL-3.0-or-later
#include "headless.h"
#include "isolation.h"
#include "logging.h"
#include "mainwindow.h"
#include "options.h"
#include "scaffold.h"
#include "serve.h"

#include <tessera/fragment.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/host/pluginwatcher.h>
#include <tessera/schema.h>
#include <tessera/version.h>
#include <tessera/workers/workerhost.h>

#include <spdlog/spdlog.h>
#include <QApplication>
#include <QGuiApplication>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <cstdio>

using namespace tessera;

namespace {

void printList(const PluginCatalog& catalog) {
    for (const PluginInfo& p : catalog.plugins()) {
        if (!p.ok()) continue;
        for (const Dashboard& d : p.dashboards)
            std::printf("%-20s %-32s (%s %s)\n", qPrintable(d.id), qPrintable(d.title),
                        qPrintable(p.id), qPrintable(p.version));
    }
    for (const PluginInfo& p : catalog.failures())
        std::printf("failed: %s: %s\n", qPrintable(p.file), qPrintable(p.error));
}

/// The dashboard to open: the one asked for, else the gallery, else the first found.
std::optional<Dashboard> chooseDashboard(const PluginCatalog& catalog, const QString& requested) {
    if (!requested.isEmpty()) return catalog.find(requested);
    if (auto gallery = catalog.find(QStringLiteral("gallery"))) return gallery;
    const auto all = catalog.dashboards();
    return all.isEmpty() ? std::nullopt : std::optional<Dashboard>(all.first());
}

/// --set values: widgets take them when first drawn; problems are logged after the run.
void presetWidgets(app::MainWindow& window, const app::Options& options) {
    if (options.sets.isEmpty()) return;
    QVariantMap presets;
    for (const auto& [key, value] : options.sets) presets.insert(key, value);
    window.session().setPresets(presets);
    QObject::connect(&window.session(), &SessionHandle::presetProblems, &window,
                     [](const QStringList& problems) {
                         for (const QString& problem : problems)
                             spdlog::error("--set {}", problem.toStdString());
                     });
}

/// Scrolls the page so that the element reading `heading` (its text or its label) is at the
/// top; false when there is none.
bool scrollTo(app::MainWindow& window, const QString& heading) {
    widgets::Renderer& renderer = window.renderer();
    const Path path = renderer.find([&](const Element& e) {
        return e.props.value(prop::text).toString() == heading ||
               e.props.value(prop::label).toString() == heading;
    });
    QWidget* view = path.isEmpty() ? nullptr : renderer.widgetAt(path);
    QScrollArea* area = nullptr;
    for (QWidget* w = view; w && !area; w = w->parentWidget())
        if (auto* a = qobject_cast<QScrollArea*>(w); a && a->widget()) area = a;
    if (!area) return false;
    // Twice: the views that come into sight on the way are seldom as tall as estimated.
    for (int i = 0; i < 2; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        area->verticalScrollBar()->setValue(view->mapTo(area->widget(), QPoint(0, 0)).y() - 8);
    }
    return true;
}

void saveScreenshotWhenIdle(app::MainWindow& window, const QString& file, const QString& at) {
    QObject::connect(&window.session(), &SessionHandle::idle, &window, [&window, file, at] {
        // Give layouts and charts a moment to settle after the last batch.
        QTimer::singleShot(400, &window, [&window, file, at] {
            if (window.session().isRunning()) return;
            if (!at.isEmpty() && !scrollTo(window, at)) {
                std::fprintf(stderr, "tessera: no heading '%s' to scroll to\n", qPrintable(at));
                QCoreApplication::exit(1);
                return;
            }
            const bool ok = window.grab().save(file, "PNG");
            std::fprintf(ok ? stdout : stderr, ok ? "saved %s\n" : "could not save %s\n",
                         qPrintable(file));
            QCoreApplication::exit(ok ? 0 : 1);
        });
    });
}

}  // namespace

int main(int argc, char** argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
    if (arguments.value(1) == QLatin1String("new")) {
        const QCoreApplication application(argc, argv);
        return app::runNew(arguments.mid(2));
    }
    // A worker process of --isolate: started by the host, never by hand.
    if (arguments.value(1) == QLatin1String("--worker") && arguments.size() == 4) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        const QGuiApplication application(argc, argv);
        return workers::runWorker(arguments[2], arguments[3]);
    }
    QString error;
    bool exitNow = false;
    const auto options = app::parseOptions(arguments, &error, &exitNow);
    if (!options) {
        std::fprintf(stderr, "tessera: %s\nTry 'tessera --help'.\n", qPrintable(error));
        return 2;
    }
    if (exitNow) return 0;

    const bool noDisplay = app::displayMissing();
    const bool serving = options->share == app::Options::Share::Serve;
    const bool headless =
        options->headless || options->once || options->list || serving || noDisplay;
    // Headless runs still get a QGuiApplication, so dashboards may draw with QPainter (fonts
    // need one); without a display it runs on the offscreen platform.
    if (headless && noDisplay) qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application;
    if (headless)
        application = std::make_unique<QGuiApplication>(argc, argv);
    else
        application = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tessera"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    app::setupLogging(options->logLevel,
                      options->logLevelGiven ? options->logLevel : QStringLiteral("warn"));
    setFragmentThreads(options->fragmentThreads);
    if (noDisplay && !options->headless && !options->once && !options->list && !serving)
        std::fprintf(stderr,
                     "tessera: no display found, running headless "
                     "(run under Xvfb or set QT_QPA_PLATFORM to show the window; or see the "
                     "dashboards in a browser: tessera --serve 8501, then open "
                     "http://127.0.0.1:8501/)\n");

    // New builds in the author's plugin folders are loaded while the app runs (hot reload):
    // plugins are then loaded from copies, so that a build may overwrite their files.
    const bool watch =
        options->watch && !options->pluginDirs.isEmpty() && !options->once && !options->list;
    PluginCatalog catalog;
    catalog.setLoadFromCopies(watch);
    catalog.scanDirs(options->pluginDirs + PluginCatalog::defaultDirs());
    if (options->list) {
        printList(catalog);
        return 0;
    }
    const auto dashboard = chooseDashboard(catalog, options->dashboard);
    if (!dashboard) {
        std::fprintf(
            stderr, "tessera: %s\n",
            options->dashboard.isEmpty()
                ? "no dashboards found (see --list and --plugin-dir)"
                : qPrintable(
                      QStringLiteral("no dashboard '%1' (see --list)").arg(options->dashboard)));
        return 2;
    }
    std::unique_ptr<PluginWatcher> watcher;
    if (watch) watcher = std::make_unique<PluginWatcher>(catalog, options->pluginDirs);
    if (serving) return app::runServer(catalog, *options, watcher.get());
    if (headless) return app::runHeadless(*dashboard, *options);

    QApplication::setStyle(QStringLiteral("Fusion"));
    app::MainWindow window(catalog, app::workerHosts(catalog, *options, watch));
    if (watcher) window.watchPlugins(watcher.get());
    if (options->dark) window.setDarkTheme(true);
    presetWidgets(window, *options);
    if (!options->screenshot.isEmpty())
        saveScreenshotWhenIdle(window, options->screenshot, options->screenshotAt);
    window.openDashboard(dashboard->id);
    window.show();
    if (options->share == app::Options::Share::Bridge) {
        QObject::connect(
            &window.sharing(), &app::Sharing::listening, &window,
            [&window](const QUrl& url) { app::printServerUrl(url, window.sharing().mirrorUrl()); });
        QObject::connect(&window.sharing(), &app::Sharing::failed, &window,
                         [](const QString& reason) {
                             std::fprintf(stderr, "tessera: %s\n", qPrintable(reason));
                         });
        window.sharing().start(options->bridge);
    }
    return application->exec();
}
