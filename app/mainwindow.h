// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "isolation.h"
#include "sharing.h"

#include <tessera/host/plugincatalog.h>
#include <tessera/host/pluginwatcher.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/widgets/renderer.h>

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QPlainTextEdit;
class QListWidget;
class QMenu;
class QProgressBar;
class QSplitter;
class QTimer;
class QToolButton;

namespace tessera::app {

class ShareDialog;
class TimelineView;

/// The desktop window: dashboard list and the dashboard's sidebar on the left, the page in
/// the middle, toolbar (rerun, stop, clear cache), running indicator and status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `hosts` makes the hosts of this window's sessions and of its bridge's browsers (each
    /// a host of its own); null: every session in this process.
    explicit MainWindow(const PluginCatalog& catalog, SessionHostFactory hosts = {},
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens dashboard `id` (or the last used / first one when empty). False if unknown.
    bool openDashboard(const QString& id);
    /// The window's session (it opens another when the dashboard shown needs one).
    SwitchingSessionHandle& session() { return m_handle; }
    widgets::Renderer& renderer() { return m_renderer; }
    /// This window's bridge to remote browsers (File ▸ Share…).
    Sharing& sharing() { return m_sharing; }
    void showShareDialog();
    void setDarkTheme(bool dark);
    /// Follows new builds of plugins: the dashboard list is updated, the session reruns
    /// the dashboard it shows with its state kept, and a build that fails shows as a banner.
    void watchPlugins(PluginWatcher* watcher);
    /// The banner's text while one is shown (a new build that failed to load, a dashboard
    /// that stopped), else empty.
    QString bannerText() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildLayout();
    void onGroupStarted();
    void onGroupFinished(const GroupRecord& record);
    void showPlugins();
    void openNewWindow();
    void updateLimits();
    void showSharingStatus();
    void sortDashboards();
    void fillDashboardList();
    void onPluginReloaded(const PluginInfo& plugin);
    void onPluginReloadFailed(const PluginInfo& plugin);
    void updatePluginProblems();
    /// Shows `text` above the page, with `details` (a process's last lines) to unfold.
    void showBanner(const QString& text, const QString& details = {});
    void onNotice(const QString& code, const QString& message);
    /// A short note beside the run status, for a few seconds.
    void showNote(const QString& text);

    const PluginCatalog& m_catalog;
    SessionHostFactory m_hosts;
    std::unique_ptr<SessionHost> m_host;  // before the handle, which it outlives
    SwitchingSessionHandle m_handle;      // what the renderer drives
    widgets::Renderer m_renderer;
    QVector<Dashboard> m_dashboards;
    Sharing m_sharing;  // after the session: its browsers may mirror it
    QPointer<ShareDialog> m_shareDialog;
    QToolButton* m_shareStatus = nullptr;
    QListWidget* m_pages = nullptr;
    QSplitter* m_splitter = nullptr;
    QAction* m_busy = nullptr;  // the toolbar's running indicator
    QAction* m_busyLabel = nullptr;
    QLabel* m_statusRun = nullptr;
    QLabel* m_statusLimits = nullptr;
    QLabel* m_statusNote = nullptr;
    QTimer* m_noteTimer = nullptr;
    QToolButton* m_pluginProblems = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QToolButton* m_bannerMore = nullptr;
    QPlainTextEdit* m_bannerDetails = nullptr;
    PluginWatcher* m_watcher = nullptr;
    QAction* m_rerun = nullptr;
    QAction* m_stop = nullptr;
    QAction* m_clearCache = nullptr;
    QAction* m_dark = nullptr;
    TimelineView* m_timeline = nullptr;
    QMenu* m_viewMenu = nullptr;
};

}  // namespace tessera::app
