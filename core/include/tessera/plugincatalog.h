// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>
#include <tessera/export.h>

#include <QStringList>
#include <QVector>
#include <memory>
#include <optional>

class QPluginLoader;

namespace tessera {

/// A plugin file the host looked at, loaded or not. A failed plugin keeps its reason.
struct PluginInfo {
    enum class Failure {
        None,
        NotAPlugin,
        WrongInterface,
        WrongApiVersion,
        WrongAbi,
        LoadFailed,
        InstanceFailed,
        Threw,
        Duplicate
    };
    QString file;
    QString id;
    QString name;
    QString version;
    int apiVersion = 0;
    Failure failure = Failure::None;
    QString error;  ///< human-readable reason when failure != None
    QVector<Dashboard> dashboards;
    bool ok() const { return failure == Failure::None; }
};

/// Finds and loads dashboard plugins. Every file it looks at ends up in plugins(), with
/// the reason when it could not be used; it never throws and never crashes on a bad file.
class TESSERA_CORE_EXPORT PluginCatalog {
public:
    PluginCatalog();
    ~PluginCatalog();

    /// The folders searched when none are given: next to the executable's install prefix
    /// and the build tree's plugin folder.
    static QStringList defaultDirs();

    void scanDirs(const QStringList& dirs);
    const PluginInfo& loadFile(const QString& file);
    /// Adds dashboards that live in the host itself (no plugin file).
    void addBuiltin(const QString& name, const QVector<Dashboard>& dashboards);

    const QVector<PluginInfo>& plugins() const { return m_plugins; }
    QVector<PluginInfo> failures() const;
    QVector<Dashboard> dashboards() const;
    std::optional<Dashboard> find(const QString& dashboardId) const;

private:
    QVector<PluginInfo> m_plugins;
    std::vector<std::unique_ptr<QPluginLoader>> m_loaders;  // kept loaded: code lives there
};

}  // namespace tessera
