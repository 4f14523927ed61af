// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/grouprecord.h>
#include <tessera/host/codec.h>
#include <tessera/host/delta.h>

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace tessera::bridge {

/// Messages the server sends (docs/protocol.md), as the bytes of one text frame, and the
/// binary frames that carry buffers. The decoders are for clients (tests, benchmarks).
namespace server {

struct DashboardEntry {
    QString id;
    QString title;
};

struct Welcome {
    QString resumeToken;
    bool resumed = false;
    bool mirror = false;
    int resumeTtlSeconds = 0;
    QString dashboard;
    QVector<DashboardEntry> dashboards;
    qint64 maxMessageBytes = 0;
    int messagesPerSecond = 0;
    qint64 maxUploadBytes = 0;
    /// Actions beyond its own session that this client may take ("clearCache").
    QStringList processActions;
};

QByteArray welcome(const Welcome& w);
/// A page message: `snapshot` (the client clears its page first) or `ops`. Buffers the
/// elements reference are added to `buffers`; send its new buffers before this message.
QByteArray page(bool snapshot, quint64 sequence, const QVector<PageOp>& ops, BufferTable* buffers);
/// Buffers the client may drop: no element it holds uses them any more.
QByteArray release(const QStringList& bufferIds);
QByteArray groupStarted(quint64 groupId);
QByteArray groupFinished(const GroupRecord& record);
QByteArray status(bool running, const QString& dashboard);
/// A new build of `dashboard`'s plugin is loaded; its rerun follows as ordinary ops.
QByteArray reloaded(const QString& dashboard);
QByteArray error(const QString& code, const QString& message, const QJsonValue& ref = {});
QByteArray pong(const QJsonValue& nonce);

/// A buffer as one binary frame: u32 little-endian id length, the id (ASCII), the bytes.
QByteArray bufferFrame(const BufferTable::Buffer& buffer);
std::optional<BufferTable::Buffer> decodeBufferFrame(const QByteArray& frame);
/// The ops of a page message, elements decoded against the buffers received so far.
std::optional<QVector<PageOp>> decodeOps(const QJsonArray& ops, const BufferTable& buffers,
                                         QString* error);

}  // namespace server

}  // namespace tessera::bridge
