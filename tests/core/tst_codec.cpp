// SPDX-License-Identifier: GPL-3.0-or-later
// The element schema and the codec: every kind survives Element -> JSON -> Element with its
// data, malformed JSON is refused with a reason, and docs/protocol.md lists the same schema.
#include <tessera/host/codec.h>
#include <tessera/host/session.h>
#include <tessera/schema.h>
#include <tessera/testing/apptest.h>

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>

using namespace tessera;

namespace {

QVariant sampleValue(PropType type, bool integer, int seed) {
    switch (type) {
        case PropType::String:
            return QStringLiteral("«%1» <b>&amp;</b> \"quoted\"\n").arg(seed);
        case PropType::Int:
            return -7 + seed;
        case PropType::Count:
            return qlonglong(5'000'000'000LL + seed);
        case PropType::Double:
            return 0.1 + seed;
        case PropType::Number:
            return integer ? QVariant(3 + seed) : QVariant(0.25 + seed);
        case PropType::Bool:
            return seed % 2 == 0;
        case PropType::StringList:
            return QStringList{QStringLiteral("a"), QStringLiteral("ünï"), QString()};
        case PropType::IntPair:
            return QVariantList{2 + seed, 9 + seed};
        case PropType::Date:
            return QDate(2026, 11, 23).addDays(seed);
        case PropType::Json:
            return QVariantMap{
                {QStringLiteral("a"), QVariantList{QStringLiteral("x"), 2.5, true}},
                {QStringLiteral("ü"), QVariantMap{{QStringLiteral("c"), -0.5 - seed}}}};
    }
    return {};
}

/// An element of `spec`'s kind with every prop set, data with awkward numbers, and bytes.
ElementPtr sample(const KindSpec& spec) {
    auto e = std::make_shared<Element>();
    e->kind = spec.kind;
    const bool integer = spec.kind == ElementKind::Slider;
    int seed = 0;
    for (const PropSpec& p : spec.props)
        e->props.insert(p.name, p.name == prop::integer ? QVariant(integer)
                                                        : sampleValue(p.type, integer, ++seed));
    if (spec.family == Family::Widget || spec.findProp(prop::selectionMode))
        e->id = spec.name + QStringLiteral("-0123456789abcdef");
    if (spec.hasFrame) {
        DataFrame frame;
        frame.add(QStringLiteral("x"), std::vector<double>{0, -0.0, 1e-300, 1e300, 3.5});
        frame.add(QStringLiteral("y"),
                  std::vector<double>{std::numeric_limits<double>::quiet_NaN(),
                                      std::numeric_limits<double>::infinity(), -1, 2, 3});
        frame.add(QStringLiteral("label"), QStringList{"a", "b", "", "ü", "<i>e</i>"});
        e->frame = std::make_shared<const DataFrame>(frame);
    }
    if (spec.hasBytes) e->blob = QByteArray("\x89PNG\r\n\x1a\n\0\xff binary", 17);
    return e;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

/// Equal in everything, data and prop types included.
QString difference(const Element& a, const Element& b) {
    if (a.kind != b.kind) return QStringLiteral("kind");
    if (a.id != b.id) return QStringLiteral("id");
    if (a.props.keys() != b.props.keys()) return QStringLiteral("prop names");
    for (auto it = a.props.cbegin(); it != a.props.cend(); ++it) {
        const QVariant& other = b.props.value(it.key());
        if (it.value().typeId() != other.typeId() || it.value() != other)
            return QStringLiteral("prop %1: %2 vs %3")
                .arg(it.key(), it.value().toString(), other.toString());
    }
    if (a.blob != b.blob) return QStringLiteral("bytes");
    if (bool(a.frame) != bool(b.frame)) return QStringLiteral("data presence");
    if (!a.frame) return {};
    if (a.frame->columnCount() != b.frame->columnCount()) return QStringLiteral("columns");
    for (int i = 0; i < a.frame->columnCount(); ++i) {
        const Column& x = a.frame->columns()[i];
        const Column& y = b.frame->columns()[i];
        if (x.name() != y.name() || x.isNumeric() != y.isNumeric())
            return QStringLiteral("column %1").arg(i);
        if (x.isNumeric() ? !sameBits(x.numbers(), y.numbers()) : x.text() != y.text())
            return QStringLiteral("column %1 values").arg(x.name());
    }
    return {};
}

/// The schema as docs/protocol.md writes it: one line per kind.
QStringList schemaLines() {
    QStringList lines;
    for (const KindSpec& spec : elementSchema()) {
        QStringList props;
        for (const PropSpec& p : spec.props)
            props << QStringLiteral("`%1`: %2").arg(p.name, propTypeName(p.type));
        QStringList carries;
        if (spec.hasFrame) carries << QStringLiteral("data");
        if (spec.hasBytes) carries << QStringLiteral("bytes");
        lines << QStringLiteral("| `%1` | %2 | %3 | %4 |")
                     .arg(spec.name, enumName(spec.family), props.join(QStringLiteral(", ")),
                          carries.join(QStringLiteral(", ")));
    }
    return lines;
}

}  // namespace

class TestCodec : public QObject {
    Q_OBJECT
private slots:
    void theSchemaHasOneRowPerKindInTheEnumsOrder() {
        // kindSpec() looks a kind's row up by its value: a row out of place would give a kind
        // another kind's name and props.
        const auto& schema = elementSchema();
        for (qsizetype i = 0; i < schema.size(); ++i) QCOMPARE(int(schema[i].kind), int(i));
        QCOMPARE(kindSpec(ElementKind::ChatMessage).name, QStringLiteral("chat_message"));
        QCOMPARE(kindSpec(ElementKind::Chart).name, QStringLiteral("chart"));
        QCOMPARE(schema.size(), qsizetype(ElementKind::Chart) + 1);
    }

    void everyKindRoundTrips_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("referenced");
        for (const KindSpec& spec : elementSchema()) {
            QTest::newRow(qPrintable(spec.name + QStringLiteral(" inline")))
                << int(spec.kind) << false;
            QTest::newRow(qPrintable(spec.name + QStringLiteral(" buffers")))
                << int(spec.kind) << true;
        }
    }
    void everyKindRoundTrips() {
        QFETCH(int, kind);
        QFETCH(bool, referenced);
        const ElementPtr original = sample(kindSpec(ElementKind(kind)));
        QCOMPARE(schemaProblem(*original), QString());
        BufferTable sent;
        QJsonObject json = ElementCodec::encode(*original, referenced ? &sent : nullptr);
        // Through text, as it travels.
        json = QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
        BufferTable received;
        for (const auto& buffer : sent.takeNew()) received.insert(buffer.id, buffer.bytes);
        QString error;
        const ElementPtr decoded = ElementCodec::decode(json, &received, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(difference(*original, *decoded), QString());
    }

    void aBufferIsSentOncePerTable() {
        const ElementPtr chart = sample(kindSpec(ElementKind::LineChart));
        BufferTable table;
        const QJsonObject first = ElementCodec::encode(*chart, &table);
        QCOMPARE(table.takeNew().size(), 2);  // x and y; text travels in the JSON
        const QJsonObject again = ElementCodec::encode(*chart, &table);
        QCOMPARE(table.takeNew().size(), 0);
        QCOMPARE(again, first);
    }

    void everythingADashboardShowsRoundTrips() {
        testing::AppTest at([](Ui& ui) {
            DataFrame f;
            f.add(QStringLiteral("x"), std::vector<double>{0, 1, 2})
                .add(QStringLiteral("y"), std::vector<double>{1, 4, 2});
            ui.title("t");
            ui.metric("m", "1", "+1");
            ui.lineChart(f, {.x = "x", .title = "chart"});
            ui.dataframe(f);
            ui.image(QByteArray("bytes"), "caption", 20);
            ui.progress(40, "p");
            ui.slider("si", 0, 10, 1);
            ui.slider("sd", 0.0, 1.0, 0.5);
            ui.rangeSlider("r", 0, 10, {2, 3});
            ui.multiselect("ms", {"a", "b"}, {"a"});
            ui.numberInput("n", 1);
            ui.dateInput("d", QDate(2026, 1, 1));
            ui.colorPicker("c");
            ui.form("f", {.clearOnSubmit = true, .border = false}).formSubmitButton("go");
            ui.toast("t", "i");
            ui.popover("p").text("in popover");
            ui.status("s", true).update("done", StatusState::Error);
            ui.dialog("d", [](Ui& d) { d.text("in dialog"); });
            ui.chatMessage("assistant").text("in message");
            ui.chatInput("say");
            ui.downloadButton("save", QByteArray("\x00\x01 bytes", 8), "data.bin");
            ui.tabs({"A", "B"})[0].checkbox("in tab", true, {.help = "h", .disabled = true});
        });
        QVERIFY(at.run());
        const auto all = at.elements();
        QVERIFY(all.size() > 10);
        for (const auto& view : all) {
            const Element& e = *view.element();
            QCOMPARE(schemaProblem(e), QString());
            QString error;
            const ElementPtr decoded =
                ElementCodec::decode(ElementCodec::encode(e), nullptr, &error);
            QVERIFY2(decoded, qPrintable(error));
            QCOMPARE(difference(e, *decoded), QString());
        }
    }

    /// Every column type comes back as it went: type, exact integers, missing rows, time
    /// zone, category labels, inline and through a buffer table.
    void everyColumnTypeRoundTrips() {
        const qint64 big = (qint64(1) << 62) + 7;  // no double holds it
        DataFrame frame;
        frame.add(QStringLiteral("f"), std::vector<double>{1.5, std::nan("")})
            .add(QStringLiteral("s"), QStringList{QStringLiteral("a"), QStringLiteral("b")})
            .add(Column::int64s(QStringLiteral("i"), {big, -1}, {false, true}))
            .add(Column::bools(QStringLiteral("b"), {true, false}))
            .add(Column::timestamps(QStringLiteral("t"), std::vector<qint64>{1'700'000'000'123, 0},
                                    {false, true}, QStringLiteral("America/New_York")))
            .add(Column::categories(QStringLiteral("c"), {QStringLiteral("x"), QStringLiteral("y")},
                                    {false, true}));
        for (bool table : {false, true}) {
            BufferTable buffers;
            const QJsonObject json = ElementCodec::encodeFrame(frame, table ? &buffers : nullptr);
            // What every reader knows is still there: f64 numbers and text.
            const QJsonArray columns = json.value(QStringLiteral("columns")).toArray();
            QCOMPARE(columns.at(2).toObject().value(QStringLiteral("type")).toString(),
                     QStringLiteral("f64"));
            QCOMPARE(columns.at(2).toObject().value(QStringLiteral("logical")).toString(),
                     QStringLiteral("i64"));
            QCOMPARE(columns.at(5).toObject().value(QStringLiteral("type")).toString(),
                     QStringLiteral("text"));
            BufferTable received;  // the other end, which gets the buffers beside the JSON
            for (const auto& buffer : buffers.takeNew()) received.insert(buffer.id, buffer.bytes);
            QString error;
            const auto decoded =
                ElementCodec::decodeFrame(json, table ? &received : nullptr, &error);
            QVERIFY2(decoded, qPrintable(error));
            QVERIFY(decoded->sameValues(frame));
            const Column* i = decoded->column(QStringLiteral("i"));
            QCOMPARE(i->type(), ColumnType::Int64);
            QCOMPARE(i->integer(0), big);
            QVERIFY(i->isMissing(1));
            QCOMPARE(decoded->column(QStringLiteral("t"))->timeZone(),
                     QStringLiteral("America/New_York"));
            QCOMPARE(decoded->column(QStringLiteral("b"))->type(), ColumnType::Bool);
            QCOMPARE(decoded->column(QStringLiteral("c"))->categoryCode(1), -1);
            QCOMPARE(decoded->column(QStringLiteral("s"))->type(), ColumnType::Text);
        }
    }

    void malformedJsonIsRefusedWithAReason_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown kind")
            << QByteArray(R"({"kind":"rocket","props":{}})") << "unknown element kind";
        QTest::newRow("unknown prop")
            << QByteArray(R"({"kind":"title","props":{"onclick":"x"}})") << "has no prop";
        QTest::newRow("wrong type")
            << QByteArray(R"({"kind":"title","props":{"text":5}})") << "not a valid string";
        QTest::newRow("fraction for int")
            << QByteArray(R"({"kind":"skeleton","props":{"height":1.5}})") << "not a valid int";
        QTest::newRow("bad date")
            << QByteArray(R"({"kind":"date_input","id":"d","props":{"value":"2026-13-40"}})")
            << "not a valid date";
        QTest::newRow("widget without id")
            << QByteArray(R"({"kind":"checkbox","props":{"value":true}})")
            << "only they, have an id";
        QTest::newRow("data on text")
            << QByteArray(R"({"kind":"title","props":{},"data":{"columns":[]}})")
            << "carries no data";
        QTest::newRow("bad base64")
            << QByteArray(
                   R"({"kind":"table","props":{},"data":{"columns":[{"name":"x","type":"f64","base64":"***"}]}})")
            << "invalid base64";
        QTest::newRow("short buffer")
            << QByteArray(
                   R"({"kind":"table","props":{},"data":{"columns":[{"name":"x","type":"f64","base64":"AAAA"}]}})")
            << "not a float64 buffer";
        QTest::newRow("unknown logical type")
            << QByteArray(
                   R"({"kind":"table","props":{},"data":{"columns":[{"name":"x","type":"f64","base64":"","logical":"u128"}]}})")
            << "no known logical type";
        QTest::newRow("short ints")
            << QByteArray(
                   R"({"kind":"table","props":{},"data":{"columns":[{"name":"x","type":"f64","base64":"","logical":"i64","ints":{"base64":"AAAA"}}]}})")
            << "not int64";
        QTest::newRow("missing flags of another length")
            << QByteArray(
                   R"({"kind":"table","props":{},"data":{"columns":[{"name":"x","type":"text","values":["a"],"logical":"cat","missing":{"base64":"AAA="}}]}})")
            << "2 missing flags for 1 rows";
        QTest::newRow("missing buffer")
            << QByteArray(
                   R"({"kind":"table","props":{},"data":{"columns":[{"name":"x","type":"f64","buffer":"b9"}]}})")
            << "unknown buffer";
    }
    void malformedJsonIsRefusedWithAReason() {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!ElementCodec::decode(QJsonDocument::fromJson(json).object(), nullptr, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void pageJsonCarriesTheData() {
        testing::AppTest at([](Ui& ui) {
            DataFrame f;
            f.add(QStringLiteral("v"), std::vector<double>{1.5, 2.5});
            ui.container().lineChart(f);
        });
        QVERIFY(at.run());
        const QJsonObject chart = at.session()
                                      .page()
                                      .toJson()
                                      .value(QStringLiteral("main"))
                                      .toArray()[0]
                                      .toObject()
                                      .value(QStringLiteral("children"))
                                      .toArray()[0]
                                      .toObject();
        QString error;
        const ElementPtr decoded = ElementCodec::decode(chart, nullptr, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->frame->column(QStringLiteral("v"))->numbers(),
                 (std::vector<double>{1.5, 2.5}));
        QCOMPARE(chart.value(QStringLiteral("path")).toString(), QStringLiteral("0.0.0"));
    }

    void protocolDocumentListsTheSchema() {
        QFile doc(QStringLiteral(PROTOCOL_MD));
        QVERIFY2(doc.open(QIODevice::ReadOnly), PROTOCOL_MD);
        QStringList documented;
        static const QRegularExpression row(QStringLiteral("^\\| `[a-z_]+` \\|"));
        bool inKinds = false;  // the rows of the "Element kinds" section only
        for (const QByteArray& line : doc.readAll().split('\n')) {
            if (line.startsWith("## ")) inKinds = line.trimmed() == "## Element kinds";
            if (inKinds && row.match(QString::fromUtf8(line)).hasMatch())
                documented << QString::fromUtf8(line).trimmed();
        }
        const QStringList expected = schemaLines();
        if (documented != expected) {
            qInfo().noquote()
                << "docs/protocol.md disagrees with the schema; its table should read:\n" +
                       expected.join(QLatin1Char('\n'));
            QFAIL("docs/protocol.md and the element schema disagree");
        }
    }
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
