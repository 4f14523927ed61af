// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedialog.h"

#include "sharing.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace tessera::app {

namespace {

constexpr int kDefaultPort = 8501;

/// A read-only link with Copy and Open buttons.
QLineEdit* addLinkRow(QFormLayout* form, const QString& label, const QString& name,
                      QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* link = new QLineEdit(row);
    link->setObjectName(name);
    link->setReadOnly(true);
    link->setMinimumWidth(380);
    auto* copy = new QPushButton(QObject::tr("Copy"), row);
    auto* open = new QPushButton(QObject::tr("Open"), row);
    QObject::connect(copy, &QPushButton::clicked, row,
                     [link] { QGuiApplication::clipboard()->setText(link->text()); });
    QObject::connect(open, &QPushButton::clicked, row,
                     [link] { QDesktopServices::openUrl(QUrl(link->text())); });
    layout->addWidget(link, 1);
    layout->addWidget(copy);
    layout->addWidget(open);
    form->addRow(label, row);
    return link;
}

}  // namespace

ShareDialog::ShareDialog(Sharing& sharing, QWidget* parent) : QDialog(parent), m_sharing(sharing) {
    setWindowTitle(tr("Share with browsers"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Browsers that open the link get a session of this dashboard of their own. The "
           "second link follows this window and cannot change it."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* where = new QGroupBox(tr("Who can connect"), this);
    auto* whereForm = new QFormLayout(where);
    m_thisComputer = new QRadioButton(tr("Only this computer"), where);
    m_network = new QRadioButton(tr("Computers on the network (with a token)"), where);
    m_thisComputer->setObjectName(QStringLiteral("thisComputer"));
    m_network->setObjectName(QStringLiteral("network"));
    whereForm->addRow(m_thisComputer);
    whereForm->addRow(m_network);
    m_port = new QSpinBox(where);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    whereForm->addRow(tr("&Port:"), m_port);
    m_token = new QLineEdit(where);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setPlaceholderText(tr("generated when needed"));
    m_token->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9._~-]*")), m_token));
    whereForm->addRow(tr("&Token:"), m_token);
    // Other people's accounts on this computer can reach its loopback address too.
    m_tokenHere = new QCheckBox(tr("Ask for a token on this computer too"), where);
    m_tokenHere->setObjectName(QStringLiteral("tokenHere"));
    m_tokenHere->setToolTip(
        tr("Other accounts on this computer could otherwise open the link's address."));
    whereForm->addRow(m_tokenHere);
    connect(m_thisComputer, &QRadioButton::toggled, m_tokenHere, &QWidget::setVisible);
    layout->addWidget(where);

    const bridge::BridgeOptions& last = sharing.options();
    const bool neverStarted = sharing.state() == Sharing::State::Off && last.port == 0;
    (last.address.isLoopback() ? m_thisComputer : m_network)->setChecked(true);
    m_port->setValue(neverStarted ? kDefaultPort : last.port);
    m_token->setText(last.token);
    m_tokenHere->setChecked(last.address.isLoopback() && !last.token.isEmpty());
    m_tokenHere->setVisible(m_thisComputer->isChecked());

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("shareStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_links = new QWidget(this);
    auto* links = new QFormLayout(m_links);
    links->setContentsMargins(0, 0, 0, 0);
    m_url = addLinkRow(links, tr("Link:"), QStringLiteral("shareUrl"), m_links);
    m_mirrorUrl =
        addLinkRow(links, tr("Follow this window:"), QStringLiteral("mirrorUrl"), m_links);
    layout->addWidget(m_links);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_startStop = buttons->addButton(tr("Start sharing"), QDialogButtonBox::ActionRole);
    m_startStop->setObjectName(QStringLiteral("startStop"));
    connect(m_startStop, &QPushButton::clicked, this, &ShareDialog::startOrStop);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(&m_sharing, &Sharing::changed, this, &ShareDialog::showState);
    showState();
}

void ShareDialog::startOrStop() {
    if (m_sharing.state() == Sharing::State::On || m_sharing.state() == Sharing::State::Starting) {
        m_sharing.stop();
        return;
    }
    bridge::BridgeOptions options = m_sharing.options();
    options.address = m_network->isChecked() ? QHostAddress(QHostAddress::Any)
                                             : QHostAddress(QHostAddress::LocalHost);
    options.port = quint16(m_port->value());
    options.token = m_token->text();
    if (options.token.isEmpty() && m_thisComputer->isChecked() && m_tokenHere->isChecked())
        options.token = bridge::kAutoToken;
    m_sharing.start(options);
}

void ShareDialog::showState() {
    const Sharing::State state = m_sharing.state();
    const bool active = state == Sharing::State::On || state == Sharing::State::Starting;
    m_startStop->setText(active ? tr("Stop sharing") : tr("Start sharing"));
    for (QWidget* w : {static_cast<QWidget*>(m_thisComputer), static_cast<QWidget*>(m_network),
                       static_cast<QWidget*>(m_port), static_cast<QWidget*>(m_token),
                       static_cast<QWidget*>(m_tokenHere)})
        w->setEnabled(!active);
    m_links->setVisible(state == Sharing::State::On);
    switch (state) {
        case Sharing::State::Off:
            m_status->setText(tr("Not shared."));
            break;
        case Sharing::State::Starting:
            m_status->setText(tr("Starting…"));
            break;
        case Sharing::State::Failed:
            m_status->setText(tr("Could not share: %1").arg(m_sharing.error()));
            break;
        case Sharing::State::On:
            m_status->setText(tr("Shared. Browsers connected: %1; sessions: %2 (each waits %3 s "
                                 "for its browser to come back).")
                                  .arg(m_sharing.connections())
                                  .arg(m_sharing.sessions())
                                  .arg(m_sharing.options().resumeTtlSeconds));
            m_url->setText(m_sharing.url().toString());
            m_mirrorUrl->setText(m_sharing.mirrorUrl().toString());
            // A generated token is shown too, so that it can be given out on its own.
            m_token->setText(QUrlQuery(m_sharing.url()).queryItemValue(QStringLiteral("token")));
            break;
    }
    adjustSize();
}

}  // namespace tessera::app
