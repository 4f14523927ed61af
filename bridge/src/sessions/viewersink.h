// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace tessera::bridge {

/// Where a viewer session's messages go: a browser's connection, or a test's recorder.
class ViewerSink {
public:
    virtual ~ViewerSink() = default;
    virtual void sendText(const QByteArray& message) = 0;
    virtual void sendBinary(const QByteArray& frame) = 0;
    /// The session is taken over (resumed from another connection, this one having been
    /// silent past the liveness limit): end this one at once.
    virtual void closeSink(const QString& reason) = 0;
    /// Milliseconds since the client was last heard from (any message, frame or pong).
    virtual qint64 silentMs() const { return 0; }
};

}  // namespace tessera::bridge
