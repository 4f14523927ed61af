// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>

namespace tessera::bridge {

/// Who may open the page and the socket: the token (when one is set), the Host header
/// (a loopback server answers only to loopback names, which stops DNS rebinding) and the
/// Origin of browser requests (the server's own origin, or one allowed explicitly).
class Access {
public:
    struct Request {
        QByteArray host;    ///< Host header
        QByteArray origin;  ///< Origin header; empty for clients that are not browsers
        QByteArray cookie;  ///< Cookie header
        QString token;      ///< ?token= from the URL
    };
    struct Verdict {
        int status = 200;  ///< HTTP status to refuse with (401, 403), or 200
        QString reason;    ///< for the log and the refusal
        bool ok() const { return status == 200; }
    };

    Access(const QHostAddress& address, QString token, QStringList allowedOrigins);

    static QString generateToken();
    /// Equal without leaking where they differ through timing.
    static bool sameSecret(const QByteArray& a, const QByteArray& b);
    /// The cookie the page's token travels in, named for the port: the servers of one host
    /// on other ports neither see nor overwrite it.
    QByteArray cookieName() const { return "tessera-token-" + QByteArray::number(m_port); }
    /// The port listened on, once known.
    void setPort(quint16 port) { m_port = port; }

    bool needsToken() const { return !m_token.isEmpty(); }
    const QString& token() const { return m_token; }
    Verdict check(const Request& request) const;

private:
    bool hostAllowed(const QByteArray& host) const;
    bool originAllowed(const QByteArray& origin, const QByteArray& host) const;
    QString tokenFrom(const Request& request) const;

    bool m_loopback;
    QString m_token;
    QStringList m_allowedOrigins;
    quint16 m_port = 0;
};

}  // namespace tessera::bridge
