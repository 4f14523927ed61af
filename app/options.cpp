// SPDX-License-Identifier: GPL-3.0-or-later
#include "options.h"

#include <tessera/version.h>

#include <QCommandLineParser>
#include <cstdio>

namespace tessera::app {

std::optional<Options> parseOptions(const QStringList& arguments, QString* error, bool* exitNow) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tessera: a native host for dashboards written in C++."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption pluginDir(
        QStringLiteral("plugin-dir"),
        QStringLiteral("Also load dashboard plugins from <dir> (repeatable)."),
        QStringLiteral("dir"));
    const QCommandLineOption list(
        QStringLiteral("list"), QStringLiteral("List dashboards and plugin problems, then exit."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run without a window."));
    const QCommandLineOption once(
        QStringLiteral("once"),
        QStringLiteral("Run the dashboard once, print the result and exit."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QStringLiteral("With --once: print the element tree, timings and exceptions as JSON."));
    const QCommandLineOption set(
        QStringLiteral("set"),
        QStringLiteral("Set a widget (by key or label) before the run (repeatable)."),
        QStringLiteral("key=value"));
    const QCommandLineOption logLevel(
        QStringLiteral("log-level"),
        QStringLiteral("trace, debug, info, warn, error or off (default info)."),
        QStringLiteral("level"), QStringLiteral("info"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window as a PNG once the run is done, then exit."),
        QStringLiteral("file"));
    const QCommandLineOption fragmentThreads(
        QStringLiteral("fragment-threads"),
        QStringLiteral("Threads for parallel fragments (default 32)."), QStringLiteral("n"),
        QStringLiteral("32"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark theme."));
    parser.addOptions(
        {pluginDir, list, headless, once, json, set, logLevel, screenshot, dark, fragmentThreads});
    parser.addPositionalArgument(QStringLiteral("dashboard"),
                                 QStringLiteral("Dashboard id to open (see --list)."));

    *exitNow = false;
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        *exitNow = true;
        return Options{};
    }
    if (parser.isSet(version)) {
        std::printf("tessera %s (plugin API %d)\n", kVersion, kApiVersion);
        *exitNow = true;
        return Options{};
    }

    Options o;
    o.pluginDirs = parser.values(pluginDir);
    o.list = parser.isSet(list);
    o.headless = parser.isSet(headless);
    o.once = parser.isSet(once);
    o.json = parser.isSet(json);
    o.logLevel = parser.value(logLevel);
    o.screenshot = parser.value(screenshot);
    o.dark = parser.isSet(dark);
    static const QStringList levels{QStringLiteral("trace"), QStringLiteral("debug"),
                                    QStringLiteral("info"),  QStringLiteral("warn"),
                                    QStringLiteral("error"), QStringLiteral("off")};
    if (!levels.contains(o.logLevel)) {
        *error =
            QStringLiteral("unknown log level '%1' (use %2)").arg(o.logLevel, levels.join(u", "));
        return std::nullopt;
    }
    bool threadsOk = false;
    o.fragmentThreads = parser.value(fragmentThreads).toInt(&threadsOk);
    if (!threadsOk || o.fragmentThreads < 1 || o.fragmentThreads > 1024) {
        *error = QStringLiteral("--fragment-threads expects a number from 1 to 1024, got '%1'")
                     .arg(parser.value(fragmentThreads));
        return std::nullopt;
    }
    for (const QString& s : parser.values(set)) {
        const qsizetype eq = s.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = QStringLiteral("--set expects KEY=VALUE, got '%1'").arg(s);
            return std::nullopt;
        }
        o.sets.append({s.left(eq), s.mid(eq + 1)});
    }
    if (o.json && !o.once) {
        *error = QStringLiteral("--json needs --once");
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        *error =
            QStringLiteral("expected at most one dashboard, got: %1").arg(positional.join(u' '));
        return std::nullopt;
    }
    o.dashboard = positional.value(0);
    return o;
}

bool displayMissing() {
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (!platform.isEmpty()) return false;  // the user chose a platform (offscreen, xcb, ...)
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

}  // namespace tessera::app
