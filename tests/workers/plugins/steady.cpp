// SPDX-License-Identifier: GPL-3.0-or-later
// A dashboard that only ever answers: it must keep doing so while another plugin dies.
#include <tessera/cache.h>
#include <tessera/dashboard.h>
#include <tessera/ui.h>

#include "limited.h"

#include <atomic>

namespace {

std::atomic<int> computed{0};  // in this plugin's process

void steady(tessera::Ui& ui) {
    const int n = ui.slider(QStringLiteral("m"), 0, 100, 1);
    ui.text(QStringLiteral("m = %1").arg(n));
    // A cached value: computed again only when the cache is cleared.
    const int times =
        tessera::cacheData<int>(QStringLiteral("steady.computed"), [] { return ++computed; });
    ui.caption(QStringLiteral("computed %1 times").arg(times));
}

}  // namespace

TESSERA_PLUGIN(
    {{QStringLiteral("steady"), QStringLiteral("Steady"), {}, steady},
     {QStringLiteral("steady-limited"), QStringLiteral("Steady limited"), {}, limitedDashboard}})
