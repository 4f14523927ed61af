// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/handles.h>
#include <tessera/options.h>

#include "scopeid.h"

#include <QHash>
#include <QSet>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <typeindex>

namespace tessera::detail {

class RunContext;
class SessionCore;

/// Cancellation of one background task.
class TaskToken {
public:
    void cancel();
    bool cancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    /// Sleeps up to `duration`; false when cancelled meanwhile.
    bool sleepFor(std::chrono::milliseconds duration);

private:
    std::atomic<bool> m_cancelled{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

/// A session's asyncLoad() tasks, by key + hashed arguments. Shared by the run threads that
/// ask, the pool threads that compute, and the session (which cancels).
class AsyncTasks {
public:
    using Value = std::shared_ptr<const void>;
    using Function = std::function<Value(TaskContext&)>;

    struct Answer {
        bool ready = false;
        Value value;
        std::exception_ptr error;
    };

    /// The task's result for run `run`, starting (or refreshing) it when due.
    Answer ask(const std::shared_ptr<SessionCore>& core, const RunContext& run,
               const QByteArray& key, std::type_index type, const AsyncLoadOptions& options,
               Function fn);
    /// Cancels tasks no run in `runIds` asked for (a full run ended without using them).
    void retainAskedBy(const QSet<quint64>& runIds);
    void cancelAll();
    /// First loads in progress (a session waiting for one is not idle).
    int running();

private:
    struct Task {
        std::type_index type = typeid(void);
        Function fn;
        AsyncLoadOptions options;
        Value value;
        std::exception_ptr error;
        bool hasResult = false;
        bool running = false;
        std::shared_ptr<TaskToken> token;
        std::chrono::steady_clock::time_point started;
        QSet<ScopeId> askers;
        quint64 lastAskedBy = 0;
    };
    void start(const std::shared_ptr<SessionCore>& core, const QByteArray& key, Task& task);
    void complete(const std::shared_ptr<SessionCore>& core, const QByteArray& key,
                  const std::shared_ptr<TaskToken>& token, Value value, std::exception_ptr error);

    std::mutex m_mutex;
    QHash<QByteArray, Task> m_tasks;
    bool m_closed = false;
};

}  // namespace tessera::detail
