// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <QDir>
#include <QStandardPaths>
#include <algorithm>

namespace tessera::app {

namespace {

void qtMessageHandler(QtMsgType type, const QMessageLogContext&, const QString& message) {
    static const auto logger = [] {
        auto l = spdlog::default_logger()->clone("qt");
        spdlog::register_logger(l);
        return l;
    }();
    const std::string text = message.toStdString();
    switch (type) {
        case QtDebugMsg:
            logger->debug(text);
            break;
        case QtInfoMsg:
            logger->info(text);
            break;
        case QtWarningMsg:
            logger->warn(text);
            break;
        case QtCriticalMsg:
            logger->error(text);
            break;
        case QtFatalMsg:
            logger->critical(text);
            logger->flush();
            std::abort();
    }
}

QString stateDir() {
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty()) base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/tessera");
}

}  // namespace

QString setupLogging(const QString& level, const QString& consoleLevel) {
    const auto fileLevel = spdlog::level::from_str(level.toStdString());
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_level(std::max(fileLevel, spdlog::level::from_str(consoleLevel.toStdString())));
    std::vector<spdlog::sink_ptr> sinks{console};
    const QString dir = stateDir();
    const QString file = dir + QStringLiteral("/tessera.log");
    if (QDir().mkpath(dir)) {
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                file.toStdString(), 5 * 1024 * 1024, 3));
        } catch (const spdlog::spdlog_ex& e) {
            console->log(spdlog::details::log_msg("tessera", spdlog::level::warn,
                                                  std::string("no log file: ") + e.what()));
        }
    }
    auto logger = std::make_shared<spdlog::logger>("tessera", sinks.begin(), sinks.end());
    logger->set_level(fileLevel);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("%H:%M:%S.%e %^%-5l%$ [%n] %v");
    qInstallMessageHandler(qtMessageHandler);
    return file;
}

}  // namespace tessera::app
