// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcontext.h"

#include <tessera/errors.h>

namespace tessera::detail {

RunContext::RunContext(std::shared_ptr<SessionCore> core, quint64 runId, QString scope)
    : core(std::move(core)), runId(runId), scope(std::move(scope)) {}

void RunContext::check() const {
    if (m_ended.load(std::memory_order_acquire))
        throw ContextExpired(
            "this Ui belongs to a run that has already ended; "
            "use the Ui passed to the current run instead");
    if (m_interrupted.load(std::memory_order_acquire)) throw Interrupted();
}

void RunContext::interrupt() {
    {
        std::lock_guard lock(m_mutex);
        m_interrupted.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
}

Path RunContext::nextPath(const Path& container) {
    std::lock_guard lock(m_mutex);
    Path path = container;
    path.append(m_cursors[container]++);
    return path;
}

bool RunContext::claimWidgetId(const QString& id) {
    std::lock_guard lock(m_mutex);
    if (m_widgetIds.contains(id)) return false;
    m_widgetIds.insert(id);
    return true;
}

QSet<QString> RunContext::widgetIds() const {
    std::lock_guard lock(m_mutex);
    return m_widgetIds;
}

void RunContext::post(const Path& path, ElementPtr element) {
    Message m;
    m.type = Message::Type::Delta;
    m.delta = Delta{path, std::move(element), runId, scope};
    core->post(std::move(m));
}

bool RunContext::sleepFor(std::chrono::milliseconds duration) {
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, duration, [this] { return isInterrupted(); });
}

}  // namespace tessera::detail
