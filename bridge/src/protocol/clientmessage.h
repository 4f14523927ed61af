// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>
#include <QVector>
#include <variant>

namespace tessera::bridge {

/// The protocol version this server speaks (docs/protocol.md).
inline constexpr int kProtocolVersion = 2;

/// A message from a client, checked for shape: the type is known and every field has its
/// type. Meaning (is the widget known, is the value in range) is the session's to check.
struct ClientMessage {
    enum class Type { Hello, Widget, Rerun, Stop, ClearCache, Dashboard, Ping, Upload, UploadDone };
    /// A file an upload announces.
    struct File {
        QString name;
        QString type;
        qint64 size = 0;
    };
    Type type = Type::Ping;
    QJsonValue ref;       ///< the client's own tag for the message, echoed in replies
    QList<int> versions;  ///< hello: protocol versions the client speaks
    QString dashboard;    ///< hello (optional) and dashboard: a dashboard id
    QString resume;       ///< hello (optional): the resume token of an earlier session
    bool mirror = false;  ///< hello: follow the window's session, read-only
    QString widget;       ///< widget, upload, uploadDone: the widget id
    QJsonValue value;     ///< widget: the new value (bool, number, string or array)
    QVector<File> files;  ///< upload: the files whose bytes follow in binary frames
    /// widget, made by the server from a finished upload: the files with their bytes, the
    /// value to set instead of `value`
    QVariant uploaded;
    QJsonValue nonce;  ///< ping: echoed in the pong
};

/// Why a message was refused: a code from docs/protocol.md and a sentence for people.
struct ProtocolError {
    QString code;
    QString message;
    QJsonValue ref;
};

namespace errors {
inline const QString badJson = QStringLiteral("bad-json");
inline const QString badMessage = QStringLiteral("bad-message");
inline const QString unknownType = QStringLiteral("unknown-type");
inline const QString helloFirst = QStringLiteral("hello-first");
inline const QString version = QStringLiteral("version");
inline const QString badValue = QStringLiteral("bad-value");
inline const QString readOnly = QStringLiteral("read-only");
inline const QString unknownDashboard = QStringLiteral("unknown-dashboard");
inline const QString rateLimited = QStringLiteral("rate-limited");
inline const QString sessionLimit = QStringLiteral("session-limit");
inline const QString binaryRefused = QStringLiteral("binary-refused");
inline const QString pluginReload = QStringLiteral("plugin-reload");
inline const QString uploadTooLarge = QStringLiteral("upload-too-large");
inline const QString uploadCutOff = QStringLiteral("upload-cut-off");
inline const QString uploadBusy = QStringLiteral("upload-busy");
inline const QString sessionInUse = QStringLiteral("session-in-use");
inline const QString forbidden = QStringLiteral("forbidden");
}  // namespace errors

/// Decodes one text frame. Never throws; anything malformed comes back as an error.
std::variant<ClientMessage, ProtocolError> decodeClientMessage(const QByteArray& text);

}  // namespace tessera::bridge
