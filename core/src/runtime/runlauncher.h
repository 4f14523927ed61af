// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scopeid.h"

#include <tessera/ui.h>

#include <QElapsedTimer>
#include <functional>
#include <memory>

namespace tessera::detail {

class RunContext;
class SessionCore;
class WidgetClaims;

/// Thrown by Ui::rerun(); caught by executeScope().
struct RerunRequest {
    RerunTarget target;
};

/// Where every run starts: it creates the run contexts (the main body, a fragment called by a
/// run, a fragment rerun) and hands their work to the pools, or runs an inline fragment on
/// its caller's thread.
class RunLauncher {
public:
    enum class Pool { Script, Fragment };

    /// A new run of `scope`. `parent` is the run an inline fragment is called within.
    static std::shared_ptr<RunContext> newRun(std::shared_ptr<SessionCore> core, ScopeId scope,
                                              std::shared_ptr<RunContext> parent,
                                              std::shared_ptr<WidgetClaims> claims,
                                              QElapsedTimer clock);
    /// Runs `fn` as `context` on a pool thread.
    static void start(std::shared_ptr<RunContext> context, std::function<void(Ui&)> fn, Pool pool);
    /// Ui::fragment(): reports the call to the session and, for an inline fragment, runs it
    /// here and now (a parallel one is started by the session once it has registered it).
    static void callFragment(const std::shared_ptr<RunContext>& caller, const ScopeId& scope,
                             const FragmentOptions& options, std::function<void(Ui&)> fn);
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
