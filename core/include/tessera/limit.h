// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QString>
#include <QVector>
#include <memory>
#include <stdexcept>

namespace tessera {

namespace detail {
class LimitGroup;
}

/// A named concurrency group shared by every session of the process (see Ui::limit()).
struct LimitOptions {
    int maxConcurrent = 1;  ///< holders at a time
    int maxQueue = 100;     ///< waiters at a time; more are refused
};

/// Thrown by Ui::limit() when the group's queue is full (after showing an error element).
class TESSERA_CORE_EXPORT LimitRejected : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    ~LimitRejected() override;
};

/// A held place in a concurrency group; released when destroyed (or by release()).
class TESSERA_CORE_EXPORT LimitSlot {
public:
    LimitSlot() = default;
    ///@{
    /// Moves the held place; `other` holds none after.
    LimitSlot(LimitSlot&& other) noexcept;
    LimitSlot& operator=(LimitSlot&& other) noexcept;
    ///@}
    LimitSlot(const LimitSlot&) = delete;
    LimitSlot& operator=(const LimitSlot&) = delete;
    ~LimitSlot();

    void release();  ///< gives the place back before the slot is destroyed
    bool held() const { return m_group != nullptr; }  ///< a place is held

private:
    friend class Ui;
    explicit LimitSlot(std::shared_ptr<detail::LimitGroup> group);

    std::shared_ptr<detail::LimitGroup> m_group;
};

/// How a concurrency group is doing, for the host's status display.
struct LimitGroupStatus {
    QString name;           ///< the group's name
    int maxConcurrent = 0;  ///< places in all
    int holders = 0;        ///< places held now
    int waiting = 0;        ///< runs waiting for one
};

/// Every concurrency group of the process, with its holders and queue length.
TESSERA_CORE_EXPORT QVector<LimitGroupStatus> limitGroups();

}  // namespace tessera
