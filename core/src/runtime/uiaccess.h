// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/ui.h>

namespace tessera {

/// The host's way to make the Ui a run starts with; dashboards only get Ui values from it.
struct Ui::Access {
    static Ui make(std::shared_ptr<detail::RunContext> context, Path container) {
        return Ui(std::move(context), std::move(container), Placement::Append);
    }
};

}  // namespace tessera
