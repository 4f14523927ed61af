// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/bridge/bridge.h>

#include <QPair>
#include <QStringList>
#include <optional>

namespace tessera::app {

/// What the command line asked for (see `tessera --help`).
struct Options {
    QStringList pluginDirs;
    bool watch = true;  ///< load new builds of plugins in --plugin-dir folders (--no-watch: off)
    bool list = false;
    bool headless = false;
    bool once = false;
    bool json = false;
    bool allowErrors = false;  ///< --once exits 0 though the run raised or showed problems
    QList<QPair<QString, QString>> sets;  ///< --set KEY=VALUE, in order
    QString logLevel = QStringLiteral("info");
    bool logLevelGiven = false;  ///< the terminal shows only warnings unless --log-level is given
    int fragmentThreads = 32;
    QString dashboard;
    QString screenshot;    ///< --screenshot FILE: save the window as PNG once idle, then quit
    QString screenshotAt;  ///< --screenshot-at TEXT: the heading to scroll to first
    bool dark = false;     ///< --dark: start with the dark theme
    /// --serve: a server for browsers and no window; --bridge: a server beside the window.
    enum class Share { None, Serve, Bridge };
    Share share = Share::None;
    bridge::BridgeOptions bridge;  ///< address, port, token, origins, limits
    /// Whether plugins' dashboards run in worker processes of their own (docs/user-guide.md,
    /// "A crash costs one dashboard"). Default: every plugin under --serve, and in the window
    /// the plugins of a watched --plugin-dir; --isolate: every plugin; --no-isolate: none.
    enum class Isolation { Default, On, Off };
    Isolation isolation = Isolation::Default;
    qint64 workerMemoryMb = 0;  ///< --worker-memory: a worker's address space limit; 0: none
    int runTimeoutSeconds = 0;  ///< --run-timeout: a worker whose session runs longer ends; 0: none
};

/// Parses `arguments` (argv as strings). On error returns nullopt with the message in
/// `error`; on --help/--version prints and sets `exitNow`.
std::optional<Options> parseOptions(const QStringList& arguments, QString* error, bool* exitNow);

/// True when no display server is reachable, so a window cannot be shown.
bool displayMissing();

}  // namespace tessera::app
