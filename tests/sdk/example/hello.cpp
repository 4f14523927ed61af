// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/dashboard.h>

#include <QObject>

class HelloSdk : public QObject, public tessera::DashboardPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID TesseraDashboardPlugin_iid FILE "tessera_plugin.json")
    Q_INTERFACES(tessera::DashboardPlugin)
public:
    QVector<tessera::Dashboard> dashboards() const override {
        return {{QStringLiteral("sdk-hello"),
                 QStringLiteral("Hello from the SDK"),
                 {},
                 [](tessera::Ui& ui) {
                     const QString name =
                         ui.textInput(QStringLiteral("Name"), QStringLiteral("world"));
                     ui.header(QStringLiteral("Hello, %1!").arg(name));
                 }}};
    }
};

#include "hello.moc"
