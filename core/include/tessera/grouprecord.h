// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/enums.h>
#include <tessera/export.h>

#include <QJsonObject>
#include <QString>
#include <QVector>

namespace tessera {

/// One run: one scope (the main body, or one fragment) run once. Times are in milliseconds
/// since its group was started.
struct RunTiming {
    QString name;   ///< "main", or the fragment's name
    QString scope;  ///< "main", or the fragment's scope id: its name, \@, its container's path
    double queuedMs = 0;                    ///< when it was queued
    double startedMs = 0;                   ///< when it began
    double finishedMs = 0;                  ///< when it ended
    RunStatus status = RunStatus::Running;  ///< how it ended
};

/// What one cause started, and how each of its runs went: a full run of the dashboard (the
/// main body and the fragments it called), or the fragment reruns of one change or tick.
struct TESSERA_CORE_EXPORT GroupRecord {
    quint64 groupId = 0;      ///< unique in the process
    bool full = true;         ///< the main body ran (not only fragments)
    QVector<RunTiming> runs;  ///< each run, in the order they were queued
    QStringList exceptions;   ///< "Type: message" for each exception raised
    /// What the page shows in place of an element the dashboard asked for but that cannot be
    /// drawn as asked (a chart's x column that is not numeric, a slider whose default is out
    /// of range, two widgets with one identity, …), each as shown. No run raised.
    QStringList problems;
    bool failed() const { return !exceptions.isEmpty(); }  ///< an exception was raised
    /// The run of the scope `scopeOrName` (a scope id or a fragment's name), or nullptr.
    const RunTiming* run(const QString& scopeOrName) const;
    /// The names of the runs, in order.
    QStringList runNames() const;
    double totalMs() const;      ///< when the last run ended
    QJsonObject toJson() const;  ///< as `tessera --once --json` prints it
};

}  // namespace tessera
