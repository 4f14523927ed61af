// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridgeclient.h"

#include "servermessage.h"

#include <tessera/schema.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QUrlQuery>

namespace tessera::bridge::testing {

BridgeClient::BridgeClient(const QString& origin) : m_socket(origin) {
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BridgeClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& frame) {
        m_bytes += frame.size();
        const auto buffer = server::decodeBufferFrame(frame);
        if (!buffer) {
            if (m_problem.isEmpty()) m_problem = QStringLiteral("malformed buffer frame");
            return;
        }
        m_buffers.insert(buffer->id, buffer->bytes);
    });
}

bool BridgeClient::open(const QUrl& server, const QString& token) {
    QUrl url = server;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    url.setQuery(token.isEmpty() ? QUrlQuery() : QUrlQuery{{QStringLiteral("token"), token}});
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    m_socket.open(url);
    for (int i = 0; i < 100 && connected.isEmpty() && disconnected.isEmpty(); ++i)
        connected.wait(100);
    return !connected.isEmpty();
}

void BridgeClient::hello(const QJsonObject& extra) {
    QJsonObject message = extra;
    message.insert(QStringLiteral("type"), QStringLiteral("hello"));
    if (!message.contains(QStringLiteral("protocol")))
        message.insert(QStringLiteral("protocol"), QJsonArray{2});
    send(message);
}

void BridgeClient::send(const QJsonObject& message) {
    sendRaw(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void BridgeClient::sendRaw(const QByteArray& text) {
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

void BridgeClient::close() {
    m_socket.close();
}

void BridgeClient::clearRecords() {
    m_opPaths.clear();
    m_errors.clear();
    m_messages.clear();
    m_runsFinished = 0;
    m_bytes = 0;
}

void BridgeClient::onText(const QString& text) {
    m_bytes += text.toUtf8().size();
    const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
    m_messages << m;
    const QString type = m.value(QLatin1String("type")).toString();
    if (type == u"welcome") {
        m_welcome = m;
    } else if (type == u"snapshot" || type == u"ops") {
        QString error;
        const auto ops =
            server::decodeOps(m.value(QLatin1String("ops")).toArray(), m_buffers, &error);
        if (!ops) {
            if (m_problem.isEmpty()) m_problem = error;
            return;
        }
        if (type == u"snapshot") {
            ++m_snapshots;
            m_page.clear();
        }
        for (const PageOp& op : *ops) m_opPaths << op.path;
        m_page.apply(*ops);
    } else if (type == u"release") {
        QStringList ids;
        for (const QJsonValue& id : m.value(QLatin1String("buffers")).toArray())
            ids << id.toString();
        m_buffers.release(ids);
    } else if (type == u"status") {
        m_running = m.value(QLatin1String("running")).toBool();
    } else if (type == u"groupFinished") {
        ++m_runsFinished;
    } else if (type == u"error") {
        m_errors << m;
    } else if (type == u"pong") {
        ++m_pongs;
    }
}

namespace {

void findNodes(const ClientPage::Node& node, const Path& path,
               const std::function<void(const ClientPage::Node&, const Path&)>& visit) {
    for (size_t i = 0; i < node.children.size(); ++i) {
        const Path childPath = Path(path) << int(i);
        visit(*node.children[i], childPath);
        findNodes(*node.children[i], childPath, visit);
    }
}

void visitPage(const ClientPage& page,
               const std::function<void(const ClientPage::Node&, const Path&)>& visit) {
    for (int root = 0; root < 2; ++root)
        if (const auto* node = page.node(Path{root})) findNodes(*node, Path{root}, visit);
}

}  // namespace

QString BridgeClient::widgetId(const QString& label) const {
    QString id;
    visitPage(m_page, [&](const ClientPage::Node& node, const Path&) {
        if (id.isEmpty() && node.element->isWidget() &&
            node.element->props.value(prop::label).toString() == label)
            id = node.element->id;
    });
    return id;
}

QVector<Path> BridgeClient::pathsOf(const QString& kind) const {
    QVector<Path> paths;
    visitPage(m_page, [&](const ClientPage::Node& node, const Path& path) {
        if (kindName(node.element->kind) == kind) paths << path;
    });
    return paths;
}

QString BridgeClient::firstProp(const QString& kind, const QString& prop) const {
    const QVector<Path> paths = pathsOf(kind);
    return paths.isEmpty() ? QString()
                           : m_page.node(paths.first())->element->props.value(prop).toString();
}

}  // namespace tessera::bridge::testing
