// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientmessage.h"
#include "clientpage.h"
#include "viewersink.h"

#include <tessera/dashboard.h>
#include <tessera/grouprecord.h>
#include <tessera/host/codec.h>

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace tessera {
class Session;
class SessionHandle;
struct PageBatch;
}  // namespace tessera

namespace tessera::bridge {

/// What one browser sees and drives. It outlives its connection for the resume TTL: a
/// browser that comes back attaches again and gets the page as a snapshot. Subclasses are
/// a browser's own session and a read-only mirror of the window's.
class ViewerSession : public QObject {
    Q_OBJECT
public:
    ViewerSession(QString resumeToken, QObject* parent = nullptr);
    ~ViewerSession() override;

    const QString& resumeToken() const { return m_resumeToken; }
    /// A new resume token (each resume rotates it, so that an old one is worth nothing).
    void setResumeToken(QString token) { m_resumeToken = std::move(token); }
    virtual bool isMirror() const = 0;
    virtual QString dashboardId() const = 0;

    /// Starts sending to `sink`: the page as a snapshot, then its batches and run events.
    /// A sink attached before is closed (the session was resumed elsewhere).
    void attach(ViewerSink* sink);
    void detach(ViewerSink* sink);
    bool isAttached() const { return m_sink != nullptr; }
    /// Milliseconds since the attached client was last heard from; 0 when detached.
    qint64 sinkSilentMs() const { return m_sink ? m_sink->silentMs() : 0; }
    /// `sink` missed messages (it read too slowly): it gets the page again as a snapshot.
    void resync(ViewerSink* sink);
    /// Why the upload `upload` announces is refused before any of its bytes arrive: no
    /// file uploader of that id on the client's page, a disabled one, or files it does not
    /// take (count, types, size). Nothing when it may start.
    std::optional<ProtocolError> checkUpload(const ClientMessage& upload) const;
    /// Acts on a message of an attached client (not hello); refusals go back as errors.
    virtual void handle(const ClientMessage& message) = 0;
    /// New builds of `changed` dashboards (hot reload): a session showing one reruns it.
    virtual void reloadDashboards(const QVector<Dashboard>& changed) {}
    /// Tells the browser that a new build of its dashboard could not be loaded, and why.
    void reportReloadFailure(const QString& reason);
    /// Tells the browser that a new build of its dashboard is loaded (and now reruns).
    void reportReloaded(const QString& dashboard);

protected:
    /// Connects the session's events to `relay`, which lives in this thread and is the
    /// context of every delivery: the page first, then every batch and run event. The relay
    /// outlives a detach until its queued deliveries are drained; wrap handlers in
    /// whileCurrent() so that those are dropped.
    virtual void subscribe(const std::shared_ptr<QObject>& relay) = 0;
    QObject* currentRelay() const { return m_relay.get(); }
    ViewerSink* currentSink() const { return m_sink; }
    /// `f(self, args...)`, called only while `relay` is `self`'s current relay.
    template <typename Self, typename F>
    static auto whileCurrent(Self* self, QObject* relay, F f) {
        return [guard = QPointer<Self>(self), relay, f](auto&&... args) {
            if (guard && guard->currentRelay() == relay) f(guard.data(), args...);
        };
    }
    /// What a session's run events do for the client of `relay`, made in this thread.
    struct RunEventHandlers {
        std::function<void(quint64)> started;
        std::function<void(const GroupRecord&)> finished;
        std::function<void()> idle;
    };
    RunEventHandlers runEventHandlers(QObject* relay);
    /// Connects `source`'s run events to `handlers`, delivered in `relay`'s thread. Call it
    /// in `source`'s thread.
    static void connectRunEvents(SessionHandle* source, QObject* relay,
                                 const RunEventHandlers& handlers);
    void sendBatch(const PageBatch& batch);
    void sendGroupStarted(quint64 groupId);
    void sendGroupFinished(const GroupRecord& record);
    void sendStatus(bool running);
    void send(const QByteArray& message);
    void refuse(const QString& code, const QString& message, const QJsonValue& ref);
    /// Replies to what every kind of session answers alike (ping, a second hello).
    bool handleCommon(const ClientMessage& message);

private:
    QString m_resumeToken;
    ViewerSink* m_sink = nullptr;
    std::shared_ptr<QObject> m_relay;  ///< receives the session's events while attached
    bool m_snapshotNext = true;
    BufferTable m_buffers;  ///< what the attached client holds
    ClientPage m_clientPage;
};

}  // namespace tessera::bridge
