// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <optional>

namespace tessera::bridge {

/// A parsed HTTP/1.x request head: the request line and the header fields. Parsed strictly:
/// a head that two parsers could read two ways (a field without a colon, a control byte in
/// a value, two Content-Lengths, obsolete line folding) is no head at all.
struct HttpHead {
    QByteArray method;
    QByteArray target;                     ///< as sent: "/assets/x.js?v=1"
    QByteArray version;                    ///< "HTTP/1.1" or "HTTP/1.0"
    QHash<QByteArray, QByteArray> fields;  ///< names in lower case; values trimmed

    QByteArray field(const QByteArray& lowerCaseName) const { return fields.value(lowerCaseName); }
    /// The target's path, percent-decoded ("/assets/x.js").
    QString path() const;
    /// The value of `?name=` in the target, percent-decoded; empty when absent.
    QString queryItem(const QString& name) const;
    bool isUpgradeToWebSocket() const;
    /// Whether the client wants the connection kept open after the response.
    bool keepAlive() const;
    /// Whether a body follows the head (Content-Length above 0, or any Transfer-Encoding).
    bool hasBody() const;
};

/// Where the head ends in `buffered`: the index just past its blank line, or -1 when the
/// blank line has not arrived yet.
qsizetype headEnd(const QByteArray& buffered);
/// Parses the head `head` (up to and including its blank line); nothing when malformed.
std::optional<HttpHead> parseHttpHead(const QByteArray& head);

}  // namespace tessera::bridge
