// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileclients.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtEndian>

namespace tessera::bridge::testing {

ServerProcess::ServerProcess(const QStringList& flags, const QString& dashboard)
    : m_flags(flags), m_dashboard(dashboard) {
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerProcess::~ServerProcess() {
    if (m_process.state() == QProcess::NotRunning) return;
    m_process.terminate();
    if (!m_process.waitForFinished(10'000)) m_process.kill();
    m_process.waitForFinished(5'000);
}

bool ServerProcess::start() {
    QStringList arguments{QStringLiteral("--serve"),      QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--plugin-dir"), QStringLiteral(HOSTILE_PLUGIN_DIR),
                          QStringLiteral("--no-watch"),   QStringLiteral("--log-level"),
                          QStringLiteral("info")};
    arguments += m_flags;
    if (!m_dashboard.isEmpty()) arguments << m_dashboard;
    m_process.start(QStringLiteral(TESSERA_EXECUTABLE), arguments);
    if (!m_process.waitForStarted(10'000)) return false;
    static const QRegularExpression urlPattern(QStringLiteral("http://127\\.0\\.0\\.1:\\d+/\\S*"));
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        const auto match = urlPattern.match(output());
        if (match.hasMatch()) {
            m_url = QUrl(match.captured());
            return true;
        }
        m_process.waitForReadyRead(200);
    }
    return false;
}

QString ServerProcess::output() {
    m_output += m_process.readAll();
    return QString::fromUtf8(m_output);
}

double ServerProcess::rssMiB() const {
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    static const QRegularExpression rss(QStringLiteral("VmRSS:\\s+(\\d+) kB"));
    const auto match = rss.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : -1;
}

RawClient::RawClient(const QHostAddress& from) : m_socket(new QTcpSocket), m_from(from) {}

bool RawClient::connectTo(quint16 port, int timeoutMs) {
    if (!m_socket->bind(m_from, 0)) return false;
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    return m_socket->waitForConnected(timeoutMs);
}

void RawClient::write(const QByteArray& bytes) {
    m_socket->write(bytes);
    m_socket->flush();
}

QByteArray RawClient::readResponse(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        m_buffer += m_socket->readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype length =
                headerOf(m_buffer.left(end + 4), "content-length").toLongLong();
            if (m_buffer.size() >= end + 4 + length) {
                const QByteArray response = m_buffer.left(end + 4 + length);
                m_buffer.remove(0, response.size());
                return response;
            }
        }
        if (deadline.hasExpired() || m_socket->state() != QAbstractSocket::ConnectedState) break;
        m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return std::exchange(m_buffer, {});
}

bool RawClient::closedByServer(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_socket->readAll();
    }
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

int RawClient::statusOf(const QByteArray& response) {
    // "HTTP/1.1 200 OK"
    return response.startsWith("HTTP/1.") ? response.mid(9, 3).toInt() : 0;
}

QByteArray RawClient::headerOf(const QByteArray& response, const QByteArray& name) {
    const qsizetype end = response.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = response.left(end < 0 ? response.size() : end).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

RawWebSocket::RawWebSocket(const QHostAddress& from) : m_socket(new QTcpSocket), m_from(from) {}

bool RawWebSocket::open(quint16 port, qint64 readBufferBytes, int timeoutMs) {
    if (!m_socket->bind(m_from, 0)) return false;
    m_socket->setReadBufferSize(readBufferBytes);
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket->waitForConnected(timeoutMs)) return false;
    const QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64()).toBase64();
    m_socket->write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                    "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
                    "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QDeadlineTimer deadline(timeoutMs);
    while (!m_buffer.contains("\r\n\r\n") && !deadline.hasExpired() &&
           m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_buffer += m_socket->readAll();
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0 || !m_buffer.startsWith("HTTP/1.1 101")) return false;
    m_buffer.remove(0, end + 4);
    return true;
}

void RawWebSocket::sendText(const QByteArray& text) {
    sendFrame(0x1, text);
}

void RawWebSocket::sendBinary(const QByteArray& bytes) {
    sendFrame(0x2, bytes);
}

void RawWebSocket::sendFrame(quint8 opcode, const QByteArray& payload) {
    QByteArray frame;
    frame.append(char(0x80 | opcode));
    const qsizetype n = payload.size();
    if (n < 126) {
        frame.append(char(0x80 | n));
    } else if (n < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(n >> 8)).append(char(n & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(n) >> shift) & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char* maskBytes = reinterpret_cast<const char*>(&mask);
    frame.append(maskBytes, 4);
    QByteArray masked = payload;
    for (qsizetype i = 0; i < masked.size(); ++i) masked[i] = char(masked[i] ^ maskBytes[i % 4]);
    frame += masked;
    m_socket->write(frame);
    m_socket->flush();
}

QList<QByteArray> RawWebSocket::takeTextFrames() {
    QList<QByteArray> texts;
    while (m_buffer.size() >= 2) {
        const quint8 opcode = quint8(m_buffer[0]) & 0x0f;
        quint64 length = quint8(m_buffer[1]) & 0x7f;
        qsizetype at = 2;
        if (length == 126) {
            if (m_buffer.size() < 4) break;
            length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
            at = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10) break;
            length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
            at = 10;
        }
        if (quint64(m_buffer.size() - at) < length) break;
        if (opcode == 0x1) {
            texts << m_buffer.mid(at, qsizetype(length));
            m_received += texts.last() + '\n';
        }
        if (opcode == 0x2) {  // a buffer: noted by its id, in order with the text messages
            const QByteArray frame = m_buffer.mid(at, qsizetype(length));
            const quint32 idLength =
                frame.size() >= 4 ? qFromLittleEndian<quint32>(frame.constData()) : 0;
            m_received += "#buffer " + frame.mid(4, idLength) + '\n';
        }
        m_buffer.remove(0, at + qsizetype(length));
    }
    return texts;
}

QByteArray RawWebSocket::waitForText(const QByteArray& needle, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        m_buffer += m_socket->readAll();
        for (const QByteArray& text : takeTextFrames())
            if (text.contains(needle)) return text;
        if (deadline.hasExpired() || m_socket->state() != QAbstractSocket::ConnectedState)
            return {};
        m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
}

QByteArray helloMessage(const QByteArray& extra) {
    return R"({"type":"hello","protocol":[2])" + (extra.isEmpty() ? QByteArray() : ',' + extra) +
           '}';
}

}  // namespace tessera::bridge::testing
