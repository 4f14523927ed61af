// SPDX-License-Identifier: GPL-3.0-or-later
#include "servermessage.h"

#include "clientmessage.h"

#include <tessera/version.h>

#include <QJsonDocument>
#include <QtEndian>

namespace tessera::bridge::server {

namespace {

const QString kType = QStringLiteral("type");
const QString kOp = QStringLiteral("op");
const QString kPath = QStringLiteral("path");
const QString kElement = QStringLiteral("element");
const QString kStale = QStringLiteral("stale");
const QString kUpsert = QStringLiteral("upsert");
const QString kRemove = QStringLiteral("remove");
const QString kAddRows = QStringLiteral("addRows");
const QString kRows = QStringLiteral("rows");

QByteArray text(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonArray pathJson(const Path& path) {
    QJsonArray a;
    for (int i : path) a.append(i);
    return a;
}

std::optional<Path> pathFrom(const QJsonValue& v) {
    if (!v.isArray() || v.toArray().size() < 2) return std::nullopt;
    Path path;
    for (const QJsonValue& i : v.toArray()) {
        if (!i.isDouble() || i.toDouble() < 0 || i.toDouble() > 1e9) return std::nullopt;
        path << int(i.toDouble());
    }
    return path;
}

QJsonObject opJson(const PageOp& op, BufferTable* buffers) {
    switch (op.type) {
        case PageOp::Type::Upsert:
            return {{kOp, kUpsert},
                    {kPath, pathJson(op.path)},
                    {kElement, ElementCodec::encode(*op.element, buffers)}};
        case PageOp::Type::Remove:
            return {{kOp, kRemove}, {kPath, pathJson(op.path)}};
        case PageOp::Type::SetStale:
            return {{kOp, kStale}, {kPath, pathJson(op.path)}, {kStale, op.stale}};
        case PageOp::Type::AddRows:
            // Only the new rows travel; the receiver adds them to what it shows.
            return {{kOp, kAddRows},
                    {kPath, pathJson(op.path)},
                    {kRows, ElementCodec::encodeFrame(*op.rows, buffers)}};
    }
    return {};
}

}  // namespace

QByteArray welcome(const Welcome& w) {
    QJsonArray dashboards;
    for (const DashboardEntry& d : w.dashboards)
        dashboards.append(
            QJsonObject{{QStringLiteral("id"), d.id}, {QStringLiteral("title"), d.title}});
    return text(
        {{kType, QStringLiteral("welcome")},
         {QStringLiteral("protocol"), kProtocolVersion},
         {QStringLiteral("server"), QStringLiteral("Tessera %1").arg(QLatin1String(kVersion))},
         {QStringLiteral("resume"), w.resumeToken},
         {QStringLiteral("resumed"), w.resumed},
         {QStringLiteral("mirror"), w.mirror},
         {QStringLiteral("resumeTtl"), w.resumeTtlSeconds},
         {QStringLiteral("dashboard"), w.dashboard},
         {QStringLiteral("dashboards"), dashboards},
         {QStringLiteral("processActions"), QJsonArray::fromStringList(w.processActions)},
         {QStringLiteral("limits"),
          QJsonObject{{QStringLiteral("maxMessageBytes"), w.maxMessageBytes},
                      {QStringLiteral("maxUploadBytes"), w.maxUploadBytes},
                      {QStringLiteral("messagesPerSecond"), w.messagesPerSecond}}}});
}

QByteArray page(bool snapshot, quint64 sequence, const QVector<PageOp>& ops, BufferTable* buffers) {
    QJsonArray array;
    for (const PageOp& op : ops) array.append(opJson(op, buffers));
    return text({{kType, snapshot ? QStringLiteral("snapshot") : QStringLiteral("ops")},
                 {QStringLiteral("sequence"), qint64(sequence)},
                 {QStringLiteral("ops"), array}});
}

QByteArray release(const QStringList& bufferIds) {
    return text({{kType, QStringLiteral("release")},
                 {QStringLiteral("buffers"), QJsonArray::fromStringList(bufferIds)}});
}

QByteArray groupStarted(quint64 groupId) {
    // A string, as the record's groupId: ids are 64-bit, JavaScript numbers are not.
    return text({{kType, QStringLiteral("groupStarted")},
                 {QStringLiteral("group"), QString::number(groupId)}});
}

QByteArray groupFinished(const GroupRecord& record) {
    return text(
        {{kType, QStringLiteral("groupFinished")}, {QStringLiteral("record"), record.toJson()}});
}

QByteArray reloaded(const QString& dashboard) {
    return text({{kType, QStringLiteral("reloaded")}, {QStringLiteral("dashboard"), dashboard}});
}

QByteArray status(bool running, const QString& dashboard) {
    return text({{kType, QStringLiteral("status")},
                 {QStringLiteral("running"), running},
                 {QStringLiteral("dashboard"), dashboard}});
}

QByteArray error(const QString& code, const QString& message, const QJsonValue& ref) {
    QJsonObject o{{kType, QStringLiteral("error")},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("message"), message}};
    if (!ref.isUndefined() && !ref.isNull()) o.insert(QStringLiteral("ref"), ref);
    return text(o);
}

QByteArray pong(const QJsonValue& nonce) {
    QJsonObject o{{kType, QStringLiteral("pong")}};
    if (!nonce.isUndefined()) o.insert(QStringLiteral("nonce"), nonce);
    return text(o);
}

QByteArray bufferFrame(const BufferTable::Buffer& buffer) {
    const QByteArray id = buffer.id.toLatin1();
    QByteArray frame(4, Qt::Uninitialized);
    qToLittleEndian<quint32>(quint32(id.size()), frame.data());
    frame += id;
    frame += buffer.bytes;
    return frame;
}

std::optional<BufferTable::Buffer> decodeBufferFrame(const QByteArray& frame) {
    if (frame.size() < 4) return std::nullopt;
    const quint32 idLength = qFromLittleEndian<quint32>(frame.constData());
    if (idLength == 0 || idLength > 64 || qsizetype(4 + idLength) > frame.size())
        return std::nullopt;
    return BufferTable::Buffer{QString::fromLatin1(frame.mid(4, idLength)),
                               frame.mid(4 + idLength)};
}

std::optional<QVector<PageOp>> decodeOps(const QJsonArray& ops, const BufferTable& buffers,
                                         QString* error) {
    QVector<PageOp> result;
    for (const QJsonValue& value : ops) {
        const QJsonObject o = value.toObject();
        PageOp op;
        const auto path = pathFrom(o.value(kPath));
        if (!path) {
            *error = QStringLiteral("an op without a valid path");
            return std::nullopt;
        }
        op.path = *path;
        const QString name = o.value(kOp).toString();
        if (name == kUpsert) {
            op.type = PageOp::Type::Upsert;
            op.element = ElementCodec::decode(o.value(kElement).toObject(), &buffers, error);
            if (!op.element) return std::nullopt;
        } else if (name == kRemove) {
            op.type = PageOp::Type::Remove;
        } else if (name == kStale) {
            op.type = PageOp::Type::SetStale;
            op.stale = o.value(kStale).toBool();
        } else if (name == kAddRows) {
            op.type = PageOp::Type::AddRows;
            op.rows = ElementCodec::decodeFrame(o.value(kRows).toObject(), &buffers, error);
            if (!op.rows) return std::nullopt;
        } else {
            *error = QStringLiteral("unknown op '%1'").arg(name);
            return std::nullopt;
        }
        result << op;
    }
    return result;
}

}  // namespace tessera::bridge::server
