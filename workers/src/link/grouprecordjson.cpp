// SPDX-License-Identifier: GPL-3.0-or-later
#include "grouprecordjson.h"

#include <QJsonArray>

namespace tessera::workers {

namespace {
QStringList strings(const QJsonValue& value) {
    QStringList out;
    for (const QJsonValue& v : value.toArray()) out << v.toString();
    return out;
}
}  // namespace

GroupRecord groupRecordFromJson(const QJsonObject& json) {
    GroupRecord record;
    record.groupId = json.value(QLatin1String("groupId")).toString().toULongLong();
    record.full = json.value(QLatin1String("full")).toBool(true);
    record.exceptions = strings(json.value(QLatin1String("exceptions")));
    record.problems = strings(json.value(QLatin1String("problems")));
    for (const QJsonValue& v : json.value(QLatin1String("runs")).toArray()) {
        const QJsonObject r = v.toObject();
        RunTiming run;
        run.name = r.value(QLatin1String("name")).toString();
        run.scope = r.value(QLatin1String("scope")).toString();
        run.queuedMs = r.value(QLatin1String("queuedMs")).toDouble();
        run.startedMs = r.value(QLatin1String("startedMs")).toDouble();
        run.finishedMs = r.value(QLatin1String("finishedMs")).toDouble();
        run.status = enumFromName<RunStatus>(r.value(QLatin1String("status")).toString())
                         .value_or(RunStatus::Finished);
        record.runs.append(run);
    }
    return record;
}

}  // namespace tessera::workers
