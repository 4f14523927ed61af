// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadpools.h"

namespace tessera::detail {

QThreadPool& scriptPool() {
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        p->setObjectName(QStringLiteral("tessera-script-pool"));
        p->setMaxThreadCount(16);
        return p;
    }();
    return *pool;
}

}  // namespace tessera::detail
