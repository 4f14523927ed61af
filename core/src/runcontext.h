// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessioncore.h"

#include <tessera/element.h>

#include <QHash>
#include <QSet>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace tessera::detail {

/// One run of one scope: where its Ui calls write, whether it has been superseded, which
/// widget identities it has used. Shared by the run thread and any thread the run binds.
class RunContext {
public:
    RunContext(std::shared_ptr<SessionCore> core, quint64 runId, QString scope);

    const std::shared_ptr<SessionCore> core;
    const quint64 runId;
    const QString scope;

    /// Throws ContextExpired after end(), Interrupted after interrupt().
    void check() const;
    bool isInterrupted() const { return m_interrupted.load(std::memory_order_acquire); }
    void interrupt();
    void end() { m_ended.store(true, std::memory_order_release); }

    /// The next free index in `container`, as a full path.
    Path nextPath(const Path& container);
    /// Claims a widget identity for this run; false when it was already used.
    bool claimWidgetId(const QString& id);
    QSet<QString> widgetIds() const;
    void post(const Path& path, ElementPtr element);
    /// Sleeps up to `duration`; returns false when woken by interrupt().
    bool sleepFor(std::chrono::milliseconds duration);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QHash<Path, int> m_cursors;
    QSet<QString> m_widgetIds;
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_ended{false};
};

}  // namespace tessera::detail
