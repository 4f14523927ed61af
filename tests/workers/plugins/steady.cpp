// SPDX-License-Identifier: GPL-3.0-or-later
// A dashboard that only ever answers: it must keep doing so while another plugin dies.
#include <tessera/dashboard.h>
#include <tessera/ui.h>

namespace {

void steady(tessera::Ui& ui) {
    const int n = ui.slider(QStringLiteral("m"), 0, 100, 1);
    ui.text(QStringLiteral("m = %1").arg(n));
}

}  // namespace

TESSERA_PLUGIN({{QStringLiteral("steady"), QStringLiteral("Steady"), {}, steady}})
