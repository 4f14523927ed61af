// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>
#include <tessera/export.h>

#include <QStringList>
#include <QVector>
#include <memory>
#include <optional>

class QPluginLoader;
class QTemporaryDir;

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
    QString file;        ///< the plugin file the user built or installed
    QString loadedFrom;  ///< the copy its code was loaded from (see setLoadFromCopies())
    int generation = 0;  ///< 0 for the first build loaded, then one more per reload
    QString id;
    QString name;
    QString version;
    int apiVersion = 0;
    Failure failure = Failure::None;
    QString error;  ///< human-readable reason when failure != None
    QVector<Dashboard> dashboards;
    /// A later build of this file that could not be loaded, and why; this one keeps running.
    QString reloadError;
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
    /// A new build of `file` (or a new file): loads it beside the version already loaded,
    /// whose code stays loaded, since running threads and kept closures may still use it.
    /// On success the entry becomes the new version; on failure the old version stays with
    /// `reloadError` set (or, when there was none that worked, the entry is the failure).
    const PluginInfo& reloadFile(const QString& file);
    /// Loads each plugin from a copy of its own instead of the file itself, so that a build
    /// may overwrite the file and a new version can be loaded (loaders cache by path). On
    /// when plugin folders are watched for new builds.
    void setLoadFromCopies(bool copies);
    /// The entry for the plugin file `file`, or null.
    const PluginInfo* findFile(const QString& file) const;
    /// Adds dashboards that live in the host itself (no plugin file).
    void addBuiltin(const QString& name, const QVector<Dashboard>& dashboards);

    const QVector<PluginInfo>& plugins() const { return m_plugins; }
    /// Plugins that failed to load, and those whose latest build failed to (`reloadError`).
    QVector<PluginInfo> failures() const;
    QVector<Dashboard> dashboards() const;
    std::optional<Dashboard> find(const QString& dashboardId) const;

private:
    /// Loads `file` into a new entry; `replacing` is the entry of an older build of it.
    PluginInfo load(const QString& file, const PluginInfo* replacing);
    QString copyForLoading(const QString& file, QString* error);

    QVector<PluginInfo> m_plugins;
    std::unique_ptr<QTemporaryDir> m_copies;  ///< null unless loading from copies
    int m_copyCount = 0;
    std::vector<std::unique_ptr<QPluginLoader>> m_loaders;  // kept loaded: code lives there
};

}  // namespace tessera
