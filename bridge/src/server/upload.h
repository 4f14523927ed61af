// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientmessage.h"

#include <QByteArray>
#include <memory>
#include <optional>

namespace tessera::bridge {

/// The bytes the unfinished uploads of every connection may hold together: what a server
/// sets aside for uploads, whatever the number of browsers. Owned by the server; used in
/// its thread only.
class UploadBudget {
public:
    explicit UploadBudget(qint64 cap) : m_cap(cap) {}
    bool take(qint64 bytes);
    void give(qint64 bytes) { m_used -= bytes; }

private:
    qint64 m_cap;
    qint64 m_used = 0;
};

/// One connection's file upload in progress (docs/protocol.md, "Uploading files"): an
/// `upload` message names the files and their sizes, binary frames bring their bytes in
/// order, and `uploadDone` hands them to the session as the uploader's value. Nothing beyond
/// the sizes announced is taken, and the announced sizes are bounded by the upload limit.
class Upload {
public:
    Upload(qint64 maxBytes, std::shared_ptr<UploadBudget> budget)
        : m_maxBytes(maxBytes), m_budget(std::move(budget)) {}
    ~Upload() { drop(); }
    Upload(const Upload&) = delete;
    Upload& operator=(const Upload&) = delete;

    /// Starts an upload, dropping any unfinished one; an error when it is over the limit.
    std::optional<ProtocolError> start(const ClientMessage& upload);
    bool active() const { return m_active; }
    /// Drops an unfinished upload (its connection closed).
    void cancel() { drop(); }
    /// Takes a binary frame: the file's index as the frame's id, then bytes; an error (and
    /// the upload dropped) when they do not belong to it.
    std::optional<ProtocolError> receive(const QByteArray& frame);
    /// Ends the upload: a widget message with the files and their bytes, or an error when
    /// bytes are missing (the upload was cut off).
    std::variant<ClientMessage, ProtocolError> finish(const ClientMessage& done);

private:
    struct File {
        ClientMessage::File announced;
        QByteArray bytes;
    };
    void drop();

    qint64 m_maxBytes;
    std::shared_ptr<UploadBudget> m_budget;  ///< null: no limit beyond m_maxBytes
    qint64 m_taken = 0;                      ///< bytes of the budget this upload holds
    bool m_active = false;
    QString m_widget;
    QJsonValue m_ref;
    QVector<File> m_files;
};

}  // namespace tessera::bridge
