// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>
#include <tessera/export.h>

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QVector>
#include <memory>

namespace tessera {

/// Column buffers and image bytes that travel beside an element's JSON (for example as
/// binary WebSocket frames), by id. An encoder keeps one table per receiver: a buffer it has
/// seen before keeps its id and is not handed out again, so an unchanged chart costs nothing.
class TESSERA_CORE_EXPORT BufferTable {
public:
    struct Buffer {
        QString id;
        QByteArray bytes;
    };

    /// The id of the buffer `identity` (kept alive by `owner`), adding it when new.
    QString add(const void* identity, std::shared_ptr<const void> owner,
                const std::function<QByteArray()>& bytes);
    /// Buffers added since the last call, in the order they were added (to send them).
    QVector<Buffer> takeNew();
    /// Forgets the buffers whose identity is not in `live` (what the receiver's page still
    /// shows) and returns their ids, so that the receiver can drop them too.
    QStringList retainOnly(const QSet<const void*>& live);
    /// Buffers the sender knows the receiver has.
    int knownCount() const { return int(m_known.size()); }
    /// Receiving side: a buffer that arrived, buffers the sender released, lookups.
    void insert(const QString& id, QByteArray bytes);
    void release(const QStringList& ids);
    const QByteArray* find(const QString& id) const;
    int size() const { return int(m_bytes.size()); }

private:
    struct Known {
        QString id;
        std::shared_ptr<const void> owner;  // keeps the address from being reused
    };
    QHash<const void*, Known> m_known;
    QHash<QString, QByteArray> m_bytes;
    QVector<Buffer> m_new;
    quint64 m_next = 0;
};

/// Element <-> JSON, lossless and following the element schema (docs/protocol.md): every
/// prop with its type, data columns as little-endian float64 buffers or text, image bytes.
/// With a BufferTable, buffers are referenced by id; without one, they are inline base64.
class TESSERA_CORE_EXPORT ElementCodec {
public:
    static QJsonObject encode(const Element& element, BufferTable* buffers = nullptr);
    /// Null and `error` set when `json` is not a valid element (unknown kind or prop, wrong
    /// type, missing or malformed buffer).
    static ElementPtr decode(const QJsonObject& json, const BufferTable* buffers, QString* error);
    /// Adds the identities of the buffers encode() would reference for `element`.
    static void bufferIdentities(const Element& element, QSet<const void*>* identities);
    /// A data frame alone, as encode() writes an element's "data" (rows added to an element).
    static QJsonObject encodeFrame(const DataFrame& frame, BufferTable* buffers = nullptr);
    static std::shared_ptr<const DataFrame> decodeFrame(const QJsonObject& json,
                                                        const BufferTable* buffers, QString* error);
    static void bufferIdentities(const DataFrame& frame, QSet<const void*>* identities);
};

}  // namespace tessera
