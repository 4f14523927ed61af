// SPDX-License-Identifier: GPL-3.0-or-later
// Prints the element schema (core/src/page/schema.cpp) as TypeScript, for the viewer page:
// resources/web/src/schema.ts is this program's output. With a file argument it writes
// there instead of standard output.
#include <tessera/schema.h>

#include <QFile>
#include <QTextStream>

using namespace tessera;

namespace {

QString tsType(PropType type) {
    switch (type) {
        case PropType::String:
        case PropType::Date:
            return QStringLiteral("string");
        case PropType::Int:
        case PropType::Count:
        case PropType::Double:
        case PropType::Number:
            return QStringLiteral("number");
        case PropType::Bool:
            return QStringLiteral("boolean");
        case PropType::StringList:
            return QStringLiteral("string[]");
        case PropType::IntPair:
            return QStringLiteral("[number, number]");
        case PropType::Json:
            return QStringLiteral("JsonValue");
    }
    return QStringLiteral("never");
}

QString quoted(const QString& s) {
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

QString schemaTs() {
    QString out;
    QTextStream ts(&out);
    ts << "// SPDX-License-Identifier: GPL-3.0-or-later\n"
          "// Generated from the element schema (core/src/page/schema.cpp) by tessera-schema-ts:\n"
          "// do not edit. `cmake --build build --target update-web-schema` writes it again; the\n"
          "// web_schema_current test fails when it is stale.\n\n"
          "/// A JSON value, as a prop of type Json carries it.\n"
          "export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: "
          "string]: "
          "JsonValue };\n\n";
    ts << "/// Every element kind, in the core's order.\nexport const KINDS = [\n";
    for (const KindSpec& spec : elementSchema()) ts << "  " << quoted(spec.name) << ",\n";
    ts << "] as const;\n\nexport type Kind = (typeof KINDS)[number];\n\n";
    ts << "// The SDK's named enums (enums.h), by the names the protocol gives their values.\n";
    for (int e = 0; e < tessera::staticMetaObject.enumeratorCount(); ++e) {
        const QMetaEnum meta = tessera::staticMetaObject.enumerator(e);
        QStringList names;
        for (int i = 0; i < meta.keyCount(); ++i) names << quoted(detail::enumKeyName(meta.key(i)));
        ts << "export type " << meta.name() << " = " << names.join(QStringLiteral(" | ")) << ";\n";
    }
    ts << "\n";
    ts << "/// Each kind's family.\nexport const FAMILY: { readonly [K in Kind]: Family } = {\n";
    for (const KindSpec& spec : elementSchema())
        ts << "  " << spec.name << ": " << quoted(enumName(spec.family)) << ",\n";
    ts << "};\n\n";
    ts << "/// The kinds of each family.\n";
    for (Family f : {Family::Text, Family::Data, Family::Status, Family::Widget, Family::Block}) {
        QStringList kinds;
        for (const KindSpec& spec : elementSchema())
            if (spec.family == f) kinds << quoted(spec.name);
        QString name = enumName(f);
        name[0] = name[0].toUpper();
        ts << "export type " << name << "Kind = " << kinds.join(QStringLiteral(" | ")) << ";\n";
    }
    ts << "\n";
    ts << "/// The kinds that carry a data frame (`data`), and those that carry bytes (`bytes`).\n";
    QStringList frames, bytes;
    for (const KindSpec& spec : elementSchema()) {
        if (spec.hasFrame) frames << quoted(spec.name);
        if (spec.hasBytes) bytes << quoted(spec.name);
    }
    ts << "export type FrameKind = " << frames.join(QStringLiteral(" | ")) << ";\n";
    ts << "export type BytesKind = " << bytes.join(QStringLiteral(" | ")) << ";\n\n";
    ts << "/// Each kind's props, with their types; a prop the server leaves out has its default.\n"
          "export interface PropsOf {\n";
    for (const KindSpec& spec : elementSchema()) {
        if (spec.props.isEmpty()) {
            ts << "  " << spec.name << ": Record<string, never>;\n";
            continue;
        }
        ts << "  " << spec.name << ": {\n";
        for (const PropSpec& p : spec.props) {
            // Two string props take the values of an enum.
            const QString type = p.name == prop::selectionMode ? QStringLiteral("SelectionMode")
                                 : p.name == prop::state       ? QStringLiteral("StatusState")
                                                               : tsType(p.type);
            ts << "    " << p.name << "?: " << type << ";\n";
        }
        ts << "  };\n";
    }
    ts << "}\n";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const QString text = schemaTs();
    if (argc < 2) {
        QTextStream(stdout) << text;
        return 0;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream(stderr) << "cannot write " << file.fileName() << ": " << file.errorString()
                            << "\n";
        return 1;
    }
    file.write(text.toUtf8());
    return 0;
}
