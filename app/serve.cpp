// SPDX-License-Identifier: GPL-3.0-or-later
#include "serve.h"

#include <tessera/bridge/bridge.h>

#include <QCoreApplication>
#include <cstdio>

namespace tessera::app {

void printServerUrl(const QUrl& url, const QUrl& mirrorUrl) {
    std::printf("Tessera is serving dashboards to browsers. Open this URL:\n\n    %s\n\n",
                qPrintable(url.toString()));
    if (!mirrorUrl.isEmpty())
        std::printf("or follow the window read-only:\n\n    %s\n\n",
                    qPrintable(mirrorUrl.toString()));
    std::fflush(stdout);
}

int runServer(const QVector<Dashboard>& dashboards, const Options& options) {
    bridge::Bridge server(dashboards, options.bridge);
    QObject::connect(&server, &bridge::Bridge::listening, &server,
                     [](const QUrl& url) { printServerUrl(url); });
    QObject::connect(&server, &bridge::Bridge::failed, &server, [](const QString& reason) {
        std::fprintf(stderr, "tessera: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    server.start();
    return QCoreApplication::exec();
}

}  // namespace tessera::app
