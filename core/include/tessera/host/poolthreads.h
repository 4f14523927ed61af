// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

namespace tessera {

/// `setup` runs once on each thread of the run and fragment pools, before the thread's first
/// task (a worker process gives each one an alternate signal stack, so that a stack overflow
/// in a run is reported too). Set it before any run starts; null: nothing.
TESSERA_CORE_EXPORT void setPoolThreadSetup(void (*setup)());

}  // namespace tessera
