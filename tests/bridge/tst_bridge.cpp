// SPDX-License-Identifier: GPL-3.0-or-later
// The bridge as a browser meets it: real WebSocket and HTTP clients on loopback.
#include "bridgeclient.h"
#include "hostileclients.h"

#include <tessera/bridge/bridge.h>
#include <tessera/cache.h>
#include <tessera/host/headlessrunner.h>
#include <tessera/host/plugincatalog.h>
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/schema.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>

using namespace tessera;
using namespace tessera::bridge;
using tessera::bridge::testing::BridgeClient;

namespace {

/// A quick dashboard with state: a slider, and a text that shows its value.
Dashboard counter() {
    return {QStringLiteral("counter"), QStringLiteral("Counter"), {}, [](Ui& ui) {
                ui.title(QStringLiteral("Counter"));
                const int n = ui.slider(QStringLiteral("n"), 0, 100, 5);
                ui.text(QStringLiteral("n is %1").arg(n));
            }};
}

/// Starts a bridge on a free loopback port and waits until it listens.
std::unique_ptr<Bridge> startBridge(QVector<Dashboard> dashboards, BridgeOptions options = {}) {
    options.address = QHostAddress::LocalHost;
    auto bridge = std::make_unique<Bridge>(std::move(dashboards), std::move(options));
    QSignalSpy listening(bridge.get(), &Bridge::listening);
    bridge->start();
    if (!listening.wait(10'000)) return nullptr;
    return bridge;
}

QString textOf(const BridgeClient& client) {
    return client.firstProp(QStringLiteral("text"), QStringLiteral("text"));
}

/// A page as --once --json prints it, without what a viewer is not told (the scope).
QJsonValue withoutScopes(QJsonValue value) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : value.toArray()) out.append(withoutScopes(v));
        return out;
    }
    if (!value.isObject()) return value;
    QJsonObject o = value.toObject();
    o.remove(QStringLiteral("scope"));
    for (auto it = o.begin(); it != o.end(); ++it) *it = withoutScopes(*it);
    return o;
}

int httpStatus(const QUrl& url, const QByteArray& origin = {}) {
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    if (!origin.isEmpty()) request.setRawHeader("Origin", origin);
    QNetworkReply* reply = manager.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10'000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

}  // namespace

class TestBridge : public QObject {
    Q_OBJECT
    PluginCatalog m_catalog;

private slots:
    void initTestCase() { m_catalog.scanDirs({QStringLiteral(TESSERA_BUILD_PLUGIN_DIR)}); }

    void snapshotOfTheGalleryIsTheOncePage_data() {
        QTest::addColumn<QString>("dashboard");
        for (const char* id : {"gallery", "gallery-charts", "gallery-grammar", "gallery-widgets",
                               "gallery-layout", "gallery-chat"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }
    void snapshotOfTheGalleryIsTheOncePage() {
        QFETCH(QString, dashboard);
        const auto found = m_catalog.find(dashboard);
        QVERIFY2(found, "the gallery plugin is built beside the tests");
        HeadlessRunner once(*found);
        QVERIFY(once.run(30'000));
        const QJsonValue expected = withoutScopes(once.report().value(QStringLiteral("page")));

        auto bridge = startBridge(m_catalog.dashboards());
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello({{QStringLiteral("dashboard"), dashboard}});
        QTRY_VERIFY_WITH_TIMEOUT(client.runsFinished() > 0 && !client.running(), 30'000);
        // A fresh connection gets it all as one snapshot, once the first has gone (a session
        // open in a connection is not handed to another).
        QSignalSpy counts(bridge.get(), &Bridge::countsChanged);
        client.close();
        QTRY_VERIFY(!counts.isEmpty() && counts.last().at(0).toInt() == 0);
        BridgeClient late;
        QVERIFY(late.open(bridge->url()));
        late.hello({{QStringLiteral("resume"), client.welcome().value(QStringLiteral("resume"))}});
        QTRY_COMPARE(late.snapshots(), 1);
        QVERIFY2(late.problem().isEmpty(), qPrintable(late.problem()));
        QCOMPARE(QJsonValue(late.page().toJson()), expected);
    }

    // A grammar chart over the bridge: a bad spec is an error element with its reason, the
    // rest of the page comes, typed columns decode, and rows added keep the chart's window.
    void grammarChartsTravelWithTheirReasonsAndTheirRows() {
        const auto frame = [](qint64 from, int count) {
            std::vector<qint64> t;
            QStringList kind;
            std::vector<double> v;
            for (int i = 0; i < count; ++i) {
                t.push_back((from + i) * 1000);
                kind << (i % 2 ? QStringLiteral("b") : QStringLiteral("a"));
                v.push_back(double(from + i));
            }
            return DataFrame()
                .add(Column::timestamps(QStringLiteral("t"), t, {}, QStringLiteral("Europe/Paris")))
                .add(Column::categories(QStringLiteral("k"), kind))
                .add(QStringLiteral("v"), v);
        };
        const Dashboard grammar{
            QStringLiteral("grammar"), QStringLiteral("Grammar"), {}, [&](Ui& ui) {
                ui.chart(frame(0, 4),
                         Chart(Layer(Mark::Line).x(QStringLiteral("t")).y(QStringLiteral("nope"))));
                const DataHandle h = ui.chart(frame(0, 4), Chart(Layer(Mark::Line)
                                                                     .x(QStringLiteral("t"))
                                                                     .y(QStringLiteral("v"))
                                                                     .color(QStringLiteral("k")))
                                                               .keepLastRows(5));
                h.addRows(frame(4, 3));
                ui.text(QStringLiteral("after"));
            }};
        auto bridge = startBridge({grammar});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_VERIFY_WITH_TIMEOUT(client.runsFinished() > 0 && !client.running(), 10'000);
        QVERIFY2(client.problem().isEmpty(), qPrintable(client.problem()));
        QCOMPARE(client.firstProp(QStringLiteral("error"), QStringLiteral("text")),
                 QStringLiteral("chart: y: no column 'nope' (the data has t, k, v)"));
        QCOMPARE(client.firstProp(QStringLiteral("text"), QStringLiteral("text")),
                 QStringLiteral("after"));
        const QVector<Path> charts = client.pathsOf(QStringLiteral("chart"));
        QCOMPARE(charts.size(), 1);
        const Element& chart = *client.page().node(charts.first())->element;
        QCOMPARE(chart.props.value(prop::rows).toInt(), 5);  // rows 2 to 6
        const Column* x = chart.frame->column(QStringLiteral("0.x"));
        QVERIFY(x);
        QCOMPARE(x->type(), ColumnType::Timestamp);  // the time column, passed through whole
        QCOMPARE(x->timeZone(), QStringLiteral("Europe/Paris"));
        QCOMPARE(x->integer(0), 2000);  // series a first: rows 2, 4, 6
        QCOMPARE(
            chart.props.value(prop::spec).toMap().value(QStringLiteral("labels")).toStringList(),
            (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    // What a user does: start the server from the command line and connect.
    void tesseraServeShowsGrowthInAboutTwoSeconds() {
        QProcess server;
        server.setProgram(QStringLiteral(TESSERA_EXECUTABLE));
        server.setArguments({QStringLiteral("--serve"), QStringLiteral("127.0.0.1:0"),
                             QStringLiteral("--plugin-dir"),
                             QStringLiteral(TESSERA_BUILD_PLUGIN_DIR), QStringLiteral("growth")});
        server.start();
        QVERIFY(server.waitForStarted());
        QUrl url;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QString out = QString::fromUtf8(server.peek(4096));
                const auto match = QRegularExpression(QStringLiteral("http://\\S+")).match(out);
                if (match.hasMatch()) url = QUrl(match.captured());
                return url.isValid();
            }(),
            20'000);
        BridgeClient client;
        QVERIFY(client.open(url));
        QElapsedTimer clock;
        clock.start();
        client.hello();
        QTRY_COMPARE_WITH_TIMEOUT(client.pathsOf(QStringLiteral("line_chart")).size(), 3, 20'000);
        qInfo("tessera --serve: three charts %lld ms after hello", clock.elapsed());
        QCOMPARE(client.welcome().value(QStringLiteral("dashboard")).toString(),
                 QStringLiteral("growth"));
        server.terminate();
        QVERIFY(server.waitForFinished());
    }

    void movingSlider2RerunsOnlyCharts2And3() {
        const auto growth = m_catalog.find(QStringLiteral("growth"));
        QVERIFY(growth);
        auto bridge = startBridge({*growth});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        QElapsedTimer clock;
        clock.start();
        client.hello();
        QTRY_COMPARE_WITH_TIMEOUT(client.pathsOf(QStringLiteral("line_chart")).size(), 3, 20'000);
        qInfo("three charts after %lld ms", clock.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(!client.running(), 10'000);
        const QVector<Path> fragments = client.pathsOf(QStringLiteral("fragment"));
        QCOMPARE(fragments.size(), 3);

        client.clearRecords();
        client.send(
            {{QStringLiteral("type"), QStringLiteral("widget")},
             {QStringLiteral("id"), client.widgetId(QStringLiteral("Pick a second number"))},
             {QStringLiteral("value"), 900}});
        QTRY_VERIFY_WITH_TIMEOUT(client.runsFinished() > 0 && !client.running(), 20'000);
        QVERIFY(client.errors().isEmpty());
        QVERIFY(!client.opPaths().isEmpty());
        auto under = [](const Path& path, const Path& prefix) {
            return path.size() > prefix.size() && path.first(prefix.size()) == prefix;
        };
        // Besides the charts, only the slider itself shows its new value.
        const QString slider2 = client.widgetId(QStringLiteral("Pick a second number"));
        Path sliderPath;
        for (const Path& p : client.pathsOf(QStringLiteral("slider")))
            if (client.page().node(p)->element->id == slider2) sliderPath = p;
        QCOMPARE(
            client.page().node(sliderPath)->element->props.value(QStringLiteral("value")).toInt(),
            900);
        QSet<int> touched;
        for (const Path& path : client.opPaths()) {
            if (path == sliderPath) continue;
            const int chart = int(std::find_if(fragments.begin(), fragments.end(),
                                               [&](const Path& f) { return under(path, f); }) -
                                  fragments.begin());
            QVERIFY2(chart == 1 || chart == 2,
                     qPrintable(
                         QStringLiteral("op outside charts 2 and 3: %1").arg(pathToString(path))));
            touched << chart;
        }
        QCOMPARE(touched, QSet<int>({1, 2}));
    }

    void twoConnectionsKeepTheirOwnState() {
        auto bridge = startBridge({counter()});
        QVERIFY(bridge);
        BridgeClient a, b;
        QVERIFY(a.open(bridge->url()));
        QVERIFY(b.open(bridge->url()));
        a.hello();
        b.hello();
        QTRY_COMPARE(textOf(a), QStringLiteral("n is 5"));
        QTRY_COMPARE(textOf(b), QStringLiteral("n is 5"));
        const QString slider = a.widgetId(QStringLiteral("n"));
        a.send({{QStringLiteral("type"), QStringLiteral("widget")},
                {QStringLiteral("id"), slider},
                {QStringLiteral("value"), 42}});
        b.send({{QStringLiteral("type"), QStringLiteral("widget")},
                {QStringLiteral("id"), slider},
                {QStringLiteral("value"), 7}});
        QTRY_COMPARE(textOf(a), QStringLiteral("n is 42"));
        QTRY_COMPARE(textOf(b), QStringLiteral("n is 7"));
        QVERIFY(a.welcome().value(QStringLiteral("resume")) !=
                b.welcome().value(QStringLiteral("resume")));
    }

    /// A client of protocol 1 (before groups had their name) is told which version this
    /// server speaks, and gets no session.
    void aClientOfAnotherProtocolIsRefusedClearly() {
        auto bridge = startBridge({counter()});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello({{QStringLiteral("protocol"), QJsonArray{1}}});
        QTRY_COMPARE(client.errors().size(), 1);
        QCOMPARE(client.errors()[0].value(QStringLiteral("code")).toString(),
                 QStringLiteral("version"));
        QVERIFY(client.errors()[0]
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("version 2")));
        QVERIFY(client.welcome().isEmpty());
        // The same connection may then say hello in a version they share.
        client.hello();
        QTRY_COMPARE(textOf(client), QStringLiteral("n is 5"));
    }

    void widgetValuesAreValidated() {
        auto bridge = startBridge({counter()});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_COMPARE(textOf(client), QStringLiteral("n is 5"));
        const QString slider = client.widgetId(QStringLiteral("n"));
        client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                     {QStringLiteral("id"), slider},
                     {QStringLiteral("value"), 1000},
                     {QStringLiteral("ref"), 7}});
        client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                     {QStringLiteral("id"), QStringLiteral("nope")},
                     {QStringLiteral("value"), 1}});
        QTRY_COMPARE(client.errors().size(), 2);
        QCOMPARE(client.errors()[0].value(QStringLiteral("code")).toString(),
                 QStringLiteral("bad-value"));
        QCOMPARE(client.errors()[0].value(QStringLiteral("ref")).toInt(), 7);
        QCOMPARE(textOf(client), QStringLiteral("n is 5"));
    }

    /// A data editor's edits and a dataframe's selection travel as objects; the session checks
    /// them as it checks any value, and an object nested too deep is refused at the door.
    void editsAndSelectionsTravelAsObjects() {
        const Dashboard prices{
            QStringLiteral("prices"), QStringLiteral("Prices"), {}, [](Ui& ui) {
                DataFrame df;
                df.add(QStringLiteral("price"), std::vector<double>{1, 2, 3});
                const DataFrame edited =
                    ui.dataEditor(df, {.label = QStringLiteral("Prices"),
                                       .columns = {{QStringLiteral("price"), {.min = 0}}}});
                const DataSelection picked =
                    ui.dataframe(df, {.selectionMode = SelectionMode::MultiRow,
                                      .key = QStringLiteral("pick")})
                        .selection();
                double sum = 0;
                for (double v : edited.column(QStringLiteral("price"))->numbers()) sum += v;
                ui.text(QStringLiteral("sum %1, %2 picked").arg(sum).arg(picked.rows.size()));
            }};
        auto bridge = startBridge({prices});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_COMPARE(textOf(client), QStringLiteral("sum 6, 0 picked"));
        const QString editor = client.widgetId(QStringLiteral("Prices"));
        const QString table =
            client.page().node(client.pathsOf(QStringLiteral("dataframe")).value(0))->element->id;
        QVERIFY(!editor.isEmpty() && !table.isEmpty());
        auto send = [&](const QString& id, const QByteArray& value, int ref) {
            client.sendRaw(R"({"type":"widget","id":")" + id.toUtf8() + R"(","ref":)" +
                           QByteArray::number(ref) + R"(,"value":)" + value + "}");
        };
        send(editor, R"({"edited":{"1":{"price":10}},"added":[],"deleted":[]})", 1);
        QTRY_COMPARE(textOf(client), QStringLiteral("sum 14, 0 picked"));
        send(table, R"({"rows":[0,2]})", 2);
        QTRY_COMPARE(textOf(client), QStringLiteral("sum 14, 2 picked"));

        send(editor, R"({"edited":{"0":{"price":-1}}})", 3);
        send(editor, R"({"edited":{"0":{"price":{"a":{"b":{"c":{"d":1}}}}}}})", 4);
        send(table, R"({"rows":[9]})", 5);
        QTRY_COMPARE(client.errors().size(), 3);
        QHash<int, QString> errors;
        for (const QJsonObject& e : client.errors()) {
            QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("bad-value"));
            errors.insert(e.value(QStringLiteral("ref")).toInt(),
                          e.value(QStringLiteral("message")).toString());
        }
        QVERIFY2(errors[3].contains(u"row 0, column 'price': -1 is below 0"),
                 qPrintable(errors[3]));
        QVERIFY2(errors[4].contains(u"an array or object of them"), qPrintable(errors[4]));
        QVERIFY2(errors[5].contains(u"row 9 is not one of the 3 rows"), qPrintable(errors[5]));
        QCOMPARE(textOf(client), QStringLiteral("sum 14, 2 picked"));
    }

    /// Widget messages for a form's widgets are held by the session (and echoed), not run:
    /// a rerun for another reason still sees the values last submitted; the submit button's
    /// message makes one run that sees them all.
    void aFormHoldsItsValuesUntilItsSubmitMessage() {
        const Dashboard order{QStringLiteral("order"), QStringLiteral("Order"), {}, [](Ui& ui) {
                                  ui.button(QStringLiteral("Refresh"));
                                  Ui form = ui.form(QStringLiteral("order"));
                                  const int n = form.slider(QStringLiteral("Cups"), 1, 9, 1);
                                  const QString who = form.textInput(QStringLiteral("Name"));
                                  form.formSubmitButton(QStringLiteral("Order"));
                                  ui.text(QStringLiteral("%1 for '%2'").arg(n).arg(who));
                              }};
        auto bridge = startBridge({order});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_COMPARE(textOf(client), QStringLiteral("1 for ''"));
        auto send = [&](const QString& label, const QJsonValue& value) {
            client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                         {QStringLiteral("id"), client.widgetId(label)},
                         {QStringLiteral("value"), value}});
        };
        auto shown = [&](const QString& kind) {
            return client.page()
                .node(client.pathsOf(kind).value(0))
                ->element->props.value(QStringLiteral("value"));
        };
        send(QStringLiteral("Cups"), 4);
        send(QStringLiteral("Name"), QStringLiteral("Ada"));
        QTRY_COMPARE(shown(QStringLiteral("text_input")).toString(), QStringLiteral("Ada"));
        QCOMPARE(shown(QStringLiteral("slider")).toInt(), 4);

        const int runs = client.runsFinished();
        send(QStringLiteral("Refresh"), true);
        QTRY_COMPARE(client.runsFinished(), runs + 1);
        QCOMPARE(textOf(client), QStringLiteral("1 for ''"));
        QCOMPARE(shown(QStringLiteral("text_input")).toString(), QStringLiteral("Ada"));

        send(QStringLiteral("Order"), true);
        QTRY_COMPARE(textOf(client), QStringLiteral("4 for 'Ada'"));
        QTRY_COMPARE(client.runsFinished(), runs + 2);
    }

    void theMirrorFollowsTheWindowAndRefusesInput() {
        // The window's session, in this (the GUI) thread. On the heap: the runs' threads read
        // it, and a stack address used before by uninstrumented Qt code would look like a race
        // to ThreadSanitizer.
        auto windowSession = std::make_unique<LocalSessionHandle>();
        Session& window = windowSession->session();
        auto generation = std::make_shared<std::atomic<int>>(0);  // written here, read by runs
        window.setDashboard({QStringLiteral("w"), {}, {}, [generation](Ui& ui) {
                                 ui.text(QStringLiteral("generation %1").arg(generation->load()));
                             }});
        QTRY_VERIFY(window.isIdle());
        BridgeOptions options;
        auto bridge = std::make_unique<Bridge>(QVector<Dashboard>{counter()}, options);
        bridge->setMirrorSource(windowSession.get());
        QSignalSpy listening(bridge.get(), &Bridge::listening);
        bridge->start();
        QVERIFY(listening.wait());

        BridgeClient mirror;
        QVERIFY(mirror.open(bridge->url()));
        mirror.hello({{QStringLiteral("mirror"), true}});
        QTRY_COMPARE(textOf(mirror), QStringLiteral("generation 0"));
        QVERIFY(mirror.welcome().value(QStringLiteral("mirror")).toBool());
        generation->store(1);
        window.rerun();
        QTRY_COMPARE(textOf(mirror), QStringLiteral("generation 1"));
        QCOMPARE(QJsonValue(mirror.page().toJson()), withoutScopes(window.page().toJson()));

        mirror.send({{QStringLiteral("type"), QStringLiteral("rerun")}});
        mirror.send({{QStringLiteral("type"), QStringLiteral("widget")},
                     {QStringLiteral("id"), QStringLiteral("x")},
                     {QStringLiteral("value"), 1}});
        QTRY_COMPARE(mirror.errors().size(), 2);
        for (const QJsonObject& e : mirror.errors())
            QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("read-only"));
        QCOMPARE(window.runsStarted(), 2);
        bridge.reset();  // before the window's session, as the window does
    }

    void resumeKeepsStateWithinTheTtlOnly() {
        BridgeOptions options;
        options.resumeTtlSeconds = 1;
        auto bridge = startBridge({counter()}, options);
        QVERIFY(bridge);
        QSignalSpy counts(bridge.get(), &Bridge::countsChanged);
        QString token;
        {
            BridgeClient first;
            QVERIFY(first.open(bridge->url()));
            first.hello();
            QTRY_COMPARE(textOf(first), QStringLiteral("n is 5"));
            first.send({{QStringLiteral("type"), QStringLiteral("widget")},
                        {QStringLiteral("id"), first.widgetId(QStringLiteral("n"))},
                        {QStringLiteral("value"), 64}});
            QTRY_COMPARE(textOf(first), QStringLiteral("n is 64"));
            token = first.welcome().value(QStringLiteral("resume")).toString();
        }  // the connection drops
        BridgeClient second;
        QVERIFY(second.open(bridge->url()));
        second.hello({{QStringLiteral("resume"), token}});
        QTRY_VERIFY(!second.welcome().isEmpty());
        QVERIFY(second.welcome().value(QStringLiteral("resumed")).toBool());
        QTRY_COMPARE(textOf(second), QStringLiteral("n is 64"));
        // Every resume gives the session a new token.
        QVERIFY(second.welcome().value(QStringLiteral("resume")).toString() != token);
        token = second.welcome().value(QStringLiteral("resume")).toString();
        second.close();

        // After the TTL the session ends; the token then opens a new one.
        QTRY_VERIFY_WITH_TIMEOUT(!counts.isEmpty() && counts.last().at(1).toInt() == 0, 10'000);
        BridgeClient third;
        QVERIFY(third.open(bridge->url()));
        third.hello({{QStringLiteral("resume"), token}});
        QTRY_VERIFY(!third.welcome().isEmpty());
        QVERIFY(!third.welcome().value(QStringLiteral("resumed")).toBool());
        QTRY_COMPARE(textOf(third), QStringLiteral("n is 5"));
    }

    void aSilentConnectionLosesItsSessionToAResume() {
        BridgeOptions options;
        options.pingIntervalSeconds = 1;  // silent for two intervals: gone
        auto bridge = startBridge({counter()}, options);
        QVERIFY(bridge);
        // A client that never answers pings, as a browser whose network went away.
        tessera::bridge::testing::RawWebSocket owner;
        QVERIFY(owner.open(quint16(bridge->url().port())));
        owner.sendText(tessera::bridge::testing::helloMessage());
        const QString token = QJsonDocument::fromJson(owner.waitForText("\"welcome\""))
                                  .object()
                                  .value(QStringLiteral("resume"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        QElapsedTimer clock;
        clock.start();
        bool refusedWhileHeard = false, resumed = false;
        while (!resumed && clock.elapsed() < 10'000) {
            BridgeClient back;
            QVERIFY(back.open(bridge->url()));
            back.hello({{QStringLiteral("resume"), token}});
            QTRY_VERIFY(!back.welcome().isEmpty() || !back.errors().isEmpty());
            if (!back.errors().isEmpty()) {
                QCOMPARE(back.errors().first().value(QStringLiteral("code")).toString(),
                         QStringLiteral("session-in-use"));
                refusedWhileHeard = true;
                QTest::qWait(200);  // the next try, as the page's backoff would
            }
            resumed = back.welcome().value(QStringLiteral("resumed")).toBool();
        }
        qInfo("taken over %lld ms after the owner last spoke", clock.elapsed());
        QVERIFY(refusedWhileHeard);
        QVERIFY(resumed);
        QTRY_VERIFY(!owner.connected());
    }

    void clearingEveryonesCachesNeedsThePermission_data() {
        QTest::addColumn<bool>("allowed");
        QTest::newRow("by default") << false;
        QTest::newRow("--allow-clear-cache") << true;
    }
    void clearingEveryonesCachesNeedsThePermission() {
        QFETCH(bool, allowed);
        static std::atomic<int> computed{0};
        computed = 0;
        const QString key = QStringLiteral("computed-once-%1").arg(allowed);
        const Dashboard cached{
            QStringLiteral("cached"), QStringLiteral("Cached"), {}, [key](Ui& ui) {
                const int value = cacheData<int>(key, [] { return ++computed; });
                ui.text(QStringLiteral("value %1").arg(value));
            }};
        BridgeOptions options;
        options.allowClearCache = allowed;
        auto bridge = startBridge({cached}, options);
        QVERIFY(bridge);
        BridgeClient first, clearer;
        QVERIFY(first.open(bridge->url()));
        first.hello();
        QTRY_COMPARE(textOf(first), QStringLiteral("value 1"));
        QVERIFY(clearer.open(bridge->url()));
        clearer.hello();
        QTRY_VERIFY(!clearer.welcome().isEmpty());
        QCOMPARE(clearer.welcome()
                     .value(QStringLiteral("processActions"))
                     .toArray()
                     .contains(QStringLiteral("clearCache")),
                 allowed);
        clearer.send(
            {{QStringLiteral("type"), QStringLiteral("clearCache")}, {QStringLiteral("ref"), 9}});
        clearer.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QTRY_COMPARE(clearer.pongs(), 1);  // the clearCache before it is handled
        if (!allowed) {
            QCOMPARE(clearer.errors().size(), 1);
            QCOMPARE(clearer.errors().first().value(QStringLiteral("code")).toString(),
                     QStringLiteral("forbidden"));
        } else {
            QVERIFY(clearer.errors().isEmpty());
        }
        // Another session's run: still a hit when refused, computed again when allowed.
        BridgeClient other;
        QVERIFY(other.open(bridge->url()));
        other.hello();
        QTRY_COMPARE(textOf(other),
                     allowed ? QStringLiteral("value 2") : QStringLiteral("value 1"));
        QCOMPARE(computed.load(), allowed ? 2 : 1);
    }

    void buffersAreNumberedPerConnection() {
        // docs/protocol.md, "Frames": after a resume the buffers come again, numbered afresh,
        // between welcome and snapshot.
        const Dashboard chart{
            QStringLiteral("chart"), QStringLiteral("Chart"), {}, [](Ui& ui) {
                ui.lineChart(DataFrame().add(QStringLiteral("y"), std::vector<double>{1, 2, 3}));
            }};
        auto bridge = startBridge({chart});
        QVERIFY(bridge);
        const quint16 port = quint16(bridge->url().port());
        QString token;
        QByteArray first;
        {
            tessera::bridge::testing::RawWebSocket client;
            QVERIFY(client.open(port));
            client.sendText(tessera::bridge::testing::helloMessage());
            QVERIFY(!client.waitForText("\"groupFinished\"", 10'000).isEmpty());
            first = client.received();
            token = QJsonDocument::fromJson(first.left(first.indexOf('\n')))
                        .object()
                        .value(QStringLiteral("resume"))
                        .toString();
        }
        QSignalSpy counts(bridge.get(), &Bridge::countsChanged);
        QTRY_VERIFY(!counts.isEmpty() && counts.last().at(0).toInt() == 0);
        tessera::bridge::testing::RawWebSocket back;
        QVERIFY(back.open(port));
        back.sendText(
            tessera::bridge::testing::helloMessage("\"resume\":\"" + token.toLatin1() + "\""));
        QVERIFY(!back.waitForText("\"snapshot\"").isEmpty());
        const QList<QByteArray> lines = back.received().split('\n');
        QVERIFY2(lines[0].contains("\"resumed\":true"), back.received().left(300).constData());
        qsizetype at = 1;
        QStringList ids;
        while (lines[at].startsWith("#buffer ")) ids << QString::fromLatin1(lines[at++].mid(8));
        QVERIFY2(lines[at].contains("\"type\":\"snapshot\""), lines[at].constData());
        QVERIFY(!ids.isEmpty());
        // The same ids as the first connection's: a client keeps no store across connections.
        for (const QString& id : ids)
            QVERIFY2(first.contains("#buffer " + id.toLatin1()), qPrintable(id));
    }

    void aTokenIsRequiredForThePageAndTheSocket() {
        BridgeOptions options;
        options.token = QStringLiteral("s3cret-token");
        auto bridge = startBridge({counter()}, options);
        QVERIFY(bridge);
        QVERIFY(bridge->url().query().contains(QStringLiteral("token=s3cret-token")));
        QUrl bare = bridge->url();
        bare.setQuery(QString());
        QCOMPARE(httpStatus(bare), 401);
        QUrl wrong = bare;
        wrong.setQuery(QStringLiteral("token=s3cret-tokem"));
        QCOMPARE(httpStatus(wrong), 401);
        QCOMPARE(httpStatus(bridge->url()), 200);

        BridgeClient noToken, wrongToken, rightToken;
        QVERIFY(!noToken.open(bare));
        QVERIFY(!wrongToken.open(bare, QStringLiteral("s3cret-tokem")));
        QVERIFY(rightToken.open(bare, options.token));
    }

    void anyOtherAddressNeedsAToken() {
        BridgeOptions options;
        options.address = QHostAddress::AnyIPv4;  // not started: tests listen on loopback only
        Bridge generated({counter()}, options);
        QVERIFY(generated.options().token.size() >= 32);
        options.token = QStringLiteral("given");
        Bridge given({counter()}, options);
        QCOMPARE(given.options().token, QStringLiteral("given"));
        Bridge loopback({counter()}, BridgeOptions{});
        QVERIFY(loopback.options().token.isEmpty());
    }

    void badOriginsAndHostsAreRefused() {
        auto bridge = startBridge({counter()});
        QVERIFY(bridge);
        const QString own = QStringLiteral("http://127.0.0.1:%1").arg(bridge->url().port());
        BridgeClient evil(QStringLiteral("http://evil.example"));
        QVERIFY(!evil.open(bridge->url()));
        BridgeClient same(own);
        QVERIFY(same.open(bridge->url()));
        QCOMPARE(httpStatus(bridge->url(), "http://evil.example"), 403);
        QUrl rebound = bridge->url();  // a DNS name that points at loopback
        QCOMPARE(httpStatus(bridge->url()), 200);
        QNetworkAccessManager manager;
        QNetworkRequest request(rebound);
        request.setRawHeader("Host", "attacker.example:" + QByteArray::number(rebound.port()));
        QNetworkReply* reply = manager.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait());
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        delete reply;
    }

    void thePageComesOnlyFromResources() {
        auto bridge = startBridge({counter()});
        QVERIFY(bridge);
        QUrl url = bridge->url();
        QCOMPARE(httpStatus(url), 200);
        url.setPath(QStringLiteral("/assets/tessera.js"));
        QCOMPARE(httpStatus(url), 200);
        for (const char* path :
             {"/assets/../CMakeLists.txt", "/etc/passwd", "/assets/%2e%2e/x", "/assets/nope.js"}) {
            url.setPath(QString::fromLatin1(path));
            QCOMPARE(httpStatus(url), 404);
        }
    }

    void anOversizedMessageClosesOnlyThatConnection() {
        BridgeOptions options;
        options.maxMessageBytes = 64 * 1024;
        auto bridge = startBridge({counter()}, options);
        QVERIFY(bridge);
        BridgeClient big;
        QVERIFY(big.open(bridge->url()));
        big.hello();
        QSignalSpy closed(&big.socket(), &QWebSocket::disconnected);
        big.sendRaw(QByteArray(200 * 1024, 'x'));
        QVERIFY(closed.wait(10'000));
        QCOMPARE(big.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);

        BridgeClient next;
        QVERIFY(next.open(bridge->url()));
        next.hello();
        QTRY_COMPARE(textOf(next), QStringLiteral("n is 5"));
    }

    void malformedMessagesGetErrorsAndNoHarm() {
        BridgeOptions options;
        options.messagesPerSecond = 1'000'000;
        auto bridge = startBridge({counter()}, options);
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.sendRaw(R"({"type":"rerun"})");  // before hello
        client.hello();
        QTRY_COMPARE(textOf(client), QStringLiteral("n is 5"));
        const QString slider = client.widgetId(QStringLiteral("n"));
        const QList<QByteArray> shapes{
            "",
            "{",
            "[]",
            "null",
            "42",
            "\"hello\"",
            R"({"type":1})",
            R"({"type":"nope"})",
            R"({"type":"widget"})",
            R"({"type":"widget","id":""})",
            R"({"type":"widget","id":7})",
            R"({"type":"widget","id":"x","value":{"a":1}})",
            R"({"type":"widget","id":"x","value":null})",
            R"({"type":"widget","id":"x","value":1})",
            R"({"type":"dashboard"})",
            R"({"type":"dashboard","id":"none"})",
            R"({"type":"hello","protocol":[2]})",
            R"({"type":"ping","nonce":{"deep":[1,2]}})",
            R"({"type":"rerun","ref":[1]})",
            "{\"type\":\"widget\",\"id\":\"" + slider.toUtf8() + "\",\"value\":\"many\"}",
            "{\"type\":\"widget\",\"id\":\"" + slider.toUtf8() + "\",\"value\":1e999}",
            "{\"type\":\"widget\",\"id\":\"" + slider.toUtf8() + "\",\"value\":[1,2,3]}"};
        QRandomGenerator random(20261123);
        int sent = 0;
        for (; sent < 1000; ++sent) {
            QByteArray message = shapes[sent % shapes.size()];
            if (sent >= shapes.size() * 10) {  // then noise: random bytes, cut messages
                message = message.left(random.bounded(message.size() + 1));
                for (int i = 0; i < 3 && !message.isEmpty(); ++i)
                    message[random.bounded(message.size())] = char(random.bounded(256));
                if (message == shapes[sent % shapes.size()]) message += '}';
            }
            client.sendRaw(message);
        }
        QTRY_VERIFY_WITH_TIMEOUT(client.errors().size() >= 1000, 30'000);
        client.send(
            {{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("nonce"), 1}});
        QTRY_COMPARE(client.pongs(), 1);
        QCOMPARE(client.errors().first().value(QStringLiteral("code")).toString(),
                 QStringLiteral("hello-first"));
        QCOMPARE(textOf(client), QStringLiteral("n is 5"));
    }

    void addRowsSendsOnlyTheNewRows() {
        // 100,000 points, then 1,000 rows more once the viewer shows the chart.
        constexpr int kBase = 100'000, kMore = 1'000;
        auto frame = [](int from, int count) {
            std::vector<double> x, y;
            for (int i = from; i < from + count; ++i) {
                x.push_back(i);
                y.push_back(std::sin(i));
            }
            return std::make_shared<const DataFrame>(DataFrame()
                                                         .add(QStringLiteral("x"), std::move(x))
                                                         .add(QStringLiteral("y"), std::move(y)));
        };
        const auto base = frame(0, kBase), more = frame(kBase, kMore);
        auto go = std::make_shared<QSemaphore>();
        const Dashboard streaming{
            QStringLiteral("streaming"), QStringLiteral("Streaming"), {}, [=](Ui& ui) {
                auto chart = ui.lineChart(*base, {.x = QStringLiteral("x")});
                while (!go->tryAcquire(1, 10)) ui.checkpoint();
                chart.addRows(*more);
            }};
        auto bridge = startBridge({streaming});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_VERIFY(!client.pathsOf(QStringLiteral("line_chart")).isEmpty());
        const qint64 chartBytes = client.bytesReceived();
        QVERIFY(chartBytes > kBase * 16);

        client.clearRecords();
        go->release();
        QTRY_VERIFY(client.runsFinished() == 1 && !client.running());
        const qint64 rowBytes = kMore * 16;  // two float64 columns
        qInfo("the chart: %lld bytes; 1,000 rows added: %lld bytes (the rows' data: %lld)",
              chartBytes, client.bytesReceived(), rowBytes);
        QVERIFY(client.bytesReceived() >= rowBytes);
        QVERIFY(client.bytesReceived() < rowBytes + 4000);  // the rows, the op and run events
        bool sawAddRows = false;
        for (const QJsonObject& m : client.messages())
            for (const QJsonValue& op : m.value(QStringLiteral("ops")).toArray())
                sawAddRows |=
                    op.toObject().value(QStringLiteral("op")) == QStringLiteral("addRows");
        QVERIFY(sawAddRows);
        QCOMPARE(client.page().skippedOps(), 0);
        const Element& shown =
            *client.page().node(client.pathsOf(QStringLiteral("line_chart")).first())->element;
        QCOMPARE(shown.frame->rowCount(), kBase + kMore);
        QCOMPARE(shown.props.value(prop::rows).toLongLong(), kBase + kMore);
        QCOMPARE(shown.frame->column(QStringLiteral("x"))->numbers().back(),
                 double(kBase + kMore - 1));
    }

    void filesUploadInBinaryFramesWithinTheLimits() {
        const Dashboard uploads{
            QStringLiteral("uploads"), QStringLiteral("Uploads"), {}, [](Ui& ui) {
                const UploadedFiles files =
                    ui.fileUploader(QStringLiteral("Data"),
                                    {.types = {QStringLiteral("csv")}, .maxBytes = 4 << 20});
                qint64 sum = 0;
                for (const UploadedFile& f : files)
                    for (char c : f.bytes) sum += static_cast<unsigned char>(c);
                ui.text(files.isEmpty() ? QStringLiteral("no file")
                                        : QStringLiteral("%1: %2 bytes, sum %3")
                                              .arg(files[0].name)
                                              .arg(files[0].bytes.size())
                                              .arg(sum));
            }};
        BridgeOptions options;
        options.maxUploadBytes = 3 << 20;
        auto bridge = startBridge({uploads}, options);
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_COMPARE(textOf(client), QStringLiteral("no file"));
        const QString id = client.widgetId(QStringLiteral("Data"));
        auto announce = [&](const QString& name, qint64 size, int ref) {
            client.send(
                {{QStringLiteral("type"), QStringLiteral("upload")},
                 {QStringLiteral("id"), id},
                 {QStringLiteral("ref"), ref},
                 {QStringLiteral("files"),
                  QJsonArray{QJsonObject{{QStringLiteral("name"), name},
                                         {QStringLiteral("type"), QStringLiteral("text/csv")},
                                         {QStringLiteral("size"), size}}}}});
        };
        auto sendBytes = [&](const QByteArray& bytes) {
            // Frames of at most the server's message size: u32 id length, id "0", bytes.
            const qsizetype chunk = (1 << 20) - 64;
            for (qsizetype at = 0; at < bytes.size(); at += chunk) {
                QByteArray frame(4, '\0');
                frame[0] = 1;
                frame += '0';
                frame += bytes.mid(at, chunk);
                client.socket().sendBinaryMessage(frame);
            }
        };
        auto done = [&](int ref) {
            client.send({{QStringLiteral("type"), QStringLiteral("uploadDone")},
                         {QStringLiteral("id"), id},
                         {QStringLiteral("ref"), ref}});
        };
        auto errorFor = [&](int ref) {
            for (const QJsonObject& e : client.errors())
                if (e.value(QStringLiteral("ref")).toInt() == ref) return e;
            return QJsonObject();
        };

        // 2.5 MB in three frames: the run gets every byte.
        QByteArray data(2'500'000, Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i) data[i] = char(i % 251);
        qint64 sum = 0;
        for (char c : data) sum += static_cast<unsigned char>(c);
        announce(QStringLiteral("big.csv"), data.size(), 1);
        sendBytes(data);
        done(1);
        QTRY_COMPARE(textOf(client), QStringLiteral("big.csv: 2500000 bytes, sum %1").arg(sum));

        // Cut off half way: an error, and the value stays as it was.
        announce(QStringLiteral("half.csv"), 2000, 2);
        sendBytes(QByteArray(1000, 'x'));
        done(2);
        QTRY_VERIFY(!errorFor(2).isEmpty());
        QCOMPARE(errorFor(2).value(QStringLiteral("code")).toString(),
                 QStringLiteral("upload-cut-off"));
        QVERIFY(errorFor(2)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("'half.csv' was cut off")));

        // Over the server's limit: refused before any byte is taken.
        announce(QStringLiteral("huge.csv"), 4 << 20, 3);
        QTRY_VERIFY(!errorFor(3).isEmpty());
        QCOMPARE(errorFor(3).value(QStringLiteral("code")).toString(),
                 QStringLiteral("upload-too-large"));

        // A type the uploader does not take: the session refuses it, with the upload's ref.
        announce(QStringLiteral("run.exe"), 3, 4);
        sendBytes("abc");
        done(4);
        QTRY_VERIFY(!errorFor(4).isEmpty());
        QCOMPARE(errorFor(4).value(QStringLiteral("code")).toString(), QStringLiteral("bad-value"));
        QVERIFY(errorFor(4)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("not one of the types")));

        // More bytes than announced, and bytes with no upload: refused, nothing taken.
        announce(QStringLiteral("small.csv"), 2, 5);
        sendBytes("abcd");
        QTRY_VERIFY(!errorFor(5).isEmpty());
        sendBytes("ab");
        QTRY_VERIFY(
            std::any_of(client.errors().begin(), client.errors().end(), [](const QJsonObject& e) {
                return e.value(QStringLiteral("code")) == QStringLiteral("binary-refused");
            }));
        client.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QTRY_COMPARE(client.pongs(), 1);
        QCOMPARE(textOf(client), QStringLiteral("big.csv: 2500000 bytes, sum %1").arg(sum));
    }

    void uploadsTogetherStayWithinTheServersMemory() {
        // Four largest uploads at once, all connections together: a fifth is turned away.
        const Dashboard uploads{
            QStringLiteral("uploads"), QStringLiteral("Uploads"), {}, [](Ui& ui) {
                ui.fileUploader(QStringLiteral("Data"));
            }};
        BridgeOptions options;
        options.maxUploadBytes = 1 << 20;
        auto bridge = startBridge({uploads}, options);
        QVERIFY(bridge);
        std::vector<std::unique_ptr<BridgeClient>> clients;
        for (int i = 0; i < 5; ++i) {
            clients.push_back(std::make_unique<BridgeClient>());
            BridgeClient& c = *clients.back();
            QVERIFY(c.open(bridge->url()));
            c.hello();
            QTRY_VERIFY(!c.widgetId(QStringLiteral("Data")).isEmpty());
            c.send({{QStringLiteral("type"), QStringLiteral("upload")},
                    {QStringLiteral("id"), c.widgetId(QStringLiteral("Data"))},
                    {QStringLiteral("ref"), i},
                    {QStringLiteral("files"),
                     QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a.bin")},
                                            {QStringLiteral("size"), 1 << 20}}}}});
            QByteArray frame(4, '\0');
            frame[0] = 1;
            frame += '0';
            frame += QByteArray(1000 * 1000, 'x');  // most of the file; the rest never comes
            c.socket().sendBinaryMessage(frame);
            c.send({{QStringLiteral("type"), QStringLiteral("ping")}});
            QTRY_COMPARE(c.pongs(), 1);  // the frame was taken (or refused) before the ping
        }
        for (int i = 0; i < 4; ++i) QVERIFY(clients[size_t(i)]->errors().isEmpty());
        QCOMPARE(clients[4]->errors().size(), 1);
        QCOMPARE(clients[4]->errors().first().value(QStringLiteral("code")).toString(),
                 QStringLiteral("upload-busy"));
        // One gives up (its connection closes): its bytes are free for the fifth.
        QSignalSpy counts(bridge.get(), &Bridge::countsChanged);
        clients[0]->close();
        QTRY_VERIFY(!counts.isEmpty() && counts.last().at(0).toInt() == 4);
        BridgeClient& last = *clients[4];
        last.send({{QStringLiteral("type"), QStringLiteral("upload")},
                   {QStringLiteral("id"), last.widgetId(QStringLiteral("Data"))},
                   {QStringLiteral("ref"), 9},
                   {QStringLiteral("files"),
                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("b.bin")},
                                           {QStringLiteral("size"), 3}}}}});
        last.socket().sendBinaryMessage(
            QByteArray("\x01\0\0\0"
                       "0abc",
                       8));
        last.send({{QStringLiteral("type"), QStringLiteral("uploadDone")},
                   {QStringLiteral("id"), last.widgetId(QStringLiteral("Data"))},
                   {QStringLiteral("ref"), 9}});
        QTRY_COMPARE(last.page()
                         .node(last.pathsOf(QStringLiteral("file_uploader")).first())
                         ->element->props.value(prop::value)
                         .toStringList(),
                     QStringList{QStringLiteral("b.bin")});
        QCOMPARE(last.errors().size(), 1);
    }

    /// A button whose press asks for a rerun, clicked from a browser: the rerun sees the
    /// button released, and the session settles.
    void aButtonThatAsksForARerunSettles() {
        // On the heap: the bridge's sessions reach the runs through Qt's event queue, which
        // ThreadSanitizer does not see, so a counter on this stack would look raced with
        // what an earlier test left there.
        struct Counts {
            std::atomic<int> runs{0}, resets{0};
        };
        const auto counts = std::make_shared<Counts>();
        const Dashboard resetting{
            QStringLiteral("resetting"), QStringLiteral("Resetting"), {}, [counts](Ui& ui) {
                ++counts->runs;
                if (ui.button(QStringLiteral("Reset"))) {
                    ++counts->resets;
                    ui.rerun();
                }
                ui.text(QStringLiteral("resets %1").arg(counts->resets.load()));
            }};
        auto bridge = startBridge({resetting});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_VERIFY(client.runsFinished() == 1 && !client.running());
        client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                     {QStringLiteral("id"), client.widgetId(QStringLiteral("Reset"))},
                     {QStringLiteral("value"), true}});
        QTRY_VERIFY(textOf(client) == QStringLiteral("resets 1") && !client.running());
        // A rerun asked for afterwards is the barrier: nothing else ran in between.
        client.clearRecords();
        client.send({{QStringLiteral("type"), QStringLiteral("rerun")}});
        QTRY_VERIFY(client.runsFinished() == 1 && !client.running());
        QCOMPARE(counts->resets.load(), 1);
        QCOMPARE(counts->runs.load(), 4);  // the first, the click, its rerun, the barrier
    }

    void aValueTheWidgetHasAlreadyRerunsNothing() {
        struct Counts {
            std::atomic<int> runs{0};
        };
        const auto counts = std::make_shared<Counts>();
        const Dashboard sliding{
            QStringLiteral("sliding"), QStringLiteral("Sliding"), {}, [counts](Ui& ui) {
                ++counts->runs;
                ui.text(QString::number(ui.slider(QStringLiteral("n"), 0, 10, 5)));
            }};
        auto bridge = startBridge({sliding});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_VERIFY(client.runsFinished() == 1 && !client.running());
        const QString id = client.widgetId(QStringLiteral("n"));
        client.clearRecords();
        client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("value"), 5}});
        // The pong is the barrier: a group the value started is announced before it.
        client.send({{QStringLiteral("type"), QStringLiteral("ping")}});
        QTRY_COMPARE(client.pongs(), 1);
        for (const QJsonObject& m : client.messages())
            QCOMPARE(m.value(QStringLiteral("type")).toString(), QStringLiteral("pong"));
        client.send({{QStringLiteral("type"), QStringLiteral("widget")},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("value"), 7}});
        QTRY_VERIFY(textOf(client) == QStringLiteral("7") && !client.running());
        QCOMPARE(client.runsFinished(), 1);
        QCOMPARE(counts->runs.load(), 2);  // the first run and the one 7 caused
        QVERIFY(client.errors().isEmpty());
    }

    void aRerunThatChangesNothingSendsNothing() {
        // The chart's data is computed again on every run, to the same values.
        const Dashboard recomputing{
            QStringLiteral("recomputing"), QStringLiteral("Recomputing"), {}, [](Ui& ui) {
                ui.slider(QStringLiteral("n"), 0, 10, 5);
                std::vector<double> y(1000);
                for (size_t i = 0; i < y.size(); ++i) y[i] = std::sin(double(i));
                ui.lineChart(DataFrame().add(QStringLiteral("y"), std::move(y)));
            }};
        auto bridge = startBridge({recomputing});
        QVERIFY(bridge);
        BridgeClient client;
        QVERIFY(client.open(bridge->url()));
        client.hello();
        QTRY_VERIFY(client.runsFinished() == 1 && !client.running());
        client.clearRecords();
        client.send({{QStringLiteral("type"), QStringLiteral("rerun")}});
        QTRY_VERIFY(client.runsFinished() == 1 && !client.running());
        QVERIFY(client.opPaths().isEmpty());
        QVERIFY(client.bytesReceived() < 2000);  // run events only: no buffer was sent again
        for (const QJsonObject& m : client.messages())
            QVERIFY(m.value(QStringLiteral("type")) != QStringLiteral("ops") ||
                    m.value(QStringLiteral("ops")).toArray().isEmpty());
    }
};

QTEST_MAIN(TestBridge)
#include "tst_bridge.moc"
