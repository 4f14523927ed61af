// SPDX-License-Identifier: GPL-3.0-or-later
#include "peercounts.h"

namespace tessera::bridge {

namespace {

/// One fewer for `key`; false when it had none.
bool decrement(QHash<QByteArray, int>& counts, const QByteArray& key) {
    auto it = counts.find(key);
    if (it == counts.end()) return false;
    if (--*it <= 0) counts.erase(it);
    return true;
}

}  // namespace

QByteArray PeerCounts::keyOf(const QHostAddress& address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);  // also for ::ffff:a.b.c.d
    if (isV4) return QByteArray::number(v4);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    if (address.isLoopback()) return QByteArray("::1");
    return QByteArray(reinterpret_cast<const char*>(v6.c), 8).toHex();  // the /64 network
}

bool PeerCounts::openConnection(const QByteArray& key) {
    if (m_connections.value(key) >= m_limits.maxConnectionsPerAddress) return false;
    ++m_connections[key];
    return true;
}

void PeerCounts::closeConnection(const QByteArray& key) {
    decrement(m_connections, key);
}

bool PeerCounts::startPending(const QByteArray& key) {
    if (m_pendingTotal >= m_limits.maxPendingHeads) return false;
    if (m_pending.value(key) >= m_limits.maxPendingHeadsPerAddress) return false;
    ++m_pending[key];
    ++m_pendingTotal;
    return true;
}

void PeerCounts::endPending(const QByteArray& key) {
    if (decrement(m_pending, key)) --m_pendingTotal;
}

}  // namespace tessera::bridge
