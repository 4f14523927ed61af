// SPDX-License-Identifier: GPL-3.0-or-later
#include "pluginsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tessera::app {

PluginsDialog::PluginsDialog(const QVector<PluginInfo>& plugins, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Plugins"));
    resize(860, 380);
    auto* layout = new QVBoxLayout(this);
    int failed = 0;
    for (const PluginInfo& p : plugins) failed += p.ok() ? 0 : 1;
    layout->addWidget(
        new QLabel(tr("%n plugin(s) loaded, ", nullptr, int(plugins.size()) - failed) +
                   tr("%n failed.", nullptr, failed)));
    auto* tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("pluginTree"));
    tree->setHeaderLabels(
        {tr("Plugin"), tr("Version"), tr("Status"), tr("Dashboards / reason"), tr("File")});
    tree->setRootIsDecorated(false);
    tree->setWordWrap(true);
    for (const PluginInfo& p : plugins) {
        QStringList dashboards;
        for (const Dashboard& d : p.dashboards) dashboards << d.title;
        // A plugin whose latest build failed still runs the build before it.
        const bool newBuildFailed = p.ok() && !p.reloadError.isEmpty();
        const QString status = !p.ok()          ? tr("failed")
                               : newBuildFailed ? tr("new build failed")
                               : p.generation   ? tr("reloaded (%n)", nullptr, p.generation)
                                                : tr("loaded");
        const QString detail =
            !p.ok() ? p.error
            : newBuildFailed
                ? tr("%1 — the new build: %2").arg(dashboards.join(u", "), p.reloadError)
                : dashboards.join(u", ");
        auto* item = new QTreeWidgetItem(
            tree, {p.name.isEmpty() ? p.id : p.name, p.version, status, detail, p.file});
        item->setToolTip(3, item->text(3));
        item->setToolTip(4, p.file);
        if (!p.ok() || newBuildFailed) item->setForeground(2, QColor(0xd6, 0x27, 0x28));
    }
    tree->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    tree->resizeColumnToContents(0);
    layout->addWidget(tree);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

}  // namespace tessera::app
