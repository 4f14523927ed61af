// SPDX-License-Identifier: GPL-3.0-or-later
#include "asynctasks.h"

#include "log.h"
#include "runcontext.h"
#include "sessioncore.h"
#include "threadpools.h"

#include <tessera/errors.h>

#include <stdexcept>

namespace tessera {

TaskContext::TaskContext(std::shared_ptr<detail::TaskToken> token) : m_token(std::move(token)) {}
bool TaskContext::cancelled() const {
    return m_token->cancelled();
}
void TaskContext::checkpoint() const {
    if (m_token->cancelled()) throw Interrupted();
}
void TaskContext::sleep(std::chrono::milliseconds duration) const {
    if (!m_token->sleepFor(duration)) throw Interrupted();
}

namespace detail {

void TaskToken::cancel() {
    {
        std::lock_guard lock(m_mutex);
        m_cancelled.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
}

bool TaskToken::sleepFor(std::chrono::milliseconds duration) {
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, duration, [this] { return cancelled(); });
}

AsyncTasks::Answer AsyncTasks::ask(const std::shared_ptr<SessionCore>& core, const RunContext& run,
                                   const QByteArray& key, std::type_index type,
                                   const AsyncLoadOptions& options, Function fn) {
    std::lock_guard lock(m_mutex);
    if (m_closed) return {};
    auto it = m_tasks.find(key);
    if (it == m_tasks.end() || it->type != type) {
        Task task;
        task.type = type;
        it = m_tasks.insert(key, std::move(task));
    }
    Task& task = *it;
    task.fn = std::move(fn);
    task.options = options;
    task.askers.insert(run.scope);
    task.lastAskedBy = run.runId;
    if (!task.running && !task.hasResult) start(core, key, task);
    if (!task.hasResult) return {};
    // Stale while revalidate: the old result is returned while a reload runs.
    const bool due = options.refreshEvery.count() > 0 &&
                     std::chrono::steady_clock::now() - task.started >= options.refreshEvery;
    if (due && !task.running) start(core, key, task);
    return Answer{true, task.value, task.error};
}

void AsyncTasks::start(const std::shared_ptr<SessionCore>& core, const QByteArray& key,
                       Task& task) {
    task.running = true;
    task.started = std::chrono::steady_clock::now();
    task.token = std::make_shared<TaskToken>();
    std::weak_ptr<SessionCore> weakCore = core;
    fragmentPool().start([this, weakCore, key, token = task.token, fn = task.fn] {
        if (token->cancelled()) return;
        TaskContext context(token);
        Value value;
        std::exception_ptr error;
        try {
            value = fn(context);
        } catch (const Interrupted&) {
            if (!token->cancelled())
                error = std::make_exception_ptr(
                    std::runtime_error("the task stopped itself (Interrupted)"));
            else
                return;  // cancelled: nobody wants it
        } catch (...) {
            error = std::current_exception();
        }
        // The tasks object lives in the session core: reach it only while the core lives.
        if (auto core = weakCore.lock()) complete(core, key, token, std::move(value), error);
    });
}

void AsyncTasks::complete(const std::shared_ptr<SessionCore>& core, const QByteArray& key,
                          const std::shared_ptr<TaskToken>& token, Value value,
                          std::exception_ptr error) {
    Message done;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_tasks.find(key);
        if (m_closed || token->cancelled() || it == m_tasks.end() || it->token != token) return;
        it->running = false;
        it->hasResult = true;
        it->value = std::move(value);
        it->error = error;
        done.type = Message::Type::AsyncLoaded;
        for (const ScopeId& scope : it->askers) done.scopes << scope;
        const auto elapsed = std::chrono::steady_clock::now() - it->started;
        done.refreshInMs =
            it->options.refreshEvery.count() > 0
                ? std::max<qint64>(
                      0, qint64(it->options.refreshEvery.count()) -
                             qint64(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed)
                                        .count()))
                : -1;
        // Posted under the lock: once running() no longer counts the task, its message is
        // in the session's inbox, so the session cannot look idle in between.
        core->post(std::move(done));
    }
}

void AsyncTasks::retainAskedBy(const QSet<quint64>& runIds) {
    std::lock_guard lock(m_mutex);
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        if (runIds.contains(it->lastAskedBy)) {
            ++it;
        } else {
            if (it->token) it->token->cancel();
            it = m_tasks.erase(it);
        }
    }
}

int AsyncTasks::running() {
    std::lock_guard lock(m_mutex);
    int count = 0;
    // First loads only: a reload in the background leaves the page complete.
    for (const Task& task : m_tasks) count += task.running && !task.hasResult ? 1 : 0;
    return count;
}

void AsyncTasks::cancelAll() {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    for (Task& task : m_tasks)
        if (task.token) task.token->cancel();
    m_tasks.clear();
}

}  // namespace detail
}  // namespace tessera
