// SPDX-License-Identifier: GPL-3.0-or-later
#include "upload.h"

#include "servermessage.h"

#include <tessera/value.h>

#include <QLocale>
#include <QVariantMap>

namespace tessera::bridge {

namespace {

QString amount(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

}  // namespace

bool UploadBudget::take(qint64 bytes) {
    if (m_used + bytes > m_cap) return false;
    m_used += bytes;
    return true;
}

std::optional<ProtocolError> Upload::start(const ClientMessage& upload) {
    drop();
    qint64 total = 0;
    for (const ClientMessage::File& f : upload.files) total += f.size;
    if (total > m_maxBytes)
        return ProtocolError{errors::uploadTooLarge,
                             QStringLiteral("the upload is %1; this server takes up to %2 at once")
                                 .arg(amount(total), amount(m_maxBytes)),
                             upload.ref};
    m_active = true;
    m_widget = upload.widget;
    m_ref = upload.ref;
    // Nothing is set aside for the bytes before they arrive: announcing costs no memory.
    for (const ClientMessage::File& f : upload.files) m_files.append({f, {}});
    return std::nullopt;
}

std::optional<ProtocolError> Upload::receive(const QByteArray& frame) {
    const auto chunk = server::decodeBufferFrame(frame);
    bool ok = false;
    const qsizetype index = chunk ? chunk->id.toLongLong(&ok) : -1;
    if (!ok || index < 0 || index >= m_files.size()) {
        const QJsonValue ref = m_ref;
        drop();
        return ProtocolError{errors::badMessage,
                             QStringLiteral("a binary frame that belongs to no file of the upload"),
                             ref};
    }
    File& file = m_files[index];
    if (m_budget && !m_budget->take(chunk->bytes.size())) {
        const QJsonValue ref = m_ref;
        drop();
        return ProtocolError{errors::uploadBusy,
                             QStringLiteral("the server is taking as many uploads as it can "
                                            "hold; nothing was changed, try again shortly"),
                             ref};
    }
    m_taken += chunk->bytes.size();
    if (file.bytes.size() + chunk->bytes.size() > file.announced.size) {
        const QJsonValue ref = m_ref;
        const QString name = file.announced.name;
        drop();
        return ProtocolError{errors::badMessage,
                             QStringLiteral("more bytes of '%1' than its announced size").arg(name),
                             ref};
    }
    file.bytes += chunk->bytes;
    return std::nullopt;
}

std::variant<ClientMessage, ProtocolError> Upload::finish(const ClientMessage& done) {
    if (!m_active || done.widget != m_widget)
        return ProtocolError{errors::badMessage,
                             QStringLiteral("'uploadDone' for an upload that was not started"),
                             done.ref};
    UploadedFiles files;
    for (const File& f : m_files) {
        if (f.bytes.size() != f.announced.size) {
            const ProtocolError cutOff{
                errors::uploadCutOff,
                QStringLiteral("the upload of '%1' was cut off: %2 of %3 arrived; nothing was "
                               "changed")
                    .arg(f.announced.name, amount(f.bytes.size()), amount(f.announced.size)),
                done.ref};
            drop();
            return cutOff;
        }
        files.append({f.announced.name, f.announced.type, f.bytes});
    }
    ClientMessage widget;
    widget.type = ClientMessage::Type::Widget;
    widget.widget = m_widget;
    widget.ref = done.ref;
    widget.uploaded = uploaderValue(files);
    drop();
    return widget;
}

void Upload::drop() {
    // The bytes leave the server's upload memory: dropped, or handed to the session.
    if (m_budget) m_budget->give(m_taken);
    m_taken = 0;
    m_active = false;
    m_widget.clear();
    m_ref = QJsonValue();
    m_files.clear();
}

}  // namespace tessera::bridge
