// SPDX-License-Identifier: GPL-3.0-or-later
// What the workers tests share: the ways the `dying` test plugin can end its worker, and
// a browser's reading and setting of the test dashboards' widgets.
#pragma once

#include "bridgeclient.h"

#include <QTest>

namespace tessera::workers::testing {

using bridge::testing::BridgeClient;

/// A crash, its report and a new worker (sanitizers are slow).
constexpr int kRestartMs = 20'000;

/// The rows of a test run once per way to die: the `dying` dashboard's button, and what
/// the notice says stopped the worker. Run them under a 1 s run timeout (the loop's way).
inline void addWaysToDie() {
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("why");
    QTest::newRow("null dereference") << "Dereference null"
                                      << "SIGSEGV";
    QTest::newRow("abort") << "Abort"
                           << "SIGABRT";
    QTest::newRow("stack overflow") << "Recurse forever"
                                    << "SIGSEGV";
    QTest::newRow("std::terminate on its own thread") << "Throw on a thread"
                                                      << "SIGABRT";
    QTest::newRow("a loop without Ui calls") << "Loop forever"
                                             << "a run went on for more than 1 s";
}

/// The text the client's page shows first.
inline QString textOf(const BridgeClient& client) {
    return client.firstProp(QStringLiteral("text"), QStringLiteral("text"));
}

/// Sets the widget labelled `label` as a browser would.
inline void setWidget(BridgeClient& client, const QString& label, const QJsonValue& value) {
    client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                 {QStringLiteral("id"), client.widgetId(label)},
                 {QStringLiteral("value"), value}});
}

}  // namespace tessera::workers::testing
