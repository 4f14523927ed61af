// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/ui.h>

namespace gallery {

void overview(tessera::Ui& ui);
void charts(tessera::Ui& ui);
/// Every mark of the chart grammar, on a week of operations data.
void grammar(tessera::Ui& ui);
void widgets(tessera::Ui& ui);
/// The widgets page's last section: a form, and widgets with callbacks.
void formAndCallbacks(tessera::Ui& ui);
/// The widgets page's files section: an uploader, and what it was given.
void files(tessera::Ui& ui);
void layout(tessera::Ui& ui);
/// The layout page's last section: status box, toast, popover and dialog.
void overlays(tessera::Ui& ui);
void chat(tessera::Ui& ui);

}  // namespace gallery
