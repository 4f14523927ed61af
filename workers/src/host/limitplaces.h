// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <functional>
#include <map>

namespace tessera::workers {

/// A worker's places in this process's limit() groups, which every worker shares (the
/// messages: see RemoteLimits). Asks for them without blocking, answers when one is granted
/// or the queue moves, and gives back every place the worker held or waited for when it
/// stops. Lives in its WorkerProcess's thread.
class LimitPlaces : public QObject {
    Q_OBJECT
public:
    /// `send` writes a message to the worker.
    explicit LimitPlaces(std::function<void(const QJsonObject&)> send, QObject* parent = nullptr);
    ~LimitPlaces() override;

    /// A `limit` message from the worker.
    void onMessage(const QJsonObject& message);
    /// The worker stopped: its places and requests go back to their groups.
    void releaseAll();
    /// Places held and requests waiting, for tests.
    int count() const { return int(m_places.size()); }

private:
    struct Place {
        QString group;
        quint64 groupTicket = 0;  ///< the request's in the group
        bool held = false;
    };
    void acquire(quint64 ticket, const QJsonObject& message);
    void onGranted(quint64 ticket, quint64 groupTicket);
    void answer(const QString& op, quint64 ticket, QJsonObject fields = {});

    std::function<void(const QJsonObject&)> m_send;
    std::map<quint64, Place> m_places;  ///< by the worker's ticket
};

}  // namespace tessera::workers
