// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>

namespace tessera::app {

/// The light and dark palettes, for the Fusion style.
QPalette lightPalette();
QPalette darkPalette();

}  // namespace tessera::app
