// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace tessera {

/// How a run ended. `Rerun` is a run that asked for a rerun (Ui::rerun()): it counts as
/// completed, so the buttons it saw pressed are released, but its page stays until the rerun
/// replaces it.
enum class RunStatus { Running, Finished, Failed, Interrupted, TimedOut, Rerun };

/// Timing of one scope (the main body or a fragment) within a run, in milliseconds since
/// the run was requested.
struct ScopeTiming {
    QString scope;          ///< "main", or the fragment's name
    QString id;             ///< "main", or the fragment's id (name, then its container's path)
    double queuedMs = 0;    ///< when it was queued
    double startedMs = 0;   ///< when it began
    double finishedMs = 0;  ///< when it ended
    RunStatus status = RunStatus::Running;  ///< how it ended
};

/// One run as the user caused it: a full run (the main body and the fragments it called),
/// or the fragment reruns one change caused.
struct TESSERA_CORE_EXPORT RunRecord {
    quint64 runId = 0;            ///< unique in the process
    bool full = true;             ///< the main body ran (not only fragments)
    QVector<ScopeTiming> scopes;  ///< each scope that ran, in the order they were queued
    QStringList exceptions;       ///< "Type: message" for each exception raised
    /// What the page shows in place of an element the dashboard asked for but that cannot be
    /// drawn as asked (a chart's x column that is not numeric, a slider whose default is out
    /// of range, two widgets with one identity, …), each as shown. The run did not raise.
    QStringList problems;
    bool failed() const { return !exceptions.isEmpty(); }  ///< an exception was raised
    /// The timing of scope `idOrName`, or nullptr.
    const ScopeTiming* scope(const QString& idOrName) const;
    /// Names of the scopes that ran, in order.
    QStringList scopeNames() const;
    double totalMs() const;      ///< when the last scope ended
    QJsonObject toJson() const;  ///< as `tessera --once --json` prints it
};

TESSERA_CORE_EXPORT QString statusName(RunStatus status);

}  // namespace tessera
