// SPDX-License-Identifier: GPL-3.0-or-later
#include "httphead.h"

#include <QUrl>
#include <QUrlQuery>

namespace tessera::bridge {

namespace {

/// RFC 9110 token characters (method and field names).
bool isToken(const QByteArray& s) {
    if (s.isEmpty()) return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok) return false;
    }
    return true;
}

/// A field value may hold visible characters, spaces and tabs, and bytes of UTF-8 text;
/// never CR, LF, NUL or another control byte.
bool isFieldValue(const QByteArray& s) {
    for (const char c : s) {
        const uchar u = uchar(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f) return false;
    }
    return true;
}

bool isTarget(const QByteArray& s) {
    if (s.isEmpty() || s.front() != '/') return false;
    for (const char c : s)
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f) return false;
    return true;
}

bool hasToken(const QByteArray& list, const char* token) {
    for (const QByteArray& part : list.split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0) return true;
    return false;
}

}  // namespace

QString HttpHead::path() const {
    return QUrl(QString::fromLatin1(target)).path(QUrl::FullyDecoded);
}

QString HttpHead::queryItem(const QString& name) const {
    return QUrlQuery(QUrl(QString::fromLatin1(target))).queryItemValue(name, QUrl::FullyDecoded);
}

bool HttpHead::isUpgradeToWebSocket() const {
    return field("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}

bool HttpHead::keepAlive() const {
    const QByteArray connection = field("connection");
    if (version == "HTTP/1.0") return hasToken(connection, "keep-alive");
    return !hasToken(connection, "close");
}

bool HttpHead::hasBody() const {
    if (fields.contains("transfer-encoding")) return true;
    return fields.contains("content-length") && field("content-length") != "0";
}

qsizetype headEnd(const QByteArray& buffered) {
    const qsizetype end = buffered.indexOf("\r\n\r\n");
    return end < 0 ? -1 : end + 4;
}

std::optional<HttpHead> parseHttpHead(const QByteArray& head) {
    if (!head.endsWith("\r\n\r\n")) return std::nullopt;
    const QList<QByteArray> lines = head.chopped(4).split('\n');
    auto line = [&](qsizetype i) -> std::optional<QByteArray> {
        if (!lines[i].endsWith('\r') && i + 1 < lines.size()) return std::nullopt;  // bare LF
        return lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
    };
    const auto requestLine = line(0);
    if (!requestLine) return std::nullopt;
    const QList<QByteArray> parts = requestLine->split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !isTarget(parts[1]) ||
        (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0"))
        return std::nullopt;
    HttpHead result{parts[0], parts[1], parts[2], {}};
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const auto text = line(i);
        if (!text) return std::nullopt;
        const qsizetype colon = text->indexOf(':');
        if (colon <= 0) return std::nullopt;
        const QByteArray name = text->left(colon).toLower();
        const QByteArray value = text->mid(colon + 1).trimmed();
        if (!isToken(name) || !isFieldValue(value)) return std::nullopt;  // also obs-fold
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || result.fields.contains(name)) return std::nullopt;
        }
        if (name == "host" && result.fields.contains(name)) return std::nullopt;
        auto it = result.fields.find(name);
        if (it == result.fields.end())
            result.fields.insert(name, value);
        else
            *it += (name == "cookie" ? "; " : ", ") + value;
    }
    if (result.version == "HTTP/1.1" && !result.fields.contains("host")) return std::nullopt;
    return result;
}

}  // namespace tessera::bridge
