// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace tessera::bridge {

/// An HTTP/1.1 response as it goes on the wire. Every response carries the security headers
/// of the page (errors too). A header value is never built from what a client sent; as a
/// second line of defence, a header whose name or value holds a control byte is left out.
class HttpResponse {
public:
    HttpResponse(int status, QByteArray contentType, QByteArray body);
    /// A plain-text response, never cached.
    static HttpResponse text(int status, const QString& message);

    int status() const { return m_status; }
    void setHeader(const QByteArray& name, const QByteArray& value);
    /// The response, head and body (the head only, for a HEAD request); with
    /// "Connection: close" unless `keepAlive`.
    QByteArray serialize(bool keepAlive, bool headOnly = false) const;
    /// Whether `value` may go into a header as it is: no CR, LF or other control byte.
    static bool isSafeHeaderValue(const QByteArray& value);

private:
    int m_status;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

QByteArray reasonPhrase(int status);

}  // namespace tessera::bridge
