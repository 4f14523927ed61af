// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtCore/qglobal.h>

#if defined(TESSERA_CORE_LIBRARY)
#define TESSERA_CORE_EXPORT Q_DECL_EXPORT
#else
#define TESSERA_CORE_EXPORT Q_DECL_IMPORT
#endif
