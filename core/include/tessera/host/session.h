// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>
#include <tessera/export.h>
#include <tessera/grouprecord.h>
#include <tessera/host/pagetree.h>

#include <QObject>
#include <functional>
#include <memory>

namespace tessera {

/// One viewer's session: owns the page, the widget values, session state, the fragments
/// and the run bookkeeping. Lives in one thread, any thread with an event loop (the GUI
/// thread for the window, a worker thread for remote viewers); call it only from there.
/// Runs execute on the script and fragment pools and only post to it. Every run of every scope has
/// its own id; output of a run that is no longer current is dropped, so the latest input wins.
class TESSERA_CORE_EXPORT Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    /// Switches to `dashboard` (same session state), clears the page and runs it.
    void setDashboard(const Dashboard& dashboard);
    const Dashboard& dashboard() const;
    /// A new build of the dashboard shown (hot reload): runs it in full, keeping the session
    /// state, the widget values and the page, which updates in place. Ignored unless
    /// `dashboard.id` is the current dashboard's.
    void reloadDashboard(const Dashboard& dashboard);

    /// Requests a full run. Requests that arrive while a run is going interrupt it and are
    /// coalesced into one new run with the latest widget values.
    void rerun();
    /// Reruns fragments by id (as in GroupRecord::scopes); unknown ids are ignored.
    void rerunFragments(const QStringList& ids);
    /// Reruns the fragments with FragmentOptions::key `key` (from a timer, a socket of a
    /// plugin, …); false when the page has none.
    bool rerunFragment(const QString& key);
    /// Interrupts every run without starting another.
    void stop();
    bool isRunning() const;
    bool isIdle() const;

    /// Sets a widget's value as if the user had changed it and reruns what depends on it:
    /// the fragments that read it (or contain it), else the whole dashboard. Returns an
    /// error message (and changes nothing) when the widget is unknown or the value invalid.
    /// A value the widget already has (a trigger's unpressed value) reruns nothing.
    QString setWidgetValue(const QString& id, const QVariant& value, bool rerun = true);
    /// Reruns what depends on the widgets `widgetIds` (set before with rerun = false): the
    /// fragments that read them or contain them, else the whole dashboard.
    void rerunDependents(const QStringList& widgetIds);
    /// Values for widgets not drawn yet, by id, key or label: a widget takes its value the
    /// first time it is drawn (the command line's --set; a session rebuilt after a crash).
    void presetWidgetValue(const QString& keyOrLabel, const QVariant& value);
    /// Presets that matched no widget or whose value was refused, as messages.
    QStringList presetProblems() const;
    /// Finds a widget by key, or else by label; empty when there is none or several.
    QString findWidget(const QString& keyOrLabel) const;

    SessionState& state();
    const PageTree& page() const;
    /// The number of the last page batch handed to viewers (0 before the first).
    quint64 pageSequence() const;
    /// A read-only viewer: `onBatch` gets the page as it is (one batch at the current
    /// sequence) and then every batch, in `receiver`'s thread. Call it in the session's
    /// thread; disconnect the returned connection, or destroy `receiver`, to stop.
    QMetaObject::Connection subscribe(QObject* receiver,
                                      std::function<void(const PageBatch&)> onBatch);
    /// The last run that completed: a full run with its fragments, or a set of fragment reruns.
    const GroupRecord& lastGroup() const;
    int runsStarted() const;
    /// Ids of the fragments the page currently has.
    QStringList fragments() const;

    /// How long a run must go before the elements it has not re-emitted are faded.
    void setStaleDelay(int ms);

signals:
    void pageChanged(const QVector<tessera::PageOp>& ops);
    /// The same ops with their batch number (see subscribe()).
    void pageBatch(const tessera::PageBatch& batch);
    void groupStarted(quint64 runId);
    void groupFinished(const tessera::GroupRecord& record);
    void idle();

private:
    Q_INVOKABLE void drainInbox();
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace tessera
