// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/ui.h>

#include <QCoreApplication>
#include <QFile>
#include <chrono>

/// A dashboard of each test plugin: its run holds the one place of the group "shared" for
/// as long as the file TESSERA_TEST_HOLD names exists. Its caption gives its process's id.
inline void limitedDashboard(tessera::Ui& ui) {
    ui.caption(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid()));
    const tessera::LimitSlot slot = ui.limit(QStringLiteral("shared"), {.maxConcurrent = 1});
    ui.text(QStringLiteral("holding"));
    const QString hold = qEnvironmentVariable("TESSERA_TEST_HOLD");
    while (!hold.isEmpty() && QFile::exists(hold)) ui.sleep(std::chrono::milliseconds(20));
}
