// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>
#include <tessera/limit.h>

#include <QString>
#include <functional>

namespace tessera {

/// Where this process's Ui::limit() takes its places when the groups are another process's:
/// a worker asks its host, so that a group is one group across every worker.
class TESSERA_CORE_EXPORT LimitBroker {
public:
    virtual ~LimitBroker();
    /// Blocks until a place in `group` is the caller's. `onQueued(position, length)` is called
    /// whenever its place in the queue changes, and `interrupted()` is polled. Throws
    /// LimitRejected when the queue is full, Interrupted when interrupted() turns true.
    virtual void acquire(const QString& group, const LimitOptions& options,
                         const std::function<bool()>& interrupted,
                         const std::function<void(int position, int length)>& onQueued) = 0;
    /// Gives back one place held in `group`.
    virtual void release(const QString& group) = 0;
};

/// Every later Ui::limit() of this process asks `broker` (null: this process's own groups).
/// Set it before any run starts; it must outlive them.
TESSERA_CORE_EXPORT void setLimitBroker(LimitBroker* broker);

/// Places in this process's groups for requests that must not block (a host answering its
/// workers). Waiters of both kinds share one FIFO queue per group.
namespace limitplaces {

/// Asks for a place in `group`. `onQueued(position, length)` whenever the request's place
/// in the queue changes, `onGranted()` once it holds one. Both are called with the group
/// locked, in whichever thread changed it: they must only post. A request granted at once
/// calls `onGranted` before this returns. Returns the request's ticket; 0 when the queue is
/// full, with why in `rejected`.
TESSERA_CORE_EXPORT quint64 request(const QString& group, const LimitOptions& options,
                                    std::function<void(int position, int length)> onQueued,
                                    std::function<void()> onGranted, QString* rejected);
/// Takes a request out of the queue. False when it was granted already: its place is then
/// the caller's to release().
TESSERA_CORE_EXPORT bool withdraw(const QString& group, quint64 ticket);
/// Gives back one place held in `group`.
TESSERA_CORE_EXPORT void release(const QString& group);

}  // namespace limitplaces

}  // namespace tessera
