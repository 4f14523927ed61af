// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoperunner.h"

#include "log.h"
#include "runcontext.h"

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

quint64 nextRunId() {
    static std::atomic<quint64> counter{0};
    return ++counter;
}

void executeScope(const std::shared_ptr<RunContext>& context, const std::function<void(Ui&)>& fn) {
    ContextScope current(context);
    Message end;
    end.type = Message::Type::RunEnded;
    end.runId = context->runId;
    end.scope = context->scope;
    end.startedMs = context->elapsedMs();
    context->core->widgets->clearReads(context->scope);
    Ui ui(context, context->isFragment() ? context->territory : Path{MainRoot}, false);
    try {
        fn(ui);
        end.status = RunStatus::Finished;
    } catch (const Interrupted&) {
        end.status = RunStatus::Interrupted;
    } catch (const RerunRequest& request) {
        end.status = RunStatus::Interrupted;
        Message rerun;
        rerun.type = Message::Type::RerunRequested;
        rerun.runId = context->runId;
        rerun.rerunScope = request.scope;
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
        logger("session")->error("{} raised {}: {}", context->scope.toStdString(),
                                 type.toStdString(), e.what());
        showException(ui, type, QString::fromUtf8(e.what()));
    } catch (...) {
        end.status = RunStatus::Failed;
        end.exceptions << QStringLiteral("unknown exception");
        logger("session")->error("{} raised an exception of unknown type",
                                 context->scope.toStdString());
        showException(ui, QStringLiteral("unknown"),
                      QStringLiteral("a non-standard exception was thrown"));
    }
    context->end();
    end.finishedMs = context->elapsedMs();
    context->core->post(std::move(end));
}

}  // namespace tessera::detail
