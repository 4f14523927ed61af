// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>

namespace tessera::bridge {

/// What each client address holds of a server: its open sockets, and its connections that
/// have not finished their first request head yet (the slots every newcomer needs). An IPv6
/// client counts by its /64 network, which one machine usually has all of. Used in one
/// thread (the bridge's).
class PeerCounts {
public:
    struct Limits {
        int maxConnectionsPerAddress = 128;
        int maxPendingHeads = 256;
        int maxPendingHeadsPerAddress = 16;
    };
    explicit PeerCounts(const Limits& limits) : m_limits(limits) {}

    /// The key an address counts under.
    static QByteArray keyOf(const QHostAddress& address);

    /// A new socket of `key`: false (and nothing counted) when it has its share.
    bool openConnection(const QByteArray& key);
    void closeConnection(const QByteArray& key);
    /// A socket of `key` starts waiting for its first head: false when the address has its
    /// share of the slots or all slots are taken.
    bool startPending(const QByteArray& key);
    void endPending(const QByteArray& key);

private:
    Limits m_limits;
    QHash<QByteArray, int> m_connections;
    QHash<QByteArray, int> m_pending;
    int m_pendingTotal = 0;
};

}  // namespace tessera::bridge
