// SPDX-License-Identifier: GPL-3.0-or-later
#include "limitgroup.h"

#include "log.h"
#include "runcontext.h"

#include <tessera/errors.h>
#include <tessera/host/limits.h>

#include <QHash>
#include <algorithm>
#include <atomic>

namespace tessera {

LimitRejected::~LimitRejected() = default;

LimitSlot::LimitSlot(std::shared_ptr<detail::LimitGroup> group) : m_group(std::move(group)) {}
LimitSlot::LimitSlot(LimitSlot&& other) noexcept : m_group(std::move(other.m_group)) {}
LimitSlot& LimitSlot::operator=(LimitSlot&& other) noexcept {
    if (this != &other) {
        release();
        m_group = std::move(other.m_group);
    }
    return *this;
}
LimitSlot::~LimitSlot() {
    release();
}

void LimitSlot::release() {
    if (auto group = std::exchange(m_group, nullptr)) group->release();
}

QVector<LimitGroupStatus> limitGroups() {
    return detail::LimitGroup::all();
}

LimitBroker::~LimitBroker() = default;

namespace {
std::atomic<LimitBroker*> g_broker{nullptr};
}

void setLimitBroker(LimitBroker* broker) {
    g_broker = broker;
}

namespace limitplaces {

quint64 request(const QString& group, const LimitOptions& options,
                std::function<void(int, int)> onQueued, std::function<void()> onGranted,
                QString* rejected) {
    return detail::LimitGroup::get(group, options)
        ->request(std::move(onQueued), std::move(onGranted), rejected);
}

bool withdraw(const QString& group, quint64 ticket) {
    return detail::LimitGroup::get(group, {})->withdraw(ticket);
}

void release(const QString& group) {
    detail::LimitGroup::get(group, {})->release();
}

}  // namespace limitplaces

namespace detail {

namespace {
struct Registry {
    std::mutex mutex;
    QHash<QString, std::shared_ptr<LimitGroup>> groups;
};
Registry& registry() {
    static auto* r = new Registry;
    return *r;
}
}  // namespace

LimitGroup::LimitGroup(QString name, const LimitOptions& options, LimitBroker* broker)
    : m_name(std::move(name)),
      m_broker(broker),
      m_maxConcurrent(std::max(1, options.maxConcurrent)),
      m_maxQueue(std::max(0, options.maxQueue)) {}

std::shared_ptr<LimitGroup> LimitGroup::get(const QString& name, const LimitOptions& options) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto& group = r.groups[name];
    if (!group) group = std::make_shared<LimitGroup>(name, options, g_broker.load());
    return group;
}

QVector<LimitGroupStatus> LimitGroup::all() {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    QVector<LimitGroupStatus> result;
    for (const auto& group : r.groups) result.append(group->status());
    std::sort(result.begin(), result.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
    return result;
}

QString LimitGroup::fullMessage() const {
    return QStringLiteral("The queue for '%1' is full (%2 waiting, %3 running); try again later.")
        .arg(m_name)
        .arg(m_queue.size())
        .arg(m_holders);
}

std::deque<LimitGroup::Waiter>::iterator LimitGroup::find(quint64 ticket) {
    return std::find_if(m_queue.begin(), m_queue.end(),
                        [ticket](const Waiter& w) { return w.ticket == ticket; });
}

quint64 LimitGroup::enqueue(Waiter waiter) {
    if (int(m_queue.size()) >= m_maxQueue) throw LimitRejected(fullMessage().toStdString());
    waiter.ticket = ++m_nextTicket;
    m_queue.push_back(std::move(waiter));
    return m_nextTicket;
}

void LimitGroup::settle() {
    while (!m_queue.empty() && m_holders < m_maxConcurrent && m_queue.front().onGranted) {
        const Waiter granted = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_holders;
        granted.onGranted();
    }
    const int length = int(m_queue.size());
    for (int i = 0; i < length; ++i) {
        Waiter& w = m_queue[size_t(i)];
        if (!w.onQueued || (w.shownPosition == i + 1 && w.shownLength == length)) continue;
        w.shownPosition = i + 1;
        w.shownLength = length;
        w.onQueued(w.shownPosition, w.shownLength);
    }
    m_changed.notify_all();
}

void LimitGroup::acquire(const RunContext* run, const std::function<void(int, int)>& onQueued) {
    if (m_broker) {
        m_broker->acquire(
            m_name, {m_maxConcurrent, m_maxQueue}, [run] { return run && run->isInterrupted(); },
            onQueued);
        return;
    }
    std::unique_lock lock(m_mutex);
    if (m_holders < m_maxConcurrent && m_queue.empty()) {
        ++m_holders;
        return;
    }
    const quint64 ticket = enqueue({});
    settle();
    int shownPosition = 0, shownLength = 0;
    for (;;) {
        const auto it = find(ticket);
        const int position = int(it - m_queue.begin()) + 1;
        if (position == 1 && m_holders < m_maxConcurrent) {
            m_queue.pop_front();
            ++m_holders;
            settle();  // everyone behind moves up
            return;
        }
        if (run && run->isInterrupted()) {
            m_queue.erase(it);
            settle();
            throw Interrupted();
        }
        if (position != shownPosition || int(m_queue.size()) != shownLength) {
            shownPosition = position;
            shownLength = int(m_queue.size());
            lock.unlock();
            try {
                onQueued(shownPosition, shownLength);
            } catch (...) {
                lock.lock();
                m_queue.erase(find(ticket));
                settle();
                throw;
            }
            lock.lock();
            continue;
        }
        // Woken by any change of the group; the timeout notices an interrupted run.
        m_changed.wait_for(lock, std::chrono::milliseconds(25));
    }
}

quint64 LimitGroup::request(std::function<void(int, int)> onQueued, std::function<void()> onGranted,
                            QString* rejected) {
    std::lock_guard lock(m_mutex);
    if (m_holders < m_maxConcurrent && m_queue.empty()) {
        ++m_holders;
        onGranted();
        return ++m_nextTicket;
    }
    if (int(m_queue.size()) >= m_maxQueue) {
        if (rejected) *rejected = fullMessage();
        return 0;
    }
    const quint64 ticket = enqueue({0, std::move(onQueued), std::move(onGranted)});
    settle();
    return ticket;
}

bool LimitGroup::withdraw(quint64 ticket) {
    std::lock_guard lock(m_mutex);
    const auto it = find(ticket);
    if (it == m_queue.end()) return false;
    m_queue.erase(it);
    settle();
    return true;
}

void LimitGroup::release() {
    if (m_broker) {
        m_broker->release(m_name);
        return;
    }
    std::lock_guard lock(m_mutex);
    m_holders = std::max(0, m_holders - 1);
    settle();
}

LimitGroupStatus LimitGroup::status() const {
    std::lock_guard lock(m_mutex);
    return LimitGroupStatus{m_name, m_maxConcurrent, m_holders, int(m_queue.size())};
}

}  // namespace detail
}  // namespace tessera
