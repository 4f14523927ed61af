// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <optional>

namespace tessera::app {

/// The names a new plugin project derives from the one its author gives ("sales-report").
struct ScaffoldNames {
    QString id;       ///< the dashboard and plugin id: sales-report
    QString target;   ///< the CMake target, the plugin file and the C++ function: sales_report
    QString project;  ///< the CMake project and test class: SalesReport
    QString title;    ///< shown in the sidebar: Sales Report
};

/// Derives the names; nullopt with `error` set for a name that cannot be an id.
std::optional<ScaffoldNames> scaffoldNames(const QString& name, QString* error);

/// The template `tessera new` copies: $TESSERA_SCAFFOLD_DIR, else the installed one (from
/// libtessera-dev), else the source tree's. Empty when none is there.
QString findScaffoldTemplate();

/// Writes a plugin project from `templateDir` into `dir`, which must not exist or be empty.
/// Returns the files written (relative to `dir`), or nullopt with `error` set; on an error
/// nothing is left behind.
std::optional<QStringList> writeScaffold(const QString& templateDir, const ScaffoldNames& names,
                                         const QString& dir, QString* error);

/// `tessera new NAME [DIR]`: `arguments` are those after "new". Returns the exit code.
int runNew(const QStringList& arguments);

}  // namespace tessera::app
