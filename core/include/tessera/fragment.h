// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/enums.h>
#include <tessera/export.h>

#include <chrono>

namespace tessera {

/// How a fragment runs. See docs/fragments.md.
struct FragmentOptions {
    /// Run the body on the fragment pool, concurrently with the rest of the dashboard. Its
    /// container is created in place by the caller, so display order is code order.
    bool parallel = false;
    /// Rerun the fragment on this period (0 = never). A tick is skipped while the previous
    /// run of the fragment is still going.
    std::chrono::milliseconds runEvery{0};
    /// Turn a run that takes longer into a visible error (0 = no limit).
    std::chrono::milliseconds timeout{0};
    /// A name to rerun the fragment by, from anywhere: Ui::rerunFragment() in the body,
    /// another fragment or a thread of yours, or Session::rerunFragment() from outside.
    QString key;
};

/// Sets how many threads the fragment pool may use (default 32). Parallel fragments are
/// mostly waiting on IO, so this is not tied to the number of cores.
TESSERA_CORE_EXPORT void setFragmentThreads(int threads);
TESSERA_CORE_EXPORT int fragmentThreads();

}  // namespace tessera
