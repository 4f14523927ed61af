// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/runrecord.h>

#include <QJsonArray>
#include <algorithm>

namespace tessera {

QString statusName(RunStatus status) {
    switch (status) {
        case RunStatus::Running:
            return QStringLiteral("running");
        case RunStatus::Finished:
            return QStringLiteral("finished");
        case RunStatus::Failed:
            return QStringLiteral("failed");
        case RunStatus::Interrupted:
            return QStringLiteral("interrupted");
        case RunStatus::TimedOut:
            return QStringLiteral("timed out");
        case RunStatus::Rerun:
            return QStringLiteral("rerun");
    }
    return {};
}

double RunRecord::totalMs() const {
    double end = 0;
    for (const ScopeTiming& s : scopes) end = std::max(end, s.finishedMs);
    return end;
}

const ScopeTiming* RunRecord::scope(const QString& idOrName) const {
    for (const ScopeTiming& s : scopes)
        if (s.id == idOrName || s.scope == idOrName) return &s;
    return nullptr;
}

QStringList RunRecord::scopeNames() const {
    QStringList names;
    for (const ScopeTiming& s : scopes) names << s.scope;
    return names;
}

QJsonObject RunRecord::toJson() const {
    QJsonArray scopeArray;
    for (const ScopeTiming& s : scopes) {
        scopeArray.append(QJsonObject{{QStringLiteral("scope"), s.scope},
                                      {QStringLiteral("id"), s.id},
                                      {QStringLiteral("queuedMs"), s.queuedMs},
                                      {QStringLiteral("startedMs"), s.startedMs},
                                      {QStringLiteral("finishedMs"), s.finishedMs},
                                      {QStringLiteral("status"), statusName(s.status)}});
    }
    return QJsonObject{{QStringLiteral("runId"), QString::number(runId)},
                       {QStringLiteral("full"), full},
                       {QStringLiteral("totalMs"), totalMs()},
                       {QStringLiteral("scopes"), scopeArray},
                       {QStringLiteral("exceptions"), QJsonArray::fromStringList(exceptions)},
                       {QStringLiteral("problems"), QJsonArray::fromStringList(problems)}};
}

}  // namespace tessera
