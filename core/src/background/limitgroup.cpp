// SPDX-License-Identifier: GPL-3.0-or-later
#include "limitgroup.h"

#include "log.h"
#include "runcontext.h"

#include <tessera/errors.h>

#include <QHash>
#include <algorithm>

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

LimitGroup::LimitGroup(QString name, const LimitOptions& options)
    : m_name(std::move(name)),
      m_maxConcurrent(std::max(1, options.maxConcurrent)),
      m_maxQueue(std::max(0, options.maxQueue)) {}

std::shared_ptr<LimitGroup> LimitGroup::get(const QString& name, const LimitOptions& options) {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto& group = r.groups[name];
    if (!group) group = std::make_shared<LimitGroup>(name, options);
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

void LimitGroup::acquire(const RunContext* run, const std::function<void(int, int)>& onQueued) {
    std::unique_lock lock(m_mutex);
    if (m_holders < m_maxConcurrent && m_queue.empty()) {
        ++m_holders;
        return;
    }
    if (int(m_queue.size()) >= m_maxQueue)
        throw LimitRejected(
            QStringLiteral("The queue for '%1' is full (%2 waiting, %3 running); try again later.")
                .arg(m_name)
                .arg(m_queue.size())
                .arg(m_holders)
                .toStdString());
    const quint64 ticket = ++m_nextTicket;
    m_queue.push_back(ticket);
    m_changed.notify_all();
    int shownPosition = 0, shownLength = 0;
    for (;;) {
        const auto it = std::find(m_queue.begin(), m_queue.end(), ticket);
        const int position = int(it - m_queue.begin()) + 1;
        if (position == 1 && m_holders < m_maxConcurrent) {
            m_queue.pop_front();
            ++m_holders;
            m_changed.notify_all();  // everyone behind moves up
            return;
        }
        if (run && run->isInterrupted()) {
            m_queue.erase(it);
            m_changed.notify_all();
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
                m_queue.erase(std::find(m_queue.begin(), m_queue.end(), ticket));
                m_changed.notify_all();
                throw;
            }
            lock.lock();
            continue;
        }
        // Woken by any change of the group; the timeout notices an interrupted run.
        m_changed.wait_for(lock, std::chrono::milliseconds(25));
    }
}

void LimitGroup::release() {
    std::lock_guard lock(m_mutex);
    m_holders = std::max(0, m_holders - 1);
    m_changed.notify_all();
}

LimitGroupStatus LimitGroup::status() const {
    std::lock_guard lock(m_mutex);
    return LimitGroupStatus{m_name, m_maxConcurrent, m_holders, int(m_queue.size())};
}

}  // namespace detail
}  // namespace tessera
