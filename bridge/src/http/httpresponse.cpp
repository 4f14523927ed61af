// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpresponse.h"

#include <QString>

namespace tessera::bridge {

QByteArray reasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 413:
            return "Content Too Large";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return "Error";
    }
}

HttpResponse::HttpResponse(int status, QByteArray contentType, QByteArray body)
    : m_status(status), m_body(std::move(body)) {
    setHeader("Content-Type", contentType);
    // The page runs only its own code, talks only to its own server and keeps the token
    // (which may be in the URL) from leaking through the Referer header.
    setHeader("Content-Security-Policy",
              "default-src 'self'; img-src 'self' data: blob:; style-src 'self' "
              "'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
    setHeader("X-Content-Type-Options", "nosniff");
    setHeader("Referrer-Policy", "no-referrer");
    setHeader("X-Frame-Options", "DENY");
}

HttpResponse HttpResponse::text(int status, const QString& message) {
    HttpResponse response(status, "text/plain; charset=utf-8", message.toUtf8() + '\n');
    response.setHeader("Cache-Control", "no-store");
    return response;
}

bool HttpResponse::isSafeHeaderValue(const QByteArray& value) {
    for (const char c : value)
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f) return false;
    return true;
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value) {
    if (!isSafeHeaderValue(name) || !isSafeHeaderValue(value) || name.contains(':')) return;
    for (auto& header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    m_headers.append({name, value});
}

QByteArray HttpResponse::serialize(bool keepAlive, bool headOnly) const {
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reasonPhrase(m_status) + "\r\n";
    for (const auto& [name, value] : m_headers) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!headOnly) out += m_body;
    return out;
}

}  // namespace tessera::bridge
