// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThreadPool>
#include <deque>
#include <functional>
#include <mutex>

namespace tessera::detail {

/// A QThreadPool whose tasks travel through a queue under our own lock. Qt hands a task to
/// a busy worker under its internal, futex-based QMutex, which ThreadSanitizer cannot see;
/// with the queue, the hand-over of everything a task captured is visible to it.
class WorkerPool {
public:
    WorkerPool(const QString& name, int maxThreads);
    void start(std::function<void()> task);
    QThreadPool& threads() { return m_threads; }

private:
    void runNext();

    QThreadPool m_threads;
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_tasks;
};

/// Runs full dashboard runs. Separate from QThreadPool::globalInstance() so that user code
/// using the global pool cannot starve the host. Large (threads are made on demand and
/// expire when idle): every session may have a run waiting, e.g. in a concurrency group's
/// queue, and abandoned runs may still be finishing. Never destroyed: a run stuck in user
/// code must not block the process from exiting.
WorkerPool& scriptPool();
/// Runs parallel fragments and their reruns (default 32 threads: they mostly wait on IO).
WorkerPool& fragmentPool();

}  // namespace tessera::detail
