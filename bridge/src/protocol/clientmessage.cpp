// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientmessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <cmath>

namespace tessera::bridge {

namespace {

constexpr qsizetype kMaxIdLength = 1024;
constexpr qsizetype kMaxArrayLength = 10'000;

using Type = ClientMessage::Type;

const QHash<QString, Type>& typeNames() {
    static const QHash<QString, Type> names{
        {QStringLiteral("hello"), Type::Hello},
        {QStringLiteral("widget"), Type::Widget},
        {QStringLiteral("rerun"), Type::Rerun},
        {QStringLiteral("stop"), Type::Stop},
        {QStringLiteral("clearCache"), Type::ClearCache},
        {QStringLiteral("dashboard"), Type::Dashboard},
        {QStringLiteral("ping"), Type::Ping},
        {QStringLiteral("upload"), Type::Upload},
        {QStringLiteral("uploadDone"), Type::UploadDone},
    };
    return names;
}

/// A ref or nonce is echoed back, so it must stay small: a string or a number.
bool isSmallScalar(const QJsonValue& v) {
    return v.isUndefined() || v.isDouble() || (v.isString() && v.toString().size() <= 128);
}

/// A JSON value nested at most `depth` deep, with at most `*budget` values in all; null only
/// inside an object or array (an emptied cell of a data editor).
bool isBoundedJson(const QJsonValue& v, int depth, qsizetype* budget, bool nested) {
    if (--*budget < 0) return false;
    if (v.isBool() || v.isString()) return true;
    if (v.isDouble()) return std::isfinite(v.toDouble());
    if (v.isNull()) return nested;
    if (depth == 0) return false;
    if (v.isArray()) {
        const QJsonArray array = v.toArray();
        if (array.size() > kMaxArrayLength) return false;
        for (const QJsonValue& item : array)
            if (!isBoundedJson(item, depth - 1, budget, true)) return false;
        return true;
    }
    if (!v.isObject()) return false;
    const QJsonObject object = v.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!isBoundedJson(it.value(), depth - 1, budget, true)) return false;
    return true;
}

/// Widget values are JSON scalars, flat arrays of them, or (data editors, selections) objects
/// nested a few levels deep; a bare null means nothing.
bool isWidgetValue(const QJsonValue& v) {
    qsizetype budget = 4 * kMaxArrayLength;
    return isBoundedJson(v, 4, &budget, false);
}

std::optional<QString> idField(const QJsonObject& o, const QString& name, bool required,
                               QString* why) {
    const QJsonValue v = o.value(name);
    if (v.isUndefined() && !required) return QString();
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > kMaxIdLength) {
        *why = QStringLiteral("'%1' must be a non-empty string of at most %2 characters")
                   .arg(name)
                   .arg(kMaxIdLength);
        return std::nullopt;
    }
    return v.toString();
}

}  // namespace

std::variant<ClientMessage, ProtocolError> decodeClientMessage(const QByteArray& text) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ProtocolError{
            errors::badJson, QStringLiteral("not JSON: %1").arg(parseError.errorString()), {}};
    if (!document.isObject())
        return ProtocolError{errors::badMessage, QStringLiteral("a message is a JSON object"), {}};
    const QJsonObject o = document.object();
    ClientMessage m;
    m.ref = o.value(QLatin1String("ref"));
    if (!isSmallScalar(m.ref))
        return ProtocolError{
            errors::badMessage, QStringLiteral("'ref' must be a number or a short string"), {}};
    auto refuse = [&m](const QString& code, const QString& why) {
        return ProtocolError{code, why, m.ref};
    };
    const QString typeName = o.value(QLatin1String("type")).toString();
    const auto type = typeNames().constFind(typeName);
    if (type == typeNames().cend())
        return refuse(typeName.isEmpty() ? errors::badMessage : errors::unknownType,
                      typeName.isEmpty()
                          ? QStringLiteral("a message needs a string 'type'")
                          : QStringLiteral("unknown message type '%1'").arg(typeName.left(64)));
    m.type = *type;

    QString why;
    switch (m.type) {
        case Type::Hello: {
            const QJsonValue versions = o.value(QLatin1String("protocol"));
            if (!versions.isArray() || versions.toArray().isEmpty() ||
                versions.toArray().size() > 16)
                return refuse(errors::badMessage,
                              QStringLiteral("'protocol' must list the versions the client "
                                             "speaks, for example [1]"));
            for (const QJsonValue& v : versions.toArray()) {
                if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) ||
                    std::abs(v.toDouble()) > 1e6)
                    return refuse(errors::badMessage,
                                  QStringLiteral("protocol versions are integers"));
                m.versions << int(v.toDouble());
            }
            const auto dashboard = idField(o, QStringLiteral("dashboard"), false, &why);
            const auto resume = idField(o, QStringLiteral("resume"), false, &why);
            if (!dashboard || !resume) return refuse(errors::badMessage, why);
            m.dashboard = *dashboard;
            m.resume = *resume;
            const QJsonValue mirror = o.value(QLatin1String("mirror"));
            if (!mirror.isUndefined() && !mirror.isBool())
                return refuse(errors::badMessage, QStringLiteral("'mirror' must be true or false"));
            m.mirror = mirror.toBool();
            break;
        }
        case Type::Widget: {
            const auto id = idField(o, QStringLiteral("id"), true, &why);
            if (!id) return refuse(errors::badMessage, why);
            m.widget = *id;
            m.value = o.value(QLatin1String("value"));
            if (!isWidgetValue(m.value))
                return refuse(errors::badValue,
                              QStringLiteral("a widget value is a boolean, a finite number, a "
                                             "string, or an array or object of them"));
            break;
        }
        case Type::Upload: {
            const auto id = idField(o, QStringLiteral("id"), true, &why);
            if (!id) return refuse(errors::badMessage, why);
            m.widget = *id;
            const QJsonValue files = o.value(QLatin1String("files"));
            if (!files.isArray() || files.toArray().size() > 1000)
                return refuse(errors::badMessage,
                              QStringLiteral("'files' must list the files to upload"));
            for (const QJsonValue& f : files.toArray()) {
                const QJsonObject file = f.toObject();
                const QJsonValue name = file.value(QLatin1String("name"));
                const QJsonValue type = file.value(QLatin1String("type"));
                const QJsonValue size = file.value(QLatin1String("size"));
                if (!name.isString() || name.toString().isEmpty() ||
                    name.toString().size() > kMaxIdLength ||
                    !(type.isUndefined() || type.isString()) || type.toString().size() > 256 ||
                    !size.isDouble() || size.toDouble() < 0 ||
                    size.toDouble() != std::floor(size.toDouble()) || size.toDouble() > 1e15)
                    return refuse(errors::badMessage,
                                  QStringLiteral("each file is {name, type, size}: a name, its "
                                                 "type and its size in bytes"));
                m.files.append({name.toString(), type.toString(), qint64(size.toDouble())});
            }
            break;
        }
        case Type::UploadDone: {
            const auto id = idField(o, QStringLiteral("id"), true, &why);
            if (!id) return refuse(errors::badMessage, why);
            m.widget = *id;
            break;
        }
        case Type::Dashboard: {
            const auto id = idField(o, QStringLiteral("id"), true, &why);
            if (!id) return refuse(errors::badMessage, why);
            m.dashboard = *id;
            break;
        }
        case Type::Ping:
            m.nonce = o.value(QLatin1String("nonce"));
            if (!isSmallScalar(m.nonce))
                return refuse(errors::badMessage,
                              QStringLiteral("'nonce' must be a number or a short string"));
            break;
        case Type::Rerun:
        case Type::Stop:
        case Type::ClearCache:
            break;
    }
    return m;
}

}  // namespace tessera::bridge
