// SPDX-License-Identifier: GPL-3.0-or-later
#include "limitplaces.h"

#include <tessera/host/limits.h>

#include <memory>

namespace tessera::workers {

LimitPlaces::LimitPlaces(std::function<void(const QJsonObject&)> send, QObject* parent)
    : QObject(parent), m_send(std::move(send)) {}

LimitPlaces::~LimitPlaces() {
    releaseAll();
}

void LimitPlaces::answer(const QString& op, quint64 ticket, QJsonObject fields) {
    fields.insert(QStringLiteral("type"), QStringLiteral("limit"));
    fields.insert(QStringLiteral("op"), op);
    fields.insert(QStringLiteral("ticket"), qint64(ticket));
    m_send(fields);
}

void LimitPlaces::onMessage(const QJsonObject& message) {
    const QString op = message.value(QLatin1String("op")).toString();
    const quint64 ticket = quint64(message.value(QLatin1String("ticket")).toInteger());
    if (op == QLatin1String("acquire")) {
        acquire(ticket, message);
    } else if (op == QLatin1String("cancel")) {
        const auto it = m_places.find(ticket);
        if (it == m_places.end()) return;
        // Still waiting: out of the queue. Granted (told or not yet): the place goes back.
        if (it->second.held || !limitplaces::withdraw(it->second.group, it->second.groupTicket))
            limitplaces::release(it->second.group);
        m_places.erase(it);
    } else if (op == QLatin1String("release")) {
        const QString group = message.value(QLatin1String("group")).toString();
        const auto it = std::find_if(m_places.begin(), m_places.end(), [&](const auto& p) {
            return p.second.held && p.second.group == group;
        });
        if (it == m_places.end()) return;
        limitplaces::release(group);
        m_places.erase(it);
    }
}

void LimitPlaces::acquire(quint64 ticket, const QJsonObject& message) {
    const QString group = message.value(QLatin1String("group")).toString();
    if (group.isEmpty() || ticket == 0 || m_places.count(ticket)) return;
    const LimitOptions options{message.value(QLatin1String("maxConcurrent")).toInt(1),
                               message.value(QLatin1String("maxQueue")).toInt(100)};
    // The group calls these with itself locked, from whichever thread changed it: they post.
    auto groupTicket = std::make_shared<std::atomic<quint64>>(0);
    QString rejected;
    const quint64 issued = limitplaces::request(
        group, options,
        [this, ticket](int position, int length) {
            QMetaObject::invokeMethod(
                this,
                [this, ticket, position, length] {
                    if (m_places.count(ticket) && !m_places.at(ticket).held)
                        answer(QStringLiteral("queued"), ticket,
                               {{QStringLiteral("position"), position},
                                {QStringLiteral("length"), length}});
                },
                Qt::QueuedConnection);
        },
        [this, ticket, groupTicket] {
            QMetaObject::invokeMethod(
                this, [this, ticket, groupTicket] { onGranted(ticket, groupTicket->load()); },
                Qt::QueuedConnection);
        },
        &rejected);
    if (issued == 0) {
        answer(QStringLiteral("rejected"), ticket, {{QStringLiteral("message"), rejected}});
        return;
    }
    groupTicket->store(issued);
    m_places[ticket] = Place{group, issued, false};
}

void LimitPlaces::onGranted(quint64 ticket, quint64 groupTicket) {
    const auto it = m_places.find(ticket);
    // Cancelled meanwhile (the place was given back then), or the worker has stopped.
    if (it == m_places.end() || it->second.held || it->second.groupTicket != groupTicket) return;
    it->second.held = true;
    answer(QStringLiteral("granted"), ticket);
}

void LimitPlaces::releaseAll() {
    for (const auto& [ticket, place] : m_places)
        if (place.held || !limitplaces::withdraw(place.group, place.groupTicket))
            limitplaces::release(place.group);
    m_places.clear();
}

}  // namespace tessera::workers
