// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace tessera {

enum class RunStatus { Running, Finished, Failed, Interrupted };

/// Timing of one scope (the main body or a fragment) within a run, in milliseconds since
/// the run was requested.
struct ScopeTiming {
    QString scope;
    double queuedMs = 0;
    double startedMs = 0;
    double finishedMs = 0;
    RunStatus status = RunStatus::Running;
};

struct TESSERA_CORE_EXPORT RunRecord {
    quint64 runId = 0;
    QVector<ScopeTiming> scopes;
    QStringList exceptions;  ///< "Type: message" for each exception raised
    bool failed() const { return !exceptions.isEmpty(); }
    double totalMs() const;
    QJsonObject toJson() const;
};

TESSERA_CORE_EXPORT QString statusName(RunStatus status);

}  // namespace tessera
