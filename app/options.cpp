// SPDX-License-Identifier: GPL-3.0-or-later
#include "options.h"

#include <tessera/version.h>

#include <QCommandLineParser>
#include <QRegularExpression>
#include <cstdio>
#include <functional>

namespace tessera::app {

std::optional<Options> parseOptions(const QStringList& arguments, QString* error, bool* exitNow) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tessera: a native host for dashboards written in C++.\n"
                       "'tessera new NAME [DIR]' writes a new dashboard plugin project."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption pluginDir(
        QStringLiteral("plugin-dir"),
        QStringLiteral("Also load dashboard plugins from <dir> (repeatable)."),
        QStringLiteral("dir"));
    const QCommandLineOption noWatch(
        QStringLiteral("no-watch"),
        QStringLiteral("Do not load new builds of plugins in --plugin-dir folders while running."));
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
    const QCommandLineOption allowErrors(
        QStringLiteral("allow-errors"),
        QStringLiteral("With --once: exit 0 even when the run raised an exception or showed a "
                       "problem in place of an element."));
    const QCommandLineOption set(
        QStringLiteral("set"),
        QStringLiteral("Set a widget (by key or label) before the run (repeatable)."),
        QStringLiteral("key=value"));
    const QCommandLineOption logLevel(
        QStringLiteral("log-level"),
        QStringLiteral("trace, debug, info, warn, error or off (default info: in the log file; "
                       "the terminal shows warnings unless this is given)."),
        QStringLiteral("level"), QStringLiteral("info"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the window as a PNG once the run is done, then exit."),
        QStringLiteral("file"));
    const QCommandLineOption screenshotAt(
        QStringLiteral("screenshot-at"),
        QStringLiteral(
            "With --screenshot: scroll the page so that the heading TEXT is at the top."),
        QStringLiteral("text"));
    const QCommandLineOption fragmentThreads(
        QStringLiteral("fragment-threads"),
        QStringLiteral("Threads for parallel fragments (default 32)."), QStringLiteral("n"),
        QStringLiteral("32"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark theme."));
    const QCommandLineOption serve(
        QStringLiteral("serve"),
        QStringLiteral("Serve the dashboards to browsers at [HOST:]PORT, without a window "
                       "(host 127.0.0.1 unless given)."),
        QStringLiteral("[host:]port"));
    const QCommandLineOption bridge(
        QStringLiteral("bridge"),
        QStringLiteral("Serve browsers at [HOST:]PORT beside the window; ?mirror follows the "
                       "window."),
        QStringLiteral("[host:]port"));
    const QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("The token browsers must show; 'auto' makes one (made anyway for "
                       "addresses other than loopback)."),
        QStringLiteral("token"));
    const QCommandLineOption allowOrigin(
        QStringLiteral("allow-origin"),
        QStringLiteral("Also accept browsers from this origin, e.g. https://example.org "
                       "(repeatable)."),
        QStringLiteral("origin"));
    const QCommandLineOption resumeTtl(
        QStringLiteral("resume-ttl"),
        QStringLiteral("Seconds a disconnected browser's session is kept (default 120)."),
        QStringLiteral("seconds"), QStringLiteral("120"));
    const QCommandLineOption maxSessions(QStringLiteral("max-sessions"),
                                         QStringLiteral("Browser sessions at most (default 200)."),
                                         QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption allowClearCache(
        QStringLiteral("allow-clear-cache"),
        QStringLiteral("Let browsers clear every cache of the process, everyone's (off: only "
                       "the window can)."));
    const QCommandLineOption isolate(
        QStringLiteral("isolate"),
        QStringLiteral("Run each plugin's dashboards in a worker process of its own, so that a "
                       "crash costs that plugin's sessions only (restarted). The default for "
                       "--serve, and in the window for plugins of a watched --plugin-dir."));
    const QCommandLineOption noIsolate(
        QStringLiteral("no-isolate"),
        QStringLiteral("Run every dashboard in this process (the default in the window)."));
    const QCommandLineOption workerMemory(
        QStringLiteral("worker-memory"),
        QStringLiteral("A worker's address space limit in MiB (default: none)."),
        QStringLiteral("MiB"));
    const QCommandLineOption runTimeout(
        QStringLiteral("run-timeout"),
        QStringLiteral("A session of a worker that runs longer than this without a pause "
                       "(a run stuck in its own code) ends its worker, which restarts "
                       "(default: no limit)."),
        QStringLiteral("seconds"));
    parser.addOptions({pluginDir,
                       noWatch,
                       list,
                       headless,
                       once,
                       json,
                       set,
                       logLevel,
                       screenshot,
                       screenshotAt,
                       dark,
                       fragmentThreads,
                       serve,
                       bridge,
                       token,
                       allowOrigin,
                       resumeTtl,
                       maxSessions,
                       allowClearCache,
                       allowErrors});
    parser.addOptions({isolate, noIsolate, workerMemory, runTimeout});
    // The limits a server holds each client to (docs/user-guide.md, "Limits"): the flag,
    // the range it takes and what it sets; the defaults are BridgeOptions'.
    using B = bridge::BridgeOptions;
    struct Limit {
        QCommandLineOption option;
        qint64 min, max;
        std::function<void(B&, qint64)> set;
    };
    const QVector<Limit> limits{
        {QCommandLineOption(QStringLiteral("head-timeout"),
                            QStringLiteral("Seconds a request head may take (default 10)."),
                            QStringLiteral("seconds")),
         1, 3600, [](B& o, qint64 v) { o.headTimeoutSeconds = int(v); }},
        {QCommandLineOption(QStringLiteral("max-head-bytes"),
                            QStringLiteral("The largest request head taken (default 16384)."),
                            QStringLiteral("bytes")),
         1024, 1 << 20, [](B& o, qint64 v) { o.maxHeadBytes = v; }},
        {QCommandLineOption(QStringLiteral("max-pending-heads"),
                            QStringLiteral("Connections still sending their first request "
                                           "head, all addresses (default 256)."),
                            QStringLiteral("n")),
         1, 100000, [](B& o, qint64 v) { o.maxPendingHeads = int(v); }},
        {QCommandLineOption(QStringLiteral("max-pending-per-address"),
                            QStringLiteral("Of those, from one address (default 16)."),
                            QStringLiteral("n")),
         1, 100000, [](B& o, qint64 v) { o.maxPendingHeadsPerAddress = int(v); }},
        {QCommandLineOption(QStringLiteral("max-connections-per-address"),
                            QStringLiteral("Open sockets of one address, HTTP and WebSocket "
                                           "(default 128; behind a proxy, its address)."),
                            QStringLiteral("n")),
         1, 1000000, [](B& o, qint64 v) { o.maxConnectionsPerAddress = int(v); }},
        {QCommandLineOption(QStringLiteral("idle-timeout"),
                            QStringLiteral("Seconds a kept-alive HTTP connection waits for "
                                           "its next request (default 30)."),
                            QStringLiteral("seconds")),
         1, 3600, [](B& o, qint64 v) { o.idleTimeoutSeconds = int(v); }},
        {QCommandLineOption(QStringLiteral("hello-timeout"),
                            QStringLiteral("Seconds a WebSocket may take to say hello "
                                           "(default 5)."),
                            QStringLiteral("seconds")),
         1, 600, [](B& o, qint64 v) { o.helloTimeoutSeconds = int(v); }},
        {QCommandLineOption(QStringLiteral("max-waiting-sessions"),
                            QStringLiteral("Sessions kept for browsers to resume; the oldest "
                                           "ends first (default 50)."),
                            QStringLiteral("n")),
         0, 100000, [](B& o, qint64 v) { o.maxWaitingSessions = int(v); }},
        {QCommandLineOption(QStringLiteral("max-output-mib"),
                            QStringLiteral("MiB queued for one browser, text and binary "
                                           "(default 32)."),
                            QStringLiteral("mib")),
         1, 4096, [](B& o, qint64 v) { o.maxOutputBytes = v << 20; }},
        {QCommandLineOption(QStringLiteral("slow-reader-timeout"),
                            QStringLiteral("Seconds a browser may stay over its output "
                                           "budget before it is cut off (default 5)."),
                            QStringLiteral("seconds")),
         1, 3600, [](B& o, qint64 v) { o.slowReaderSeconds = int(v); }},
        {QCommandLineOption(QStringLiteral("upload-idle-timeout"),
                            QStringLiteral("Seconds an upload may bring no bytes before it "
                                           "is dropped (default 30)."),
                            QStringLiteral("seconds")),
         1, 3600, [](B& o, qint64 v) { o.uploadIdleSeconds = int(v); }},
    };
    for (const Limit& l : limits) parser.addOption(l.option);
    parser.addPositionalArgument(QStringLiteral("dashboard"),
                                 QStringLiteral("Dashboard id to open (see --list)."));

    *exitNow = false;
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        // Parsed before the application object exists, Qt cannot know the program's name.
        QString text = parser.helpText();
        text.replace(QLatin1String("<executable_name>"), QLatin1String("tessera"));
        std::fputs(qPrintable(text), stdout);
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
    o.watch = !parser.isSet(noWatch);
    o.list = parser.isSet(list);
    o.headless = parser.isSet(headless);
    o.once = parser.isSet(once);
    o.json = parser.isSet(json);
    o.allowErrors = parser.isSet(allowErrors);
    o.logLevel = parser.value(logLevel);
    o.logLevelGiven = parser.isSet(logLevel);
    o.screenshot = parser.value(screenshot);
    o.screenshotAt = parser.value(screenshotAt);
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

    if (parser.isSet(serve) && parser.isSet(bridge)) {
        *error = QStringLiteral("--serve and --bridge do not go together");
        return std::nullopt;
    }
    if (parser.isSet(serve) || parser.isSet(bridge)) {
        o.share = parser.isSet(serve) ? Options::Share::Serve : Options::Share::Bridge;
        const QString where = parser.value(parser.isSet(serve) ? serve : bridge);
        if (!bridge::parseListenAddress(where, &o.bridge.address, &o.bridge.port, error))
            return std::nullopt;
        if (o.share == Options::Share::Serve && (o.once || o.list || !o.screenshot.isEmpty())) {
            *error = QStringLiteral("--serve does not go with --once, --list or --screenshot");
            return std::nullopt;
        }
    }
    for (const Limit& l : limits) {
        if (!parser.isSet(l.option)) continue;
        bool numberOk = false;
        const QString name = l.option.names().constFirst();
        const qint64 value = parser.value(l.option).toLongLong(&numberOk);
        if (!numberOk || value < l.min || value > l.max) {
            *error = QStringLiteral("--%1 expects a number from %2 to %3, got '%4'")
                         .arg(name)
                         .arg(l.min)
                         .arg(l.max)
                         .arg(parser.value(l.option));
            return std::nullopt;
        }
        l.set(o.bridge, value);
    }
    o.bridge.token = parser.value(token);
    static const QRegularExpression tokenChars(QStringLiteral("^[A-Za-z0-9._~-]*$"));
    if (!tokenChars.match(o.bridge.token).hasMatch()) {
        *error = QStringLiteral("--token may use letters, digits and . _ ~ - only");
        return std::nullopt;
    }
    o.bridge.allowedOrigins = parser.values(allowOrigin);
    o.bridge.allowClearCache = parser.isSet(allowClearCache);
    bool ok = false;
    o.bridge.resumeTtlSeconds = parser.value(resumeTtl).toInt(&ok);
    if (!ok || o.bridge.resumeTtlSeconds < 0 || o.bridge.resumeTtlSeconds > 86400) {
        *error = QStringLiteral("--resume-ttl expects seconds from 0 to 86400");
        return std::nullopt;
    }
    o.bridge.maxSessions = parser.value(maxSessions).toInt(&ok);
    if (!ok || o.bridge.maxSessions < 1 || o.bridge.maxSessions > 100000) {
        *error = QStringLiteral("--max-sessions expects a number from 1 to 100000");
        return std::nullopt;
    }
    o.bridge.defaultDashboard = o.dashboard;
    if (parser.isSet(isolate) && parser.isSet(noIsolate)) {
        *error = QStringLiteral("--isolate and --no-isolate do not go together");
        return std::nullopt;
    }
    o.isolation = parser.isSet(isolate)     ? Options::Isolation::On
                  : parser.isSet(noIsolate) ? Options::Isolation::Off
                                            : Options::Isolation::Default;
    const bool inProcess = (o.once || o.headless || o.list) && o.share != Options::Share::Serve;
    if (o.isolation == Options::Isolation::On && inProcess) {
        *error = QStringLiteral(
            "--isolate is for the window and --serve: --once, --headless "
            "and --list run in this process");
        return std::nullopt;
    }
    if ((parser.isSet(workerMemory) || parser.isSet(runTimeout)) &&
        (o.isolation == Options::Isolation::Off || inProcess)) {
        *error = QStringLiteral(
            "--worker-memory and --run-timeout are for workers: not with "
            "--no-isolate, --once, --headless or --list");
        return std::nullopt;
    }
    if (parser.isSet(runTimeout)) {
        o.runTimeoutSeconds = parser.value(runTimeout).toInt(&ok);
        if (!ok || o.runTimeoutSeconds < 1 || o.runTimeoutSeconds > 86400) {
            *error = QStringLiteral("--run-timeout expects seconds from 1 to 86400, got '%1'")
                         .arg(parser.value(runTimeout));
            return std::nullopt;
        }
    }
    if (parser.isSet(workerMemory)) {
        o.workerMemoryMb = parser.value(workerMemory).toLongLong(&ok);
        if (!ok || o.workerMemoryMb < 64 || o.workerMemoryMb > (1 << 24)) {
            *error = QStringLiteral("--worker-memory expects MiB from 64 to 16777216, got '%1'")
                         .arg(parser.value(workerMemory));
            return std::nullopt;
        }
    }
    return o;
}

bool displayMissing() {
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (!platform.isEmpty()) return false;  // the user chose a platform (offscreen, xcb, ...)
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

}  // namespace tessera::app
