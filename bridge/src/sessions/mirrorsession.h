// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "viewersession.h"

#include <tessera/host/sessionhandle.h>

namespace tessera::bridge {

/// Follows another session (the window's, in its own thread) read-only: the browser sees
/// exactly what that session shows, and every input is refused. The source must outlive
/// the bridge.
class MirrorSession : public ViewerSession {
    Q_OBJECT
public:
    MirrorSession(QString resumeToken, SessionHandle* source, QObject* parent = nullptr);

    bool isMirror() const override { return true; }
    QString dashboardId() const override { return m_dashboardId; }
    void handle(const ClientMessage& message) override;

protected:
    void subscribe(const std::shared_ptr<QObject>& relay) override;

private:
    SessionHandle* m_source;
    QString m_dashboardId;  ///< as last reported from the source's thread
};

}  // namespace tessera::bridge
