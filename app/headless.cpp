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
    if (!test.run(kRunTimeoutMs)) {
        std::fprintf(stderr, "tessera: the dashboard did not finish within %d s\n",
                     kRunTimeoutMs / 1000);
        return 3;
    }
    if (!options.sets.isEmpty()) {
        // Widgets exist once the first run has drawn them; set them, then run again.
        for (const auto& [key, value] : options.sets) {
            const QString id = test.session().findWidget(key);
            if (id.isEmpty()) {
                std::fprintf(stderr, "tessera: --set %s: no widget with that key or label\n",
                             qPrintable(key));
                return 2;
            }
            const QString error = test.session().setWidgetValue(id, value, false);
            if (!error.isEmpty()) {
                std::fprintf(stderr, "tessera: --set %s: %s\n", qPrintable(key), qPrintable(error));
                return 2;
            }
        }
        if (!test.run(kRunTimeoutMs)) return 3;
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
