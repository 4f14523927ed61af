// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "pluginsdialog.h"
#include "sharedialog.h"
#include "theme.h"
#include "timelineview.h"

#include <tessera/limit.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace tessera::app {

MainWindow::MainWindow(const PluginCatalog& catalog, SessionHostFactory hosts, QWidget* parent)
    : QMainWindow(parent),
      m_catalog(catalog),
      m_hosts(std::move(hosts)),
      m_host(m_hosts ? m_hosts() : std::make_unique<LocalSessionHost>()),
      m_handle(*m_host),
      m_dashboards(catalog.dashboards()),
      m_sharing(catalog.dashboards(), &m_handle, m_hosts) {
    sortDashboards();
    setWindowTitle(QStringLiteral("Tessera"));
    buildActions();
    buildLayout();
    m_renderer.attach(&m_handle);
    connect(&m_handle, &SessionHandle::groupStarted, this, &MainWindow::onGroupStarted);
    connect(&m_handle, &SessionHandle::groupFinished, this, &MainWindow::onGroupFinished);
    connect(&m_handle, &SessionHandle::notice, this, &MainWindow::onNotice);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 860);
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    setDarkTheme(settings.value(QStringLiteral("view/dark"), false).toBool());
}

MainWindow::~MainWindow() = default;

void MainWindow::sortDashboards() {
    // The gallery first (the page a new user opens), then the others by title.
    std::stable_sort(m_dashboards.begin(), m_dashboards.end(),
                     [](const Dashboard& a, const Dashboard& b) {
                         const bool ga = a.id.startsWith(QLatin1String("gallery")),
                                    gb = b.id.startsWith(QLatin1String("gallery"));
                         return ga != gb ? ga : (!ga && a.title.localeAwareCompare(b.title) < 0);
                     });
}

void MainWindow::fillDashboardList() {
    m_pages->clear();
    for (const Dashboard& d : m_dashboards) {
        auto* item = new QListWidgetItem(d.title.isEmpty() ? d.id : d.title, m_pages);
        item->setData(Qt::UserRole, d.id);
        item->setToolTip(d.id);
        if (!d.icon.isEmpty()) item->setIcon(QIcon::fromTheme(d.icon));
        if (d.id == m_handle.dashboardId()) m_pages->setCurrentItem(item);
    }
    m_pages->setFixedHeight(
        qMin(260, 8 + m_pages->sizeHintForRow(0) * qMax(1, int(m_dashboards.size()))));
}

void MainWindow::watchPlugins(PluginWatcher* watcher) {
    m_watcher = watcher;
    connect(watcher, &PluginWatcher::reloaded, this, &MainWindow::onPluginReloaded);
    connect(watcher, &PluginWatcher::reloadFailed, this, &MainWindow::onPluginReloadFailed);
}

void MainWindow::onPluginReloaded(const PluginInfo& plugin) {
    replaceDashboards(m_dashboards, plugin.dashboards);
    // A plugin in a worker gets a new worker; only the session's own dashboard reruns.
    m_host->reloadDashboards(plugin.dashboards);
    for (const Dashboard& next : plugin.dashboards) m_handle.reloadDashboard(next);
    sortDashboards();
    fillDashboardList();
    m_sharing.reloadDashboards(plugin.dashboards);
    m_banner->hide();
    updatePluginProblems();
    showNote(
        tr("Loaded a new build of %1 (%2)").arg(plugin.name, QFileInfo(plugin.file).fileName()));
}

void MainWindow::onPluginReloadFailed(const PluginInfo& plugin) {
    const bool running = plugin.ok();
    const QString reason = running ? plugin.reloadError : plugin.error;
    showBanner(
        running ? tr("The new build of %1 could not be loaded, so the one before keeps running: %2")
                      .arg(QFileInfo(plugin.file).fileName(), reason)
                : tr("%1 could not be loaded: %2").arg(QFileInfo(plugin.file).fileName(), reason));
    updatePluginProblems();
    QStringList ids;
    for (const Dashboard& d : plugin.dashboards) ids << d.id;
    m_sharing.reportReloadFailure(ids, m_bannerText->text());
}

void MainWindow::showNote(const QString& text) {
    m_statusNote->setText(QStringLiteral("· ") + text);
    m_noteTimer->start();
}

QString MainWindow::bannerText() const {
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

void MainWindow::showBanner(const QString& text, const QString& details) {
    m_bannerText->setText(text);
    m_bannerDetails->setPlainText(details);
    m_bannerDetails->hide();
    m_bannerMore->setVisible(!details.isEmpty());
    m_bannerMore->setText(tr("Show output"));
    m_banner->show();
}

/// A dashboard in a worker stopped (restarted with its widget values) or was given up on:
/// the message's first paragraph above the page, the worker's last lines to unfold.
void MainWindow::onNotice(const QString& code, const QString& message) {
    Q_UNUSED(code);
    const qsizetype split = message.indexOf(QLatin1String("\n\n"));
    showBanner(message.left(split), split < 0 ? QString() : message.mid(split + 2).trimmed());
}

void MainWindow::updatePluginProblems() {
    const int failed = int(m_catalog.failures().size());
    m_pluginProblems->setText(tr("⚠ %n plugin(s) failed", nullptr, failed));
    m_pluginProblems->setVisible(failed > 0);
}

void MainWindow::buildActions() {
    m_rerun = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Rerun"), this);
    m_rerun->setShortcut(QKeySequence(Qt::Key_R));
    m_rerun->setToolTip(tr("Run the dashboard again (R)"));
    connect(m_rerun, &QAction::triggered, &m_handle, &SessionHandle::rerun);

    m_stop = new QAction(style()->standardIcon(QStyle::SP_BrowserStop), tr("&Stop"), this);
    m_stop->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stop->setEnabled(false);
    connect(m_stop, &QAction::triggered, &m_handle, &SessionHandle::stop);

    m_clearCache =
        new QAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("&Clear cache"), this);
    m_clearCache->setToolTip(tr("Clear every cached value and resource, then rerun"));
    connect(m_clearCache, &QAction::triggered, this, [this] {
        // Every cache of this process and of this window's workers.
        m_host->clearCaches();
        showNote(tr("Cleared the caches"));
        m_handle.rerun();
    });

    m_dark = new QAction(tr("&Dark theme"), this);
    m_dark->setCheckable(true);
    connect(m_dark, &QAction::toggled, this, &MainWindow::setDarkTheme);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newWindow = file->addAction(tr("&New Window"), this, &MainWindow::openNewWindow);
    newWindow->setShortcut(QKeySequence::New);
    newWindow->setToolTip(tr("Another session of the same dashboards, in this process"));
    QAction* share = file->addAction(tr("&Share…"), this, &MainWindow::showShareDialog);
    share->setObjectName(QStringLiteral("shareAction"));
    share->setToolTip(tr("Let browsers open this dashboard, or follow this window"));
    file->addSeparator();
    file->addAction(m_rerun);
    file->addAction(m_stop);
    file->addAction(m_clearCache);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_dark);
    m_viewMenu = view;
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Plugins…"), this, &MainWindow::showPlugins);

    QToolBar* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_rerun);
    bar->addAction(m_stop);
    bar->addAction(m_clearCache);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    // Widgets in a toolbar are shown and hidden through their actions.
    auto* busyText = new QLabel(tr("Running…"), bar);
    auto* busyBar = new QProgressBar(bar);
    busyBar->setRange(0, 0);
    busyBar->setFixedSize(80, 8);
    busyBar->setTextVisible(false);
    m_busyLabel = bar->addWidget(busyText);
    m_busy = bar->addWidget(busyBar);
    m_busyLabel->setVisible(false);
    m_busy->setVisible(false);
}

void MainWindow::buildLayout() {
    auto* sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebarPanel"));
    sidebar->setAutoFillBackground(true);
    auto* sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(16, 16, 16, 16);
    sideLayout->setSpacing(10);
    auto* pagesTitle = new QLabel(tr("Dashboards"), sidebar);
    pagesTitle->setForegroundRole(QPalette::PlaceholderText);
    m_pages = new QListWidget(sidebar);
    m_pages->setObjectName(QStringLiteral("dashboardList"));
    m_pages->setFrameShape(QFrame::NoFrame);
    fillDashboardList();
    connect(m_pages, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { openDashboard(item->data(Qt::UserRole).toString()); });
    auto* sideScroll = new QScrollArea(sidebar);
    sideScroll->setWidgetResizable(true);
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setWidget(m_renderer.sidebarArea());
    sideLayout->addWidget(pagesTitle);
    sideLayout->addWidget(m_pages);
    sideLayout->addWidget(sideScroll, 1);

    auto* page = new QWidget(this);
    auto* pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(40, 24, 40, 40);
    pageLayout->addWidget(m_renderer.mainArea());
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("pageScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);

    // Above the page: a banner for a new plugin build that failed to load.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("reloadBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xe9, 0xe9));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x7d, 0x1a, 0x1a));
    m_banner->setPalette(bannerPalette);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(16, 8, 8, 8);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* dismiss = new QToolButton(m_banner);
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    connect(dismiss, &QToolButton::clicked, m_banner, &QWidget::hide);
    m_bannerMore = new QToolButton(m_banner);
    m_bannerMore->setObjectName(QStringLiteral("bannerMore"));
    m_bannerMore->setAutoRaise(true);
    m_bannerDetails = new QPlainTextEdit(m_banner);
    m_bannerDetails->setObjectName(QStringLiteral("bannerDetails"));
    m_bannerDetails->setReadOnly(true);
    m_bannerDetails->setMaximumHeight(160);
    m_bannerDetails->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_bannerDetails->hide();
    connect(m_bannerMore, &QToolButton::clicked, this, [this] {
        m_bannerDetails->setVisible(m_bannerDetails->isHidden());
        m_bannerMore->setText(m_bannerDetails->isHidden() ? tr("Show output") : tr("Hide output"));
    });
    auto* bannerColumn = new QVBoxLayout;
    bannerColumn->addWidget(m_bannerText);
    bannerColumn->addWidget(m_bannerMore, 0, Qt::AlignLeft);
    bannerColumn->addWidget(m_bannerDetails);
    bannerLayout->addLayout(bannerColumn, 1);
    bannerLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_banner->hide();
    auto* pageColumn = new QWidget(this);
    auto* pageColumnLayout = new QVBoxLayout(pageColumn);
    pageColumnLayout->setContentsMargins(0, 0, 0, 0);
    pageColumnLayout->setSpacing(0);
    pageColumnLayout->addWidget(m_banner);
    pageColumnLayout->addWidget(scroll, 1);

    m_splitter = new QSplitter(this);
    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(pageColumn);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 980});
    setCentralWidget(m_splitter);

    m_timeline = new TimelineView(this);
    auto* dock = new QDockWidget(tr("Run timeline"), this);
    dock->setObjectName(QStringLiteral("timelineDock"));
    dock->setWidget(m_timeline);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    connect(&m_handle, &SessionHandle::groupFinished, m_timeline, &TimelineView::setRecord);

    m_statusRun = new QLabel(this);
    statusBar()->addWidget(m_statusRun);
    m_statusNote = new QLabel(this);
    m_statusNote->setObjectName(QStringLiteral("statusNote"));
    statusBar()->addWidget(m_statusNote, 1);
    m_noteTimer = new QTimer(this);
    m_noteTimer->setSingleShot(true);
    m_noteTimer->setInterval(5000);
    connect(m_noteTimer, &QTimer::timeout, m_statusNote, &QLabel::clear);
    m_statusLimits = new QLabel(this);
    m_statusLimits->setObjectName(QStringLiteral("limitStatus"));
    statusBar()->addPermanentWidget(m_statusLimits);
    auto* limitsTimer = new QTimer(this);
    connect(limitsTimer, &QTimer::timeout, this, &MainWindow::updateLimits);
    limitsTimer->start(500);
    m_pluginProblems = new QToolButton(this);
    m_pluginProblems->setAutoRaise(true);
    m_pluginProblems->setObjectName(QStringLiteral("pluginProblems"));
    updatePluginProblems();
    connect(m_pluginProblems, &QToolButton::clicked, this, &MainWindow::showPlugins);
    statusBar()->addPermanentWidget(m_pluginProblems);
    m_shareStatus = new QToolButton(this);
    m_shareStatus->setObjectName(QStringLiteral("shareStatus"));
    m_shareStatus->setAutoRaise(true);
    m_shareStatus->setVisible(false);
    connect(m_shareStatus, &QToolButton::clicked, this, &MainWindow::showShareDialog);
    statusBar()->addPermanentWidget(m_shareStatus);
    connect(&m_sharing, &Sharing::changed, this, &MainWindow::showSharingStatus);
}

bool MainWindow::openDashboard(const QString& requested) {
    QString id = requested;
    if (id.isEmpty()) id = QSettings().value(QStringLiteral("session/lastDashboard")).toString();
    auto it = std::find_if(m_dashboards.begin(), m_dashboards.end(),
                           [&](const Dashboard& d) { return d.id == id; });
    if (it == m_dashboards.end()) {
        if (!requested.isEmpty()) return false;
        if (m_dashboards.isEmpty()) {
            m_statusRun->setText(tr("No dashboards found. See Help ▸ Plugins."));
            return true;
        }
        it = m_dashboards.begin();
    }
    for (int i = 0; i < m_pages->count(); ++i)
        if (m_pages->item(i)->data(Qt::UserRole).toString() == it->id) m_pages->setCurrentRow(i);
    setWindowTitle(QStringLiteral("%1 — Tessera").arg(it->title));
    QSettings().setValue(QStringLiteral("session/lastDashboard"), it->id);
    // Another dashboard's problems are not this one's.
    if (it->id != m_handle.dashboardId()) m_banner->hide();
    m_handle.setDashboard(*it);
    return true;
}

void MainWindow::setDarkTheme(bool dark) {
    if (m_dark->isChecked() != dark) m_dark->setChecked(dark);
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    QSettings().setValue(QStringLiteral("view/dark"), dark);
    QPalette side = palette();
    side.setColor(QPalette::Window, dark ? QColor(0x26, 0x27, 0x30) : QColor(0xf0, 0xf2, 0xf6));
    side.setColor(QPalette::Base, side.color(QPalette::Window));
    findChild<QWidget*>(QStringLiteral("sidebarPanel"))->setPalette(side);
    // Charts pick their theme from the palette when drawn: redraw the page.
    m_handle.rerun();
}

void MainWindow::onGroupStarted() {
    m_stop->setEnabled(true);
    // Shown only for runs that take a while, so periodic fragments do not make it blink.
    QTimer::singleShot(150, this, [this] {
        const bool running = m_handle.isRunning();
        m_busy->setVisible(running);
        m_busyLabel->setVisible(running);
    });
}

void MainWindow::onGroupFinished(const GroupRecord& record) {
    const bool running = m_handle.isRunning();
    m_stop->setEnabled(running);
    m_busy->setVisible(running && m_busy->isVisible());
    m_busyLabel->setVisible(running && m_busyLabel->isVisible());
    const QString status =
        record.runs.isEmpty() ? QString() : TimelineView::statusText(record.runs.first().status);
    QString text = tr("%1 %2 in %3 ms · %4 elements")
                       .arg(record.full ? tr("Run") : tr("Fragment rerun"), status)
                       .arg(record.totalMs(), 0, 'f', 1)
                       .arg(m_handle.elementCount());
    if (record.failed()) text += tr(" · %n exception(s)", nullptr, int(record.exceptions.size()));
    m_statusRun->setText(text);
}

void MainWindow::openNewWindow() {
    auto* window = new MainWindow(m_catalog, m_hosts);
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (m_watcher) window->watchPlugins(m_watcher);
    window->openDashboard(m_handle.dashboardId());
    window->move(pos() + QPoint(40, 40));
    window->show();
}

/// Holders and queues of the process-wide concurrency groups, shared by every window.
void MainWindow::updateLimits() {
    QStringList parts;
    for (const LimitGroupStatus& g : limitGroups()) {
        QString part = tr("%1: %2/%3 busy").arg(g.name).arg(g.holders).arg(g.maxConcurrent);
        if (g.waiting > 0) part += tr(", %n waiting", nullptr, g.waiting);
        parts << part;
    }
    m_statusLimits->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::showShareDialog() {
    if (!m_shareDialog) {
        m_shareDialog = new ShareDialog(m_sharing, this);
        m_shareDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_shareDialog->show();
    m_shareDialog->raise();
    m_shareDialog->activateWindow();
}

void MainWindow::showSharingStatus() {
    const bool on = m_sharing.state() == Sharing::State::On;
    m_shareStatus->setVisible(on);
    m_shareStatus->setText(tr("Shared · browsers: %1").arg(m_sharing.connections()));
    m_shareStatus->setToolTip(m_sharing.url().toString());
}

void MainWindow::showPlugins() {
    PluginsDialog(m_catalog.plugins(), this).exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_handle.stop();
    event->accept();
}

}  // namespace tessera::app
