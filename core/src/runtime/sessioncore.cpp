// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessioncore.h"

#include <tessera/host/session.h>

#include <QMetaObject>

namespace tessera::detail {

SessionCore::SessionCore(Session* session) : m_session(session) {}

void SessionCore::post(Message message) {
    std::lock_guard lock(m_mutex);
    if (!m_session) return;
    const bool wake = m_inbox.empty();
    m_inbox.push_back(std::move(message));
    // A string-based queued call carries no payload: the data travels through the inbox,
    // under our own lock, which keeps the hand-over visible to ThreadSanitizer.
    if (wake) QMetaObject::invokeMethod(m_session, "drainInbox", Qt::QueuedConnection);
}

std::vector<Message> SessionCore::takeAll() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_inbox, {});
}

bool SessionCore::hasMail() {
    std::lock_guard lock(m_mutex);
    return !m_inbox.empty();
}

void SessionCore::detach() {
    {
        std::lock_guard lock(m_mutex);
        m_session = nullptr;
        m_inbox.clear();
    }
    tasks.cancelAll();
}

}  // namespace tessera::detail
