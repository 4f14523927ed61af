// SPDX-License-Identifier: GPL-3.0-or-later
#include "headless.h"

#include <tessera/host/headlessrunner.h>

#include <tessera/schema.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <functional>

namespace tessera::app {

namespace {

constexpr int kRunTimeoutMs = 10 * 60 * 1000;

/// The page as indented lines: kind, then label, text and value where there are any.
QString pageText(const PageTree& page) {
    QString out;
    std::function<void(const PageTree::Node&, int)> visit = [&](const PageTree::Node& n,
                                                                int depth) {
        for (const auto& child : n.children) {
            const Element& e = *child->element;
            out += QString(depth * 2, QLatin1Char(' ')) + kindName(e.kind);
            if (const QString label = e.props.value(prop::label).toString(); !label.isEmpty())
                out += QStringLiteral(" label=") + label;
            if (const QString text = e.props.value(prop::text).toString(); !text.isEmpty())
                out += QStringLiteral(" text=") + text.left(60);
            if (const QVariant value = e.props.value(prop::value); value.isValid())
                out += QStringLiteral(" value=") + value.toString();
            out += QLatin1Char('\n');
            visit(*child, depth + 1);
        }
    };
    visit(page.root(MainRoot), 2);
    visit(page.root(SidebarRoot), 2);
    return out;
}

}  // namespace

int runHeadless(const Dashboard& dashboard, const Options& options) {
    HeadlessRunner runner(dashboard);
    for (const auto& [key, value] : options.sets) runner.session().presetWidgetValue(key, value);
    if (!runner.run(kRunTimeoutMs)) {
        std::fprintf(stderr, "tessera: the dashboard did not finish within %d s\n",
                     kRunTimeoutMs / 1000);
        return 3;
    }
    if (const QStringList problems = runner.session().presetProblems(); !problems.isEmpty()) {
        for (const QString& p : problems)
            std::fprintf(stderr, "tessera: --set %s\n", qPrintable(p));
        return 2;
    }

    const GroupRecord& run = runner.session().lastGroup();
    if (options.json) {
        std::fputs(QJsonDocument(runner.report()).toJson(QJsonDocument::Indented).constData(),
                   stdout);
    } else {
        std::printf("%s — %s\n%s", qPrintable(dashboard.id), qPrintable(dashboard.title),
                    qPrintable(pageText(runner.session().page())));
        std::printf("ran in %.1f ms, %d elements\n", run.totalMs(),
                    runner.session().page().elementCount());
        for (const QString& e : run.exceptions) std::printf("exception: %s\n", qPrintable(e));
        for (const QString& p : run.problems) std::printf("problem: %s\n", qPrintable(p));
    }
    std::fflush(stdout);
    // For scripted checks: a raised exception or a problem shown in place of an element fails.
    const bool failed = run.failed() || !run.problems.isEmpty();
    if (failed && !options.allowErrors) {
        std::fprintf(
            stderr, "tessera: the run %s (--allow-errors exits 0 anyway)\n",
            run.failed() ? "raised an exception" : "showed a problem in place of an element");
        return 1;
    }
    return 0;
}

}  // namespace tessera::app
