// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/limit.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace tessera::detail {

class RunContext;

/// A FIFO-fair counting semaphore with a bounded queue. Waiters are served strictly in
/// arrival order; a waiter whose run is interrupted leaves the queue.
class LimitGroup {
public:
    LimitGroup(QString name, const LimitOptions& options);

    /// Blocks until a place is free and it is this caller's turn. `onQueued(position,
    /// length)` is called (without the lock) whenever the caller's position changes.
    /// Throws LimitRejected when the queue is full, Interrupted when `run` is interrupted.
    void acquire(const RunContext* run, const std::function<void(int, int)>& onQueued);
    void release();
    LimitGroupStatus status() const;

    /// The group named `name`, created with `options` on first use.
    static std::shared_ptr<LimitGroup> get(const QString& name, const LimitOptions& options);
    static QVector<LimitGroupStatus> all();

private:
    const QString m_name;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_maxConcurrent;
    int m_maxQueue;
    int m_holders = 0;
    quint64 m_nextTicket = 0;
    std::deque<quint64> m_queue;
};

}  // namespace tessera::detail
