// SPDX-License-Identifier: GPL-3.0-or-later
#include "remotelimits.h"

#include <tessera/errors.h>

#include <chrono>

namespace tessera::workers {

RemoteLimits::RemoteLimits(std::function<void(const QJsonObject&)> send)
    : m_send(std::move(send)) {}

void RemoteLimits::send(const QString& op, QJsonObject fields) {
    fields.insert(QStringLiteral("type"), QStringLiteral("limit"));
    fields.insert(QStringLiteral("op"), op);
    m_send(fields);
}

void RemoteLimits::acquire(const QString& group, const LimitOptions& options,
                           const std::function<bool()>& interrupted,
                           const std::function<void(int, int)>& onQueued) {
    std::unique_lock lock(m_mutex);
    const quint64 ticket = ++m_nextTicket;
    Request& request = m_requests[ticket];  // a map's node: stays where it is
    send(QStringLiteral("acquire"), {{QStringLiteral("ticket"), qint64(ticket)},
                                     {QStringLiteral("group"), group},
                                     {QStringLiteral("maxConcurrent"), options.maxConcurrent},
                                     {QStringLiteral("maxQueue"), options.maxQueue}});
    // Stops waiting: the host takes the request out of its queue, or takes the place back.
    const auto giveUp = [&] {
        m_requests.erase(ticket);
        send(QStringLiteral("cancel"), {{QStringLiteral("ticket"), qint64(ticket)}});
    };
    int shownPosition = 0, shownLength = 0;
    for (;;) {
        if (request.granted) {
            m_requests.erase(ticket);
            return;
        }
        if (!request.rejected.isEmpty()) {
            const std::string why = request.rejected.toStdString();
            m_requests.erase(ticket);
            throw LimitRejected(why);
        }
        if (interrupted()) {
            giveUp();
            throw Interrupted();
        }
        if (request.position != shownPosition || request.length != shownLength) {
            shownPosition = request.position;
            shownLength = request.length;
            lock.unlock();
            try {
                onQueued(shownPosition, shownLength);
            } catch (...) {
                lock.lock();
                giveUp();
                throw;
            }
            lock.lock();
            continue;
        }
        // Woken by an answer; the timeout notices an interrupted run.
        m_changed.wait_for(lock, std::chrono::milliseconds(25));
    }
}

void RemoteLimits::release(const QString& group) {
    send(QStringLiteral("release"), {{QStringLiteral("group"), group}});
}

void RemoteLimits::answer(const QJsonObject& message) {
    const quint64 ticket = quint64(message.value(QLatin1String("ticket")).toInteger());
    const QString op = message.value(QLatin1String("op")).toString();
    std::lock_guard lock(m_mutex);
    const auto it = m_requests.find(ticket);
    if (it == m_requests.end()) return;  // given up on meanwhile: the host was told
    Request& request = it->second;
    if (op == QLatin1String("queued")) {
        request.position = message.value(QLatin1String("position")).toInt();
        request.length = message.value(QLatin1String("length")).toInt();
    } else if (op == QLatin1String("granted")) {
        request.granted = true;
    } else if (op == QLatin1String("rejected")) {
        request.rejected = message.value(QLatin1String("message"))
                               .toString(QStringLiteral("the host refused a place"));
    }
    m_changed.notify_all();
}

}  // namespace tessera::workers
