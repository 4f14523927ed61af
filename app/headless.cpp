// SPDX-License-Identifier: GPL-3.0-or-later
#include "headless.h"

#include <tessera/testing/apptest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace tessera::app {

namespace {
constexpr int kRunTimeoutMs = 10 * 60 * 1000;
}

int runHeadless(const Dashboard& dashboard, const Options& options) {
    testing::AppTest test(dashboard);
    for (const auto& [key, value] : options.sets) test.session().presetWidgetValue(key, value);
    if (!test.run(kRunTimeoutMs)) {
        std::fprintf(stderr, "tessera: the dashboard did not finish within %d s\n",
                     kRunTimeoutMs / 1000);
        return 3;
    }
    if (const QStringList problems = test.session().presetProblems(); !problems.isEmpty()) {
        for (const QString& p : problems)
            std::fprintf(stderr, "tessera: --set %s\n", qPrintable(p));
        return 2;
    }

    const RunRecord& run = test.lastRun();
    if (options.json) {
        QJsonObject out{{QStringLiteral("dashboard"), dashboard.id},
                        {QStringLiteral("title"), dashboard.title},
                        {QStringLiteral("page"), test.session().page().toJson()},
                        {QStringLiteral("run"), run.toJson()},
                        {QStringLiteral("exceptions"), QJsonArray::fromStringList(run.exceptions)}};
        std::fputs(QJsonDocument(out).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        std::printf("%s — %s\n%s", qPrintable(dashboard.id), qPrintable(dashboard.title),
                    qPrintable(test.dump()));
        std::printf("ran in %.1f ms, %d elements\n", run.totalMs(),
                    test.session().page().elementCount());
        for (const QString& e : run.exceptions) std::printf("exception: %s\n", qPrintable(e));
    }
    std::fflush(stdout);
    return run.failed() ? 1 : 0;
}

}  // namespace tessera::app
