// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "access.h"

#include <QAbstractHttpServer>

namespace tessera::bridge {

/// Serves the viewer page and its assets, from the resources compiled into the program
/// only: a request path is looked up among those names and never reaches a file open.
class PageServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    PageServer(const Access& access, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    const Access& m_access;
};

}  // namespace tessera::bridge
