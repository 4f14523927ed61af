// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>
#include <tessera/host/plugincatalog.h>

#include <QDateTime>
#include <QHash>
#include <QObject>

class QFileSystemWatcher;
class QTimer;

namespace tessera {

/// Watches plugin folders and loads each new build of a plugin into the catalog (hot
/// reload). A file is loaded once it has stopped changing and is complete, so a build
/// still writing it is waited for, not reported. Lives in the catalog's thread.
class TESSERA_CORE_EXPORT PluginWatcher : public QObject {
    Q_OBJECT
public:
    /// Watches `dirs` and makes `catalog` load from copies (it must outlive this).
    PluginWatcher(PluginCatalog& catalog, const QStringList& dirs, QObject* parent = nullptr);
    ~PluginWatcher() override;

    QStringList dirs() const { return m_dirs; }
    /// How long a changed file must stay the same before it is loaded (default 40 ms).
    void setSettleTime(int ms);
    /// A file that stays incomplete this long is reported (default 3000 ms).
    void setIncompleteTimeout(int ms) { m_incompleteTimeoutMs = ms; }

    /// True when `file` is not an ELF file cut short: its headers lie within the file.
    /// Files that are not ELF are left to the loader to judge.
    static bool looksComplete(const QString& file);

signals:
    /// A new build of `plugin` (or a new plugin) is loaded; its dashboards replace those of
    /// the same id. Sessions showing one of them rerun it.
    void reloaded(const tessera::PluginInfo& plugin);
    /// A new build could not be loaded; `plugin.reloadError` (or `error` when no version
    /// works) says why. The version before keeps running.
    void reloadFailed(const tessera::PluginInfo& plugin);

private:
    struct Stamp {
        qint64 size = -1;
        QDateTime modified;
        bool operator==(const Stamp&) const = default;
    };
    static Stamp stampOf(const QString& file);
    void onChange();
    void check();
    void watchFiles();

    PluginCatalog& m_catalog;
    QStringList m_dirs;
    QFileSystemWatcher* m_watcher;
    QTimer* m_settle;
    QHash<QString, Stamp> m_handled;  ///< per file: the version loaded (or failed)
    QHash<QString, Stamp> m_pending;  ///< per file: the changed version seen last
    QHash<QString, QDateTime> m_incompleteSince;
    int m_incompleteTimeoutMs = 3000;
};

}  // namespace tessera
