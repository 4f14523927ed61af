// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/host/codec.h>
#include <tessera/schema.h>

#include <QDate>
#include <QJsonArray>
#include <cstring>
#include <limits>

namespace tessera {

QString BufferTable::add(const void* identity, std::shared_ptr<const void> owner,
                         const std::function<QByteArray()>& bytes) {
    if (auto it = m_known.constFind(identity); it != m_known.cend()) return it->id;
    const QString id = QStringLiteral("b%1").arg(++m_next);
    m_known.insert(identity, Known{id, std::move(owner)});
    m_new.append(Buffer{id, bytes()});
    return id;
}

QStringList BufferTable::retainOnly(const QSet<const void*>& live) {
    QStringList released;
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (live.contains(it.key())) {
            ++it;
            continue;
        }
        released << it->id;
        it = m_known.erase(it);
    }
    return released;
}

QVector<BufferTable::Buffer> BufferTable::takeNew() {
    return std::exchange(m_new, {});
}

void BufferTable::insert(const QString& id, QByteArray bytes) {
    m_bytes.insert(id, std::move(bytes));
}

void BufferTable::release(const QStringList& ids) {
    for (const QString& id : ids) m_bytes.remove(id);
}

const QByteArray* BufferTable::find(const QString& id) const {
    auto it = m_bytes.constFind(id);
    return it == m_bytes.cend() ? nullptr : &*it;
}

namespace {

const QString kKind = QStringLiteral("kind");
const QString kId = QStringLiteral("id");
const QString kProps = QStringLiteral("props");
const QString kData = QStringLiteral("data");
const QString kColumns = QStringLiteral("columns");
const QString kName = QStringLiteral("name");
const QString kType = QStringLiteral("type");
const QString kF64 = QStringLiteral("f64");
const QString kTextType = QStringLiteral("text");
const QString kValues = QStringLiteral("values");
const QString kBase64 = QStringLiteral("base64");
const QString kBuffer = QStringLiteral("buffer");
const QString kBytes = QStringLiteral("bytes");
const QString kRows = QStringLiteral("rows");
const QString kLogical = QStringLiteral("logical");
const QString kInts = QStringLiteral("ints");
const QString kMissing = QStringLiteral("missing");
const QString kTz = QStringLiteral("tz");

/// The names of the typed columns' `logical` type (their `type` stays f64 or text).
QString logicalName(ColumnType type) {
    switch (type) {
        case ColumnType::Int64:
            return QStringLiteral("i64");
        case ColumnType::Bool:
            return QStringLiteral("bool");
        case ColumnType::Timestamp:
            return QStringLiteral("ts");
        case ColumnType::Category:
            return QStringLiteral("cat");
        default:
            return {};
    }
}

static_assert(std::numeric_limits<double>::is_iec559, "float64 buffers are IEEE 754");
static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "float64 buffers travel little-endian");

QJsonValue encodeProp(const QVariant& v, PropType type) {
    switch (type) {
        case PropType::String:
            return v.toString();
        case PropType::Int:
        case PropType::Count:
            return QJsonValue(v.toLongLong());
        case PropType::Double:
        case PropType::Number:
            return v.typeId() == QMetaType::Int ? QJsonValue(v.toInt()) : QJsonValue(v.toDouble());
        case PropType::Bool:
            return v.toBool();
        case PropType::StringList:
            return QJsonArray::fromStringList(v.toStringList());
        case PropType::IntPair: {
            const QVariantList pair = v.toList();
            return QJsonArray{pair.value(0).toInt(), pair.value(1).toInt()};
        }
        case PropType::Date:
            return v.toDate().toString(Qt::ISODate);
        case PropType::Json:
            return QJsonValue::fromVariant(v);
    }
    return {};
}

bool isInt(const QJsonValue& v) {
    return v.isDouble() && v.toDouble() == double(v.toInteger());
}

/// The prop's value as the schema types it; invalid when `json` does not fit.
QVariant decodeProp(const QJsonValue& json, PropType type, bool integer) {
    switch (type) {
        case PropType::String:
            return json.isString() ? QVariant(json.toString()) : QVariant();
        case PropType::Int:
            return isInt(json) && json.toInteger() >= std::numeric_limits<int>::min() &&
                           json.toInteger() <= std::numeric_limits<int>::max()
                       ? QVariant(int(json.toInteger()))
                       : QVariant();
        case PropType::Count:
            return isInt(json) ? QVariant(qlonglong(json.toInteger())) : QVariant();
        case PropType::Double:
            return json.isDouble() ? QVariant(json.toDouble()) : QVariant();
        case PropType::Number:
            if (!json.isDouble()) return {};
            if (integer) return isInt(json) ? QVariant(int(json.toInteger())) : QVariant();
            return json.toDouble();
        case PropType::Bool:
            return json.isBool() ? QVariant(json.toBool()) : QVariant();
        case PropType::StringList: {
            if (!json.isArray()) return {};
            QStringList list;
            for (const QJsonValue& item : json.toArray()) {
                if (!item.isString()) return {};
                list << item.toString();
            }
            return list;
        }
        case PropType::IntPair: {
            const QJsonArray a = json.toArray();
            if (!json.isArray() || a.size() != 2 || !isInt(a[0]) || !isInt(a[1])) return {};
            return QVariantList{int(a[0].toInteger()), int(a[1].toInteger())};
        }
        case PropType::Date: {
            const QDate d = QDate::fromString(json.toString(), Qt::ISODate);
            return json.isString() && d.isValid() ? QVariant(d) : QVariant();
        }
        case PropType::Json:
            return json.isObject() || json.isArray() ? json.toVariant() : QVariant();
    }
    return {};
}

QByteArray numberBytes(const std::vector<double>& numbers) {
    return QByteArray(reinterpret_cast<const char*>(numbers.data()),
                      qsizetype(numbers.size() * sizeof(double)));
}

/// Inline base64, or a reference into `buffers`.
QJsonObject bytesJson(const void* identity, std::shared_ptr<const void> owner,
                      const std::function<QByteArray()>& bytes, BufferTable* buffers) {
    if (buffers) return {{kBuffer, buffers->add(identity, std::move(owner), bytes)}};
    return {{kBase64, QString::fromLatin1(bytes().toBase64())}};
}

std::optional<QByteArray> bytesFrom(const QJsonObject& o, const BufferTable* buffers,
                                    QString* error) {
    if (o.contains(kBase64)) {
        auto decoded = QByteArray::fromBase64Encoding(o.value(kBase64).toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (decoded) return *decoded;
        *error = QStringLiteral("invalid base64");
        return std::nullopt;
    }
    const QString id = o.value(kBuffer).toString();
    const QByteArray* found = buffers ? buffers->find(id) : nullptr;
    if (!found) {
        *error = QStringLiteral("unknown buffer '%1'").arg(id);
        return std::nullopt;
    }
    return *found;
}

bool anyMissing(const Column& c) {
    for (qsizetype row = 0; row < c.size(); ++row)
        if (c.isMissing(row)) return true;
    return false;
}

/// One byte per row, 1 where the value is missing.
QByteArray missingBytes(const Column& c) {
    QByteArray flags(c.size(), '\0');
    for (qsizetype row = 0; row < c.size(); ++row)
        if (c.isMissing(row)) flags[row] = 1;
    return flags;
}

/// A typed column travels as what every reader knows (its f64 numbers or its text), with
/// its `logical` type beside: the integers exactly ("ints", little-endian int64), the
/// missing rows ("missing", a byte per row) and a timestamp's "tz".
void addTyped(const Column& c, QJsonObject* column, BufferTable* buffers) {
    const QString logical = logicalName(c.type());
    if (logical.isEmpty()) return;
    column->insert(kLogical, logical);
    // Buffers are told apart by an identity: these two are inside the column's own buffer.
    const char* base = static_cast<const char*>(c.buffer());
    if (c.type() != ColumnType::Category) {
        const auto ints = [&c] {
            return QByteArray(reinterpret_cast<const char*>(c.integers().data()),
                              qsizetype(c.integers().size() * sizeof(qint64)));
        };
        column->insert(kInts, bytesJson(base + 1, c.bufferOwner(), ints, buffers));
        if (!c.timeZone().isEmpty()) column->insert(kTz, c.timeZone());
    }
    // The flags are made only for a receiver that has not had them yet.
    const auto missing = [&c] { return missingBytes(c); };
    if (anyMissing(c))
        column->insert(kMissing, bytesJson(base + 2, c.bufferOwner(), missing, buffers));
}

QJsonObject frameJson(const DataFrame& frame, BufferTable* buffers) {
    QJsonArray columns;
    for (const Column& c : frame.columns()) {
        QJsonObject column{{kName, c.name()}};
        if (c.isNumeric()) {
            column.insert(kType, kF64);
            const auto bytes = [&c] { return numberBytes(c.numbers()); };
            const QJsonObject where = bytesJson(c.buffer(), c.bufferOwner(), bytes, buffers);
            for (auto it = where.begin(); it != where.end(); ++it) column.insert(it.key(), *it);
        } else {
            column.insert(kType, kTextType);
            column.insert(kValues, QJsonArray::fromStringList(c.text()));
        }
        addTyped(c, &column, buffers);
        columns.append(column);
    }
    return {{kRows, qint64(frame.rowCount())}, {kColumns, columns}};
}

/// The missing flags of a typed column of `rows` rows; nullopt (and `error`) when bad.
std::optional<std::vector<bool>> missingFrom(const QJsonObject& c, qsizetype rows,
                                             const BufferTable* buffers, QString* error) {
    if (!c.contains(kMissing)) return std::vector<bool>();
    const auto bytes = bytesFrom(c.value(kMissing).toObject(), buffers, error);
    if (!bytes) return std::nullopt;
    if (bytes->size() != rows) {
        *error = QStringLiteral("column '%1' has %2 missing flags for %3 rows")
                     .arg(c.value(kName).toString())
                     .arg(bytes->size())
                     .arg(rows);
        return std::nullopt;
    }
    std::vector<bool> flags(static_cast<size_t>(rows));
    for (qsizetype i = 0; i < rows; ++i) flags[size_t(i)] = bytes->at(i) != 0;
    return flags;
}

/// The typed column `c` says it is, from its text or its exact integers.
std::optional<Column> typedFrom(const QJsonObject& c, const QString& logical,
                                const QStringList& text, const BufferTable* buffers,
                                QString* error) {
    const QString name = c.value(kName).toString();
    if (logical == u"cat") {
        if (c.value(kType) != kTextType) {
            *error = QStringLiteral("column '%1': a category is text").arg(name);
            return std::nullopt;
        }
        auto missing = missingFrom(c, text.size(), buffers, error);
        if (!missing) return std::nullopt;
        return Column::categories(name, text, std::move(*missing));
    }
    const bool known = logical == u"i64" || logical == u"bool" || logical == u"ts";
    if (!known || c.value(kType) != kF64) {
        *error = QStringLiteral("column '%1' has no known logical type").arg(name);
        return std::nullopt;
    }
    const auto bytes = bytesFrom(c.value(kInts).toObject(), buffers, error);
    if (!bytes) return std::nullopt;
    if (bytes->size() % qsizetype(sizeof(qint64)) != 0) {
        *error = QStringLiteral("column '%1' has ints that are not int64").arg(name);
        return std::nullopt;
    }
    std::vector<qint64> ints(size_t(bytes->size()) / sizeof(qint64));
    if (!ints.empty()) std::memcpy(ints.data(), bytes->constData(), size_t(bytes->size()));
    auto missing = missingFrom(c, qsizetype(ints.size()), buffers, error);
    if (!missing) return std::nullopt;
    if (logical == u"i64") return Column::int64s(name, std::move(ints), std::move(*missing));
    if (logical == u"ts")
        return Column::timestamps(name, std::move(ints), std::move(*missing),
                                  c.value(kTz).toString());
    std::vector<bool> values(ints.size());
    for (size_t i = 0; i < ints.size(); ++i) values[i] = ints[i] != 0;
    return Column::bools(name, values, std::move(*missing));
}

std::shared_ptr<const DataFrame> frameFrom(const QJsonObject& json, const BufferTable* buffers,
                                           QString* error) {
    auto frame = std::make_shared<DataFrame>();
    for (const QJsonValue& value : json.value(kColumns).toArray()) {
        const QJsonObject c = value.toObject();
        const QString name = c.value(kName).toString();
        if (c.value(kType) == kTextType) {
            QStringList text;
            for (const QJsonValue& cell : c.value(kValues).toArray()) {
                if (!cell.isString()) {
                    *error = QStringLiteral("column '%1' has a cell that is not text").arg(name);
                    return nullptr;
                }
                text << cell.toString();
            }
            if (c.contains(kLogical)) {
                auto column = typedFrom(c, c.value(kLogical).toString(), text, buffers, error);
                if (!column) return nullptr;
                frame->add(std::move(*column));
                continue;
            }
            frame->add(name, text);
            continue;
        }
        if (c.contains(kLogical)) {
            auto column = typedFrom(c, c.value(kLogical).toString(), {}, buffers, error);
            if (!column) return nullptr;
            frame->add(std::move(*column));
            continue;
        }
        if (c.value(kType) != kF64) {
            *error = QStringLiteral("column '%1' has no known type").arg(name);
            return nullptr;
        }
        const auto bytes = bytesFrom(c, buffers, error);
        if (!bytes) return nullptr;
        if (bytes->size() % qsizetype(sizeof(double)) != 0) {
            *error = QStringLiteral("column '%1' is not a float64 buffer").arg(name);
            return nullptr;
        }
        std::vector<double> numbers(size_t(bytes->size()) / sizeof(double));
        if (!numbers.empty())
            std::memcpy(numbers.data(), bytes->constData(), size_t(bytes->size()));
        frame->add(name, std::move(numbers));
    }
    return frame;
}

}  // namespace

QJsonObject ElementCodec::encode(const Element& element, BufferTable* buffers) {
    const KindSpec& spec = kindSpec(element.kind);
    QJsonObject props;
    for (auto it = element.props.cbegin(); it != element.props.cend(); ++it) {
        const PropSpec* p = spec.findProp(it.key());
        props.insert(it.key(),
                     p ? encodeProp(it.value(), p->type) : QJsonValue::fromVariant(it.value()));
    }
    QJsonObject json{{kKind, spec.name}, {kProps, props}};
    if (!element.id.isEmpty()) json.insert(kId, element.id);
    if (element.frame) json.insert(kData, frameJson(*element.frame, buffers));
    if (!element.blob.isEmpty()) {
        auto owner = std::make_shared<const QByteArray>(element.blob);
        json.insert(kBytes, bytesJson(
                                owner->constData(), owner, [owner] { return *owner; }, buffers));
    }
    return json;
}

void ElementCodec::bufferIdentities(const Element& element, QSet<const void*>* identities) {
    if (element.frame) bufferIdentities(*element.frame, identities);
    if (!element.blob.isEmpty()) identities->insert(element.blob.constData());
}

void ElementCodec::bufferIdentities(const DataFrame& frame, QSet<const void*>* identities) {
    for (const Column& c : frame.columns()) {
        if (c.isNumeric()) identities->insert(c.buffer());
        if (c.type() != ColumnType::Float64 && c.type() != ColumnType::Text) {
            // The buffers addTyped() sends, by the identities it gives them.
            identities->insert(static_cast<const char*>(c.buffer()) + 1);
            identities->insert(static_cast<const char*>(c.buffer()) + 2);
        }
    }
}

QJsonObject ElementCodec::encodeFrame(const DataFrame& frame, BufferTable* buffers) {
    return frameJson(frame, buffers);
}

std::shared_ptr<const DataFrame> ElementCodec::decodeFrame(const QJsonObject& json,
                                                           const BufferTable* buffers,
                                                           QString* error) {
    QString ignored;
    return frameFrom(json, buffers, error ? error : &ignored);
}

ElementPtr ElementCodec::decode(const QJsonObject& json, const BufferTable* buffers,
                                QString* error) {
    QString ignored;
    QString& why = error ? *error : ignored;
    const auto kind = kindFromName(json.value(kKind).toString());
    if (!kind) {
        why = QStringLiteral("unknown element kind '%1'").arg(json.value(kKind).toString());
        return nullptr;
    }
    const KindSpec& spec = kindSpec(*kind);
    auto element = std::make_shared<Element>();
    element->kind = *kind;
    element->id = json.value(kId).toString();
    const QJsonObject props = json.value(kProps).toObject();
    const bool integer = props.value(prop::integer).toBool();
    for (auto it = props.begin(); it != props.end(); ++it) {
        const PropSpec* p = spec.findProp(it.key());
        if (!p) {
            why = QStringLiteral("%1 has no prop '%2'").arg(spec.name, it.key());
            return nullptr;
        }
        const QVariant v = decodeProp(*it, p->type, integer);
        if (!v.isValid()) {
            why = QStringLiteral("%1.%2 is not a valid %3")
                      .arg(spec.name, it.key(), propTypeName(p->type));
            return nullptr;
        }
        element->props.insert(it.key(), v);
    }
    if (json.contains(kData)) {
        if (!spec.hasFrame) {
            why = QStringLiteral("%1 carries no data").arg(spec.name);
            return nullptr;
        }
        element->frame = frameFrom(json.value(kData).toObject(), buffers, &why);
        if (!element->frame) return nullptr;
    }
    if (json.contains(kBytes)) {
        const auto bytes = bytesFrom(json.value(kBytes).toObject(), buffers, &why);
        if (!bytes || !spec.hasBytes) {
            if (bytes) why = QStringLiteral("%1 carries no bytes").arg(spec.name);
            return nullptr;
        }
        element->blob = *bytes;
    }
    if (const QString problem = schemaProblem(*element); !problem.isEmpty()) {
        why = problem;
        return nullptr;
    }
    return element;
}

}  // namespace tessera
