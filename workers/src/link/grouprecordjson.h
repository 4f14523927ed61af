// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/grouprecord.h>

#include <QJsonObject>

namespace tessera::workers {

/// A group record from the JSON GroupRecord::toJson() writes (fields it lacks keep their
/// defaults).
GroupRecord groupRecordFromJson(const QJsonObject& json);

}  // namespace tessera::workers
