// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/grouprecord.h>

#include <QJsonArray>
#include <algorithm>

namespace tessera {

double GroupRecord::totalMs() const {
    double end = 0;
    for (const RunTiming& r : runs) end = std::max(end, r.finishedMs);
    return end;
}

const RunTiming* GroupRecord::run(const QString& scopeOrName) const {
    for (const RunTiming& r : runs)
        if (r.scope == scopeOrName || r.name == scopeOrName) return &r;
    return nullptr;
}

QStringList GroupRecord::runNames() const {
    QStringList names;
    for (const RunTiming& r : runs) names << r.name;
    return names;
}

QJsonObject GroupRecord::toJson() const {
    QJsonArray runArray;
    for (const RunTiming& r : runs) {
        runArray.append(QJsonObject{{QStringLiteral("name"), r.name},
                                    {QStringLiteral("scope"), r.scope},
                                    {QStringLiteral("queuedMs"), r.queuedMs},
                                    {QStringLiteral("startedMs"), r.startedMs},
                                    {QStringLiteral("finishedMs"), r.finishedMs},
                                    {QStringLiteral("status"), enumName(r.status)}});
    }
    return QJsonObject{{QStringLiteral("groupId"), QString::number(groupId)},
                       {QStringLiteral("full"), full},
                       {QStringLiteral("totalMs"), totalMs()},
                       {QStringLiteral("runs"), runArray},
                       {QStringLiteral("exceptions"), QJsonArray::fromStringList(exceptions)},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

}  // namespace tessera
