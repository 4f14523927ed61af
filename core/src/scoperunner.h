// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/ui.h>

#include <functional>
#include <memory>

namespace tessera::detail {

class RunContext;

/// Thrown by Ui::rerun(); caught by executeScope().
struct RerunRequest {
    Scope scope;
};

/// Runs `fn` as run `context` on the calling thread: makes it the thread's current run,
/// turns exceptions into an exception element in the run's container, and posts RunEnded
/// (with timings) to the session. Everything goes through the session core's inbox.
void executeScope(const std::shared_ptr<RunContext>& context, const std::function<void(Ui&)>& fn);

/// The readable (demangled) type name of `e`, e.g. "std::runtime_error".
QString exceptionTypeName(const std::exception& e);

/// A new run id: every run of every scope in the process gets its own.
quint64 nextRunId();

}  // namespace tessera::detail
