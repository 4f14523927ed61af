// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageserver.h"

#include <spdlog/spdlog.h>
#include <QDirIterator>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QTcpSocket>

namespace tessera::bridge {

namespace {

const QString kAssetRoot = QStringLiteral(":/tessera/web/");

/// The page's files by URL path: "/" is index.html, "/assets/NAME" is NAME.
const QHash<QString, QString>& assets() {
    static const QHash<QString, QString> files = [] {
        QHash<QString, QString> result;
        QDirIterator it(kAssetRoot, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            result.insert(QStringLiteral("/assets/") + file.mid(kAssetRoot.size()), file);
        }
        result.insert(QStringLiteral("/"), kAssetRoot + QStringLiteral("index.html"));
        return result;
    }();
    return files;
}

QByteArray mimeType(const QString& file) {
    if (file.endsWith(u".html")) return "text/html; charset=utf-8";
    if (file.endsWith(u".js")) return "text/javascript; charset=utf-8";
    if (file.endsWith(u".css")) return "text/css; charset=utf-8";
    if (file.endsWith(u".svg")) return "image/svg+xml";
    if (file.endsWith(u".png")) return "image/png";
    return "application/octet-stream";
}

QHttpServerResponse plain(const QString& text, QHttpServerResponse::StatusCode status) {
    QHttpServerResponse response("text/plain; charset=utf-8", text.toUtf8() + '\n', status);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

void addSafetyHeaders(QHttpServerResponse& response) {
    // The page runs only its own code, talks only to its own server and keeps the token
    // (which may be in the URL) from leaking through the Referer header.
    response.setHeader("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data: blob:; style-src 'self' "
                       "'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
}

}  // namespace

PageServer::PageServer(const Access& access, QObject* parent)
    : QAbstractHttpServer(parent), m_access(access) {}

bool PageServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    const QString path = request.url().path();
    const QString token =
        request.query().queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    const Access::Verdict verdict = m_access.check(
        {request.value("host"), request.value("origin"), request.value("cookie"), token});
    auto respond = [&](QHttpServerResponse&& response) {
        response.write(makeResponder(request, socket));
    };
    if (!verdict.ok()) {
        spdlog::warn("bridge: refused {} {}: {}", request.remoteAddress().toString().toStdString(),
                     path.left(100).toStdString(), verdict.reason.toStdString());
        respond(plain(verdict.status == 401
                          ? QStringLiteral("This Tessera server needs its token. Open the link "
                                           "Tessera printed when it started, or the one its "
                                           "window shows in File > Share…; it ends in ?token=…")
                          : QStringLiteral("Forbidden: %1").arg(verdict.reason),
                      QHttpServerResponse::StatusCode(verdict.status)));
        return true;
    }
    if (request.method() != QHttpServerRequest::Method::Get &&
        request.method() != QHttpServerRequest::Method::Head) {
        respond(plain(QStringLiteral("Only GET is served here."),
                      QHttpServerResponse::StatusCode::MethodNotAllowed));
        return true;
    }
    const auto file = assets().constFind(path);
    if (file == assets().cend()) return false;
    QFile resource(*file);
    if (!resource.open(QIODevice::ReadOnly)) return false;
    QHttpServerResponse response(mimeType(*file), resource.readAll());
    addSafetyHeaders(response);
    response.setHeader("Cache-Control", "no-cache");
    if (!token.isEmpty()) {
        // The page's own requests (assets, the socket) then carry the token without the URL.
        response.addHeader("Set-Cookie", Access::cookieName() + '=' + token.toUtf8() +
                                             "; Path=/; HttpOnly; SameSite=Strict");
    }
    respond(std::move(response));
    return true;
}

void PageServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    plain(QStringLiteral("Not found."), QHttpServerResponse::StatusCode::NotFound)
        .write(makeResponder(request, socket));
}

}  // namespace tessera::bridge
