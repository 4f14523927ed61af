// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/limit.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace tessera {
class LimitBroker;
}

namespace tessera::detail {

class RunContext;

/// A FIFO-fair counting semaphore with a bounded queue. Waiters are served strictly in
/// arrival order; a waiter whose run is interrupted leaves the queue. A waiter is a blocked
/// thread (acquire()) or a request answered by callbacks (request()). A group of a process
/// whose groups are another's (a worker) asks that process's broker instead.
class LimitGroup {
public:
    LimitGroup(QString name, const LimitOptions& options, LimitBroker* broker = nullptr);

    /// Blocks until a place is free and it is this caller's turn. `onQueued(position,
    /// length)` is called (without the lock) whenever the caller's position changes.
    /// Throws LimitRejected when the queue is full, Interrupted when `run` is interrupted.
    void acquire(const RunContext* run, const std::function<void(int, int)>& onQueued);
    void release();
    LimitGroupStatus status() const;

    /// See tessera::limitplaces.
    quint64 request(std::function<void(int, int)> onQueued, std::function<void()> onGranted,
                    QString* rejected);
    bool withdraw(quint64 ticket);

    /// The group named `name`, created with `options` on first use.
    static std::shared_ptr<LimitGroup> get(const QString& name, const LimitOptions& options);
    static QVector<LimitGroupStatus> all();

private:
    struct Waiter {
        quint64 ticket = 0;
        std::function<void(int, int)> onQueued;  ///< a request's; a thread shows its own
        std::function<void()> onGranted;         ///< empty: a blocked thread takes its place
        int shownPosition = 0;
        int shownLength = 0;
    };
    /// Queues a waiter, or throws LimitRejected when the queue is full.
    quint64 enqueue(Waiter waiter);
    /// After any change: grants places to the requests at the head of the queue, tells the
    /// others where they are now and wakes the blocked threads.
    void settle();
    std::deque<Waiter>::iterator find(quint64 ticket);
    QString fullMessage() const;

    const QString m_name;
    LimitBroker* const m_broker;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_maxConcurrent;
    int m_maxQueue;
    int m_holders = 0;
    quint64 m_nextTicket = 0;
    std::deque<Waiter> m_queue;
};

}  // namespace tessera::detail
