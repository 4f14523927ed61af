// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>
#include <tessera/export.h>

#include <QString>
#include <QVector>

namespace tessera {

/// Names of element props. Everything that writes or reads a prop (Ui, the renderers,
/// AppTest, the codec) uses these, never a string literal.
namespace prop {
///@{
/// A prop's name, as elements and the protocol spell it; elementSchema() says which kinds
/// have it, with which type.
inline const QString text = QStringLiteral("text");
inline const QString language = QStringLiteral("language");
inline const QString label = QStringLiteral("label");
inline const QString value = QStringLiteral("value");
inline const QString delta = QStringLiteral("delta");
inline const QString type = QStringLiteral("type");
inline const QString x = QStringLiteral("x");
inline const QString y = QStringLiteral("y");
inline const QString title = QStringLiteral("title");
inline const QString xLabel = QStringLiteral("xLabel");
inline const QString yLabel = QStringLiteral("yLabel");
inline const QString height = QStringLiteral("height");
inline const QString rows = QStringLiteral("rows");
inline const QString caption = QStringLiteral("caption");
inline const QString width = QStringLiteral("width");
inline const QString min = QStringLiteral("min");
inline const QString max = QStringLiteral("max");
inline const QString step = QStringLiteral("step");
inline const QString integer = QStringLiteral("integer");
inline const QString options = QStringLiteral("options");
inline const QString key = QStringLiteral("key");
inline const QString help = QStringLiteral("help");
inline const QString disabled = QStringLiteral("disabled");
inline const QString count = QStringLiteral("count");
inline const QString weight = QStringLiteral("weight");
inline const QString labels = QStringLiteral("labels");
inline const QString expanded = QStringLiteral("expanded");
inline const QString id = QStringLiteral("id");
inline const QString parallel = QStringLiteral("parallel");
inline const QString clearOnSubmit = QStringLiteral("clearOnSubmit");
inline const QString border = QStringLiteral("border");
inline const QString icon = QStringLiteral("icon");
inline const QString state = QStringLiteral("state");
inline const QString role = QStringLiteral("role");
inline const QString avatar = QStringLiteral("avatar");
inline const QString fileName = QStringLiteral("fileName");
inline const QString mime = QStringLiteral("mime");
inline const QString types = QStringLiteral("types");
inline const QString maxBytes = QStringLiteral("maxBytes");
inline const QString multiple = QStringLiteral("multiple");
inline const QString deferred = QStringLiteral("deferred");
inline const QString columns = QStringLiteral("columns");
inline const QString addRows = QStringLiteral("addRows");
inline const QString deleteRows = QStringLiteral("deleteRows");
inline const QString selectionMode = QStringLiteral("selectionMode");
inline const QString spec = QStringLiteral("spec");
///@}
}  // namespace prop

/// The type of a prop's value, and so of its JSON form (docs/protocol.md).
enum class PropType {
    String,      ///< JSON string
    Int,         ///< JSON integer (32 bit)
    Count,       ///< JSON integer (64 bit): row counts
    Double,      ///< JSON number
    Number,      ///< JSON number: an integer when the element's `integer` prop is true
    Bool,        ///< JSON true / false
    StringList,  ///< JSON array of strings
    IntPair,     ///< JSON array of two integers
    Date,        ///< JSON string YYYY-MM-DD
    Json,        ///< a JSON object or array (data editor edits, selections, column specs)
};

/// One prop of a kind: its name (a prop:: constant) and the type of its value.
struct PropSpec {
    QString name;   ///< the prop's name
    PropType type;  ///< the type of its value
};

/// One row of the element schema: a kind, its wire name, family, props, and whether it
/// carries a data frame (charts, tables) or encoded bytes (images).
struct KindSpec {
    ElementKind kind;         ///< the kind
    QString name;             ///< its name on the wire and in AppTest ("line_chart")
    Family family;            ///< text, data, status, widget or block
    QVector<PropSpec> props;  ///< the props it may have
    bool hasFrame = false;    ///< carries a data frame
    bool hasBytes = false;    ///< carries encoded bytes

    /// The prop `propName` of this kind, or nullptr when the kind has no such prop.
    TESSERA_CORE_EXPORT const PropSpec* findProp(const QString& propName) const;
};

/// Every element kind, in ElementKind order.
TESSERA_CORE_EXPORT const QVector<KindSpec>& elementSchema();
TESSERA_CORE_EXPORT const KindSpec& kindSpec(ElementKind kind);
TESSERA_CORE_EXPORT QString propTypeName(PropType type);

/// Why `element` does not follow its row of the schema (a prop it should not have, or of
/// the wrong type); empty when it does.
TESSERA_CORE_EXPORT QString schemaProblem(const Element& element);

/// Why the file uploader `uploader` (its props: types, maxBytes) refuses a file `name` of
/// `size` bytes, or an empty string when it takes it. Every viewer and the session ask this.
TESSERA_CORE_EXPORT QString fileUploadProblem(const QVariantMap& uploader, const QString& name,
                                              qint64 size);

}  // namespace tessera
