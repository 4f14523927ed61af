// SPDX-License-Identifier: GPL-3.0-or-later
#include "access.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUrl>
#include <array>

namespace tessera::bridge {

namespace {

/// The host part of a Host header ("[::1]:8501" → "::1", "localhost:80" → "localhost").
QString hostName(const QByteArray& host) {
    const QUrl url(QStringLiteral("http://") + QString::fromLatin1(host));
    return url.isValid() ? url.host() : QString();
}

bool isLoopbackName(const QString& host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

}  // namespace

Access::Access(const QHostAddress& address, QString token, QStringList allowedOrigins)
    : m_loopback(address.isLoopback()),
      m_token(std::move(token)),
      m_allowedOrigins(std::move(allowedOrigins)) {}

QString Access::generateToken() {
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char*>(words.data()), sizeof(words));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool Access::sameSecret(const QByteArray& a, const QByteArray& b) {
    // Compare digests so that neither the length nor the first difference shows in the time.
    const QByteArray da = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray db = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char difference = 0;
    for (qsizetype i = 0; i < da.size(); ++i) difference |= uchar(da[i] ^ db[i]);
    return difference == 0;
}

Access::Verdict Access::check(const Request& request) const {
    if (!hostAllowed(request.host))
        return {403, QStringLiteral("host '%1' is not this server's")
                         .arg(QString::fromLatin1(request.host.left(100)))};
    if (!request.origin.isEmpty() && !originAllowed(request.origin, request.host))
        return {403, QStringLiteral("origin '%1' is not allowed")
                         .arg(QString::fromLatin1(request.origin.left(100)))};
    if (needsToken()) {
        const QString given = tokenFrom(request);
        if (given.isEmpty()) return {401, QStringLiteral("no token")};
        if (!sameSecret(given.toUtf8(), m_token.toUtf8()))
            return {401, QStringLiteral("wrong token")};
    }
    return {};
}

bool Access::hostAllowed(const QByteArray& host) const {
    if (!m_loopback) return true;  // behind a token; proxies and names vary
    return isLoopbackName(hostName(host));
}

bool Access::originAllowed(const QByteArray& origin, const QByteArray& host) const {
    const QString o = QString::fromLatin1(origin);
    if (m_allowedOrigins.contains(o)) return true;
    // The server's own origin: the page was loaded from the host the browser asked for.
    const QUrl url(o);
    const QUrl own(QStringLiteral("http://") + QString::fromLatin1(host));
    if (!url.isValid() || !own.isValid()) return false;
    const bool sameScheme = url.scheme() == u"http" || url.scheme() == u"https";
    return sameScheme && url.host().compare(own.host(), Qt::CaseInsensitive) == 0 &&
           url.port(url.scheme() == u"https" ? 443 : 80) == own.port(80);
}

QString Access::tokenFrom(const Request& request) const {
    if (!request.token.isEmpty()) return request.token;
    for (const QByteArray& part : request.cookie.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(cookieName() + '='))
            return QString::fromLatin1(trimmed.mid(cookieName().size() + 1));
    }
    return {};
}

}  // namespace tessera::bridge
