// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace tessera::workers {

/// On a fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT), writes the signal and a
/// backtrace to stderr, where the host reads the last lines, then dies of the same signal.
/// It runs on a stack of its own (one per thread: the main thread's and the run pools'), so
/// a stack overflow is reported too.
void installCrashReport();

}  // namespace tessera::workers
