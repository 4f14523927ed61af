// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageserver.h"

#include <spdlog/spdlog.h>
#include <QDirIterator>
#include <QFile>
#include <QHash>

namespace tessera::bridge {

namespace {

const QString kAssetRoot = QStringLiteral(":/tessera/web/");

struct Asset {
    QByteArray mimeType;
    QByteArray bytes;
};

QByteArray mimeType(const QString& file) {
    if (file.endsWith(u".html")) return "text/html; charset=utf-8";
    if (file.endsWith(u".js")) return "text/javascript; charset=utf-8";
    if (file.endsWith(u".css")) return "text/css; charset=utf-8";
    if (file.endsWith(u".svg")) return "image/svg+xml";
    if (file.endsWith(u".png")) return "image/png";
    return "application/octet-stream";
}

/// The page's files by URL path: "/" is index.html, "/assets/NAME" is NAME. Read once: the
/// resources are compiled in and never change.
const QHash<QString, Asset>& assets() {
    static const QHash<QString, Asset> files = [] {
        QHash<QString, Asset> result;
        auto add = [&](const QString& path, const QString& file) {
            QFile resource(file);
            if (resource.open(QIODevice::ReadOnly))
                result.insert(path, {mimeType(file), resource.readAll()});
        };
        QDirIterator it(kAssetRoot, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            add(QStringLiteral("/assets/") + file.mid(kAssetRoot.size()), file);
        }
        add(QStringLiteral("/"), kAssetRoot + QStringLiteral("index.html"));
        return result;
    }();
    return files;
}

}  // namespace

PageServer::Answer PageServer::respond(const HttpHead& head) const {
    const QString token = head.queryItem(QStringLiteral("token"));
    const Access::Verdict verdict =
        m_access.check({head.field("host"), head.field("origin"), head.field("cookie"), token});
    if (!verdict.ok()) {
        const QString text = verdict.status == 401
                                 ? QStringLiteral(
                                       "This Tessera server needs its token. Open the link Tessera "
                                       "printed when it started, or the one its window shows in "
                                       "File > Share…; it ends in ?token=…")
                                 : QStringLiteral("Forbidden: %1").arg(verdict.reason);
        return {HttpResponse::text(verdict.status, text), head.hasBody()};
    }
    const bool get = head.method == "GET" || head.method == "HEAD";
    if (head.hasBody()) {
        return {
            HttpResponse::text(get ? 413 : 405,
                               QStringLiteral("Requests here have no body; only GET is served.")),
            true};
    }
    if (!get) {
        HttpResponse response = HttpResponse::text(405, QStringLiteral("Only GET is served here."));
        response.setHeader("Allow", "GET, HEAD");
        return {std::move(response), true};
    }
    const auto file = assets().constFind(head.path());
    if (file == assets().cend())
        return {HttpResponse::text(404, QStringLiteral("Not found.")), false};
    HttpResponse response(200, file->mimeType, file->bytes);
    response.setHeader("Cache-Control", "no-cache");
    if (m_access.needsToken() && !token.isEmpty()) {
        // The page's own requests (assets, the socket) then carry the token without the URL.
        // The value is the server's own token, which the one given was just compared with.
        response.setHeader("Set-Cookie", m_access.cookieName() + '=' + m_access.token().toUtf8() +
                                             "; Path=/; HttpOnly; SameSite=Strict");
    }
    return {std::move(response), false};
}

}  // namespace tessera::bridge
