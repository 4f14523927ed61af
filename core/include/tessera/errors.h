// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <stdexcept>

namespace tessera {

/// Thrown by a Ui call when its run has been superseded (a newer input arrived, the user
/// pressed Stop, the session ended). Deliberately not a std::exception, so that
/// `catch (const std::exception&)` in dashboard code does not swallow it; let it propagate.
class TESSERA_CORE_EXPORT Interrupted {
public:
    virtual ~Interrupted();
};

/// A Ui handle was used after the run it belongs to had ended.
class TESSERA_CORE_EXPORT ContextExpired : public std::logic_error {
public:
    using std::logic_error::logic_error;
    ~ContextExpired() override;
};

/// Ui was called from a thread that belongs to no run.
class TESSERA_CORE_EXPORT NoSessionContext : public std::logic_error {
public:
    using std::logic_error::logic_error;
    ~NoSessionContext() override;
};

}  // namespace tessera
