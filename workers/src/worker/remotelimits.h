// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/host/limits.h>

#include <QJsonObject>
#include <QObject>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>

namespace tessera::workers {

/// A worker's Ui::limit(): places asked of the host, which owns every group, over the link.
/// Runs block in acquire() until the host's answer, which the worker's main thread hands
/// over with answer().
///
/// The link (host ⇄ worker, on session 0), each a JSON text frame of type "limit":
/// `acquire` {ticket, group, maxConcurrent, maxQueue}, `cancel` {ticket} (the run stopped
/// waiting, or gave up a place just granted) and `release` {group} go to the host;
/// `queued` {ticket, position, length}, `granted` {ticket} and `rejected` {ticket, message}
/// come back.
class RemoteLimits : public LimitBroker {
public:
    /// `send` writes a message to the host; called from any thread, it must post.
    explicit RemoteLimits(std::function<void(const QJsonObject&)> send);

    void acquire(const QString& group, const LimitOptions& options,
                 const std::function<bool()>& interrupted,
                 const std::function<void(int, int)>& onQueued) override;
    void release(const QString& group) override;
    /// A `limit` message from the host.
    void answer(const QJsonObject& message);

private:
    struct Request {
        int position = 0;
        int length = 0;
        bool granted = false;
        QString rejected;
    };
    void send(const QString& op, QJsonObject fields);

    std::function<void(const QJsonObject&)> m_send;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    quint64 m_nextTicket = 0;
    std::map<quint64, Request> m_requests;  ///< waiting for an answer
};

}  // namespace tessera::workers
