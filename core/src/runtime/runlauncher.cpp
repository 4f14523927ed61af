// SPDX-License-Identifier: GPL-3.0-or-later
#include "runlauncher.h"

#include "log.h"
#include "runcontext.h"
#include "threadpools.h"
#include "uiaccess.h"

#include <cxxabi.h>
#include <atomic>
#include <typeinfo>

namespace tessera::detail {

QString exceptionTypeName(const std::exception& e) {
    int status = 0;
    char* readable = abi::__cxa_demangle(typeid(e).name(), nullptr, nullptr, &status);
    QString result = QString::fromLatin1(status == 0 && readable ? readable : typeid(e).name());
    std::free(readable);
    return result;
}

namespace {

void showException(Ui& ui, const QString& type, const QString& message) {
    try {
        ui.exception(type, message);
    } catch (...) {
        // The run was superseded meanwhile: nothing of it is shown anyway.
    }
}

}  // namespace

std::shared_ptr<RunContext> RunLauncher::newRun(std::shared_ptr<SessionCore> core, ScopeId scope,
                                                std::shared_ptr<RunContext> parent,
                                                std::shared_ptr<WidgetClaims> claims,
                                                QElapsedTimer clock) {
    return std::make_shared<RunContext>(std::move(core), nextRunId(), std::move(scope),
                                        std::move(parent), std::move(claims), clock);
}

void RunLauncher::start(std::shared_ptr<RunContext> context, std::function<void(Ui&)> fn,
                        Pool pool) {
    WorkerPool& threads = pool == Pool::Fragment ? fragmentPool() : scriptPool();
    threads.start(
        [context = std::move(context), fn = std::move(fn)] { executeScope(context, fn); });
}

void RunLauncher::callFragment(const std::shared_ptr<RunContext>& caller, const ScopeId& scope,
                               const FragmentOptions& options, std::function<void(Ui&)> fn) {
    auto call = std::make_shared<FragmentCall>();
    call->scope = scope;
    call->fn = std::move(fn);
    call->options = options;
    call->callerRunId = caller->runId;
    call->queuedMs = caller->elapsedMs();
    // Inline fragments share the caller's place in outside containers (code order); parallel
    // ones append there, as their timing is their own.
    call->context = newRun(caller->core, scope, options.parallel ? nullptr : caller, caller->claims,
                           caller->clock);
    Message m;
    m.type = Message::Type::FragmentCalled;
    m.runId = caller->runId;
    m.fragment = call;
    caller->core->post(std::move(m));
    if (!options.parallel) {
        executeScope(call->context, call->fn);  // restores this thread's run after
        caller->check();                        // the dashboard may have been superseded meanwhile
    }
}

quint64 nextRunId() {
    static std::atomic<quint64> counter{0};
    return ++counter;
}

void executeScope(const std::shared_ptr<RunContext>& context, const std::function<void(Ui&)>& fn) {
    CurrentRun current(context);
    Message end;
    end.type = Message::Type::RunEnded;
    end.runId = context->runId;
    end.scope = context->scope;
    end.startedMs = context->elapsedMs();
    // Callbacks of the changes that caused this run go first, in its context (taken before
    // the scope's reads are forgotten: they tell which callbacks belong to a fragment).
    const QVector<WidgetCallback> callbacks = context->core->widgets->takeCallbacks(context->scope);
    context->core->widgets->clearReads(context->scope);
    Ui ui = Ui::Access::make(context, context->isFragment() ? context->territory : Path{MainRoot});
    try {
        for (const WidgetCallback& callback : callbacks) callback(ui);
        fn(ui);
        end.status = RunStatus::Finished;
    } catch (const Interrupted&) {
        end.status = RunStatus::Interrupted;
    } catch (const RerunRequest& request) {
        end.status = RunStatus::Rerun;
        Message rerun;
        rerun.type = Message::Type::RerunRequested;
        rerun.runId = context->runId;
        rerun.rerunTarget = request.target;
        rerun.scope = context->scope;
        context->core->post(std::move(rerun));
    } catch (const LimitRejected& e) {
        // Ui::limit() has shown the refusal where it happened.
        end.status = RunStatus::Failed;
        end.exceptions << QStringLiteral("LimitRejected: %1").arg(QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        end.status = RunStatus::Failed;
        const QString type = exceptionTypeName(e);
        end.exceptions << QStringLiteral("%1: %2").arg(type, QString::fromUtf8(e.what()));
        logger("session")->error("{} raised {}: {}", context->scope.toString().toStdString(),
                                 type.toStdString(), e.what());
        showException(ui, type, QString::fromUtf8(e.what()));
    } catch (...) {
        end.status = RunStatus::Failed;
        end.exceptions << QStringLiteral("unknown exception");
        logger("session")->error("{} raised an exception of unknown type",
                                 context->scope.toString().toStdString());
        showException(ui, QStringLiteral("unknown"),
                      QStringLiteral("a non-standard exception was thrown"));
    }
    context->end();
    end.problems = context->takeProblems();
    end.finishedMs = context->elapsedMs();
    context->core->post(std::move(end));
}

}  // namespace tessera::detail
