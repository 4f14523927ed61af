// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadpools.h"

#include <tessera/fragment.h>
#include <tessera/host/poolthreads.h>

#include <atomic>

namespace tessera {

namespace {
std::atomic<void (*)()> g_threadSetup{nullptr};
}

void setPoolThreadSetup(void (*setup)()) {
    g_threadSetup = setup;
}

}  // namespace tessera

namespace tessera::detail {

WorkerPool::WorkerPool(const QString& name, int maxThreads) {
    m_threads.setObjectName(name);
    m_threads.setMaxThreadCount(maxThreads);
}

void WorkerPool::start(std::function<void()> task) {
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    // One pool slot per queued task; whichever worker gets it takes the oldest task.
    m_threads.start([this] { runNext(); });
}

void WorkerPool::runNext() {
    thread_local const bool setUp = [] {
        if (auto setup = g_threadSetup.load()) setup();
        return true;
    }();
    Q_UNUSED(setUp);
    std::function<void()> task;
    {
        std::lock_guard lock(m_mutex);
        if (m_tasks.empty()) return;
        task = std::move(m_tasks.front());
        m_tasks.pop_front();
    }
    task();
}

WorkerPool& scriptPool() {
    static auto* pool = new WorkerPool(QStringLiteral("tessera-script-pool"), 512);
    return *pool;
}

WorkerPool& fragmentPool() {
    static auto* pool = new WorkerPool(QStringLiteral("tessera-fragment-pool"), 32);
    return *pool;
}

}  // namespace tessera::detail

namespace tessera {

void setFragmentThreads(int threads) {
    detail::fragmentPool().threads().setMaxThreadCount(qMax(1, threads));
}
int fragmentThreads() {
    return detail::fragmentPool().threads().maxThreadCount();
}

}  // namespace tessera
