// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "asynctasks.h"
#include "scopeid.h"
#include "widgetstore.h"

#include <tessera/fragment.h>
#include <tessera/grouprecord.h>
#include <tessera/host/delta.h>
#include <tessera/sessionstate.h>

#include <functional>

#include <memory>
#include <mutex>
#include <vector>

namespace tessera {
class Session;
class Ui;
}  // namespace tessera

namespace tessera::detail {

class RunContext;

/// A fragment call, as the calling run reports it to the session.
struct FragmentCall {
    ScopeId scope;  ///< the fragment's name and the container the call created
    std::function<void(Ui&)> fn;
    FragmentOptions options;
    std::shared_ptr<RunContext> context;  ///< the fragment's run (running already when inline)
    quint64 callerRunId = 0;
    double queuedMs = 0;
};

/// What run threads send to their session, in the order they sent it.
struct Message {
    enum class Type {
        Delta,
        RunEnded,
        FragmentCalled,
        RerunRequested,
        AsyncLoaded,
        FragmentRerunsRequested
    };
    Type type = Type::Delta;
    Delta delta;
    quint64 runId = 0;
    RunStatus status = RunStatus::Finished;
    QStringList exceptions;
    QStringList problems;   ///< RunEnded: misuses shown on the page (Ui::usageError)
    double startedMs = 0;   ///< RunEnded: when the run began, ms since it was requested
    double finishedMs = 0;  ///< RunEnded: when it ended
    std::shared_ptr<FragmentCall> fragment;      ///< FragmentCalled
    RerunTarget rerunTarget = RerunTarget::App;  ///< RerunRequested
    ScopeId scope;                               ///< RerunRequested: the scope that asked
    QVector<ScopeId> scopes;                     ///< AsyncLoaded: the scopes that asked
    QStringList keys;                            ///< FragmentRerunsRequested: fragment keys
    qint64 refreshInMs = -1;                     ///< AsyncLoaded: when the next reload is due
};

/// The part of a session that run threads may touch. It outlives the Session object as
/// long as a run still holds it; once the session is gone, posts go nowhere.
class SessionCore {
public:
    explicit SessionCore(Session* session);

    const std::shared_ptr<WidgetStore> widgets = std::make_shared<WidgetStore>();
    SessionState state;
    AsyncTasks tasks;

    /// Queues a message and, when the inbox was empty, wakes the session once. Many posts
    /// within one event-loop turn therefore cost one queued call.
    void post(Message message);
    std::vector<Message> takeAll();
    /// Whether messages wait for the session (which is then not idle).
    bool hasMail();
    void detach();

private:
    std::mutex m_mutex;
    std::vector<Message> m_inbox;
    Session* m_session;
};

}  // namespace tessera::detail
