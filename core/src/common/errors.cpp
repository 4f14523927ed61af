// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/errors.h>

namespace tessera {

// Out-of-line destructors anchor the type info in the core library, so a throw in a
// plugin and a catch in the host agree on the type.
Interrupted::~Interrupted() = default;
ContextExpired::~ContextExpired() = default;
NoSessionContext::~NoSessionContext() = default;

}  // namespace tessera
