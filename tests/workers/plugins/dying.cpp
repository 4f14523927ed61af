// SPDX-License-Identifier: GPL-3.0-or-later
// A dashboard with one button per way a plugin can take its process down, and a slider
// whose value must survive the restart.
#include <tessera/dashboard.h>
#include <tessera/ui.h>

#include "limited.h"

#include <atomic>
#include <cstdlib>
#include <exception>
#include <thread>
#include <vector>

namespace {

volatile int* nowhere = nullptr;

// Not tail-recursive, and not foldable: every call needs its own frame. The stop condition
// is never met (`limit` is read at run time).
volatile int limit = -1;
int recurse(int depth) {
    volatile char frame[256];
    frame[0] = char(depth);
    if (depth == limit) return 0;
    return recurse(depth + 1) + frame[0];
}

void dying(tessera::Ui& ui) {
    const int n = ui.slider(QStringLiteral("n"), 0, 10, 3);
    ui.text(QStringLiteral("n = %1").arg(n));
    QStringList names;
    for (const tessera::UploadedFile& f : ui.fileUploader(QStringLiteral("Data")).get())
        names << QStringLiteral("%1 (%2 bytes)").arg(f.name).arg(f.bytes.size());
    ui.caption(QStringLiteral("files: %1").arg(names.join(QStringLiteral(", "))));
    if (ui.button(QStringLiteral("Dereference null"))) *nowhere = 1;
    if (ui.button(QStringLiteral("Abort"))) std::abort();
    if (ui.button(QStringLiteral("Recurse forever"))) ui.text(QString::number(recurse(0)));
    if (ui.button(QStringLiteral("Throw on a thread")))
        std::thread([] { throw std::runtime_error("thrown on a plugin's own thread"); }).join();
    if (ui.button(QStringLiteral("Loop forever"))) {
        std::atomic<unsigned> spin{0};
        for (;;) spin.fetch_add(1, std::memory_order_relaxed);
    }
    if (ui.button(QStringLiteral("Allocate too much"))) {
        // Past a --worker-memory limit of 2 GiB: refused, and shown as the run's exception.
        std::vector<char> huge(size_t(3) << 30);
        ui.text(QString::number(huge.size()));
    }
}

}  // namespace

TESSERA_PLUGIN(
    {{QStringLiteral("dying"), QStringLiteral("Dying"), {}, dying},
     {QStringLiteral("dying-limited"), QStringLiteral("Dying limited"), {}, limitedDashboard}})
