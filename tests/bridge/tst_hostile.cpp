// SPDX-License-Identifier: GPL-3.0-or-later
// `tessera --serve` as a hostile client meets it: raw TCP and hand-written WebSocket clients
// on loopback (some from 127.0.0.2 and beyond, as other machines), bounded in count and
// time. Each test prints the figure that shows its limit at work: the server's memory
// before, at the peak and after, a healthy client's latency during the attack, the statuses.
#include "hostileclients.h"

#include <tessera/host/plugincatalog.h>
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>
#include <algorithm>
#include <vector>

using namespace tessera;
using namespace tessera::bridge::testing;

namespace {

/// Memory figures are checked on plain builds; under a sanitizer they are only printed
/// (its allocator keeps freed memory and adds its own).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kMemoryIsChecked = false;
#else
constexpr bool kMemoryIsChecked = true;
#endif

QHostAddress loopback(int last) {
    return QHostAddress(QStringLiteral("127.0.0.%1").arg(last));
}

QByteArray get(const QByteArray& target, quint16 port, const QByteArray& extra = {}) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n" +
           extra + "\r\n";
}

/// A healthy request from `from`: the status and how long the answer took.
std::pair<int, qint64> healthyGet(quint16 port, const QHostAddress& from) {
    QElapsedTimer clock;
    clock.start();
    RawClient client(from);
    if (!client.connectTo(port)) return {0, clock.elapsed()};
    client.write(get("/", port));
    return {RawClient::statusOf(client.readResponse(5'000)), clock.elapsed()};
}

/// Samples a server's memory while `during` runs, every 100 ms of its event loop.
struct MemoryWatch {
    ServerProcess& server;
    double before = server.rssMiB();
    double peak = before;
    void sample() { peak = std::max(peak, server.rssMiB()); }
};

/// The id of the widget labelled `label` in what `client` has received: waits for the run
/// that draws it to finish.
QString widgetIdOf(RawWebSocket& client, const QString& label) {
    if (!client.received().contains("\"groupFinished\""))
        client.waitForText("\"groupFinished\"", 20'000);
    // An element is {"id":…,"kind":…,"path":…,"props":{…,"label":…}}: its id comes first.
    const QRegularExpression pattern(QStringLiteral("\"id\":\"([^\"]+)\"[^}]*?\"label\":\"%1\"")
                                         .arg(QRegularExpression::escape(label)));
    QString id;
    for (auto it = pattern.globalMatch(QString::fromUtf8(client.received())); it.hasNext();)
        id = it.next().captured(1);
    return id;
}

}  // namespace

class TestHostile : public QObject {
    Q_OBJECT

private slots:
    void nothingAClientSendsReachesAHeader() {
        ServerProcess open({});
        QVERIFY(open.start());
        for (const QByteArray& target :
             {QByteArray("/?token=x%0d%0aX-Injected:%20yes"),
              QByteArray("/?token=x%0d%0aContent-Length:%200%0d%0a%0d%0a"
                         "<script>alert(1)</script>"),
              QByteArray("/assets/tessera.js?token=%0aSet-Cookie:%20a=b")}) {
            RawClient client;
            QVERIFY(client.connectTo(open.port()));
            client.write(get(target, open.port()));
            const QByteArray response = client.readResponse();
            qInfo("no token configured, %s -> %d", target.constData(),
                  RawClient::statusOf(response));
            QCOMPARE(RawClient::statusOf(response), 200);
            QVERIFY(RawClient::headerOf(response, "X-Injected").isNull());
            QVERIFY2(RawClient::headerOf(response, "Set-Cookie").isNull(),
                     "a server without a token sets no cookie");
            QVERIFY(!response.contains("alert(1)"));
        }
        // Every response carries the security headers, errors too.
        for (const QByteArray& request :
             {get("/nope", open.port()), get("/", open.port(), "Origin: http://evil.example\r\n"),
              QByteArray("BREW / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
              QByteArray("junk\r\n\r\n")}) {
            RawClient client;
            QVERIFY(client.connectTo(open.port()));
            client.write(request);
            const QByteArray response = client.readResponse();
            qInfo("%s -> %d", request.left(request.indexOf('\r')).constData(),
                  RawClient::statusOf(response));
            QVERIFY(RawClient::statusOf(response) >= 400);
            QCOMPARE(RawClient::headerOf(response, "X-Content-Type-Options"),
                     QByteArray("nosniff"));
            QVERIFY(RawClient::headerOf(response, "Content-Security-Policy")
                        .contains("default-src 'self'"));
        }

        // With a token, the cookie carries the server's own token under a name with the port.
        ServerProcess guarded({QStringLiteral("--token"), QStringLiteral("s3cret")});
        QVERIFY(guarded.start());
        RawClient wrong;
        QVERIFY(wrong.connectTo(guarded.port()));
        wrong.write(get("/?token=s3cret%0d%0aX-Injected:%20yes", guarded.port()));
        const QByteArray refused = wrong.readResponse();
        QCOMPARE(RawClient::statusOf(refused), 401);
        QVERIFY(RawClient::headerOf(refused, "X-Injected").isNull());
        QVERIFY(RawClient::headerOf(refused, "Set-Cookie").isNull());
        RawClient right;
        QVERIFY(right.connectTo(guarded.port()));
        right.write(get("/?token=s3cret", guarded.port()));
        const QByteArray page = right.readResponse();
        QCOMPARE(RawClient::statusOf(page), 200);
        QCOMPARE(RawClient::headerOf(page, "Set-Cookie"),
                 "tessera-token-" + QByteArray::number(guarded.port()) +
                     "=s3cret; Path=/; HttpOnly; SameSite=Strict");
    }

    void halfHeadsFromOneAddressLockNobodyElseOut() {
        ServerProcess server({QStringLiteral("--head-timeout"), QStringLiteral("3")});
        QVERIFY(server.start());
        std::vector<std::unique_ptr<RawClient>> attackers;
        for (int i = 0; i < 300; ++i) {
            auto client = std::make_unique<RawClient>(loopback(1));
            if (client->connectTo(server.port(), 2'000))
                client->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");  // never ends
            attackers.push_back(std::move(client));
        }
        QElapsedTimer attack;
        attack.start();
        // The attacker's own extra connections are turned away; others are served at once.
        std::vector<qint64> latencies;
        for (int i = 0; i < 5; ++i) {
            const auto [status, ms] = healthyGet(server.port(), loopback(2 + i));
            QCOMPARE(status, 200);
            latencies.push_back(ms);
        }
        std::sort(latencies.begin(), latencies.end());
        int turnedAway = 0, stillOpen = 0;
        for (auto& a : attackers) {
            a->socket().waitForReadyRead(1);
            const QByteArray got = a->socket().readAll();
            if (got.startsWith("HTTP/1.1 503")) ++turnedAway;
            if (a->socket().state() == QAbstractSocket::ConnectedState) ++stillOpen;
        }
        qInfo(
            "300 half heads from 127.0.0.1: %d turned away with 503; healthy GETs from "
            "127.0.0.2-6 served in %lld ms (median), %lld ms (slowest)",
            turnedAway, latencies[2], latencies.back());
        QVERIFY(latencies.back() < 1'000);
        // The ones that were let in are cut off at the head deadline.
        int closed = 0;
        for (auto& a : attackers)
            closed += a->closedByServer(6'000 - int(attack.elapsed())) ? 1 : 0;
        qInfo("after the 3 s head deadline: %d of 300 closed (%lld ms after the attack began)",
              closed, attack.elapsed());
        QCOMPARE(closed, 300);
    }

    void idleKeptAliveConnectionsAreClosed() {
        ServerProcess server({QStringLiteral("--idle-timeout"), QStringLiteral("2")});
        QVERIFY(server.start());
        std::vector<std::unique_ptr<RawClient>> idle;
        // 1,000 connections from 10 addresses, each served one page and then silent.
        for (int i = 0; i < 1000; ++i) {
            auto client = std::make_unique<RawClient>(loopback(10 + i / 100));
            QVERIFY(client->connectTo(server.port()));
            client->write(get("/assets/tessera.css", server.port()));
            QCOMPARE(RawClient::statusOf(client->readResponse()), 200);
            idle.push_back(std::move(client));
        }
        QElapsedTimer clock;
        clock.start();
        const double rssAtPeak = server.rssMiB();
        int closed = 0;
        for (auto& client : idle) closed += client->closedByServer(8'000) ? 1 : 0;
        qInfo(
            "1,000 idle kept-alive connections: %d closed by the 2 s idle timeout within %lld "
            "ms; server %.1f MiB with them open",
            closed, clock.elapsed(), rssAtPeak);
        QCOMPARE(closed, 1000);
        const auto [status, ms] = healthyGet(server.port(), loopback(2));
        QCOMPARE(status, 200);
    }

    void aBodyIsNeverReadBeforeItsAccessCheck() {
        ServerProcess server({QStringLiteral("--token"), QStringLiteral("s3cret")});
        QVERIFY(server.start());
        MemoryWatch memory{server};
        RawClient client;
        QVERIFY(client.connectTo(server.port()));
        constexpr qint64 total = 200LL << 20;
        client.write(
            "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
            "application/octet-stream\r\nContent-Length: " +
            QByteArray::number(total) + "\r\n\r\n");
        const QByteArray chunk(1 << 20, 'x');
        qint64 sent = 0;
        QByteArray response;
        QElapsedTimer clock;
        clock.start();
        // Keep sending while the server takes it (within 10 s), as an attacker would.
        while (sent < total && client.socket().state() == QAbstractSocket::ConnectedState &&
               clock.elapsed() < 10'000) {
            if (client.socket().bytesToWrite() < 4 * chunk.size()) {
                client.socket().write(chunk);
                sent += chunk.size();
            }
            client.socket().waitForBytesWritten(50);
            response += client.socket().readAll();
            memory.sample();
        }
        response += client.readResponse(2'000);
        memory.sample();
        const double after = server.rssMiB();
        qInfo(
            "200 MB POST without a token: %s; %lld MB written before the server closed; "
            "server RSS %.1f -> peak %.1f -> %.1f MiB",
            response.left(response.indexOf('\r')).constData(), sent >> 20, memory.before,
            memory.peak, after);
        QCOMPARE(RawClient::statusOf(response), 401);
        if (kMemoryIsChecked) QVERIFY(memory.peak - memory.before < 16.0);

        // Without a token configured, a body where none is expected is refused at once.
        ServerProcess open({});
        QVERIFY(open.start());
        for (const QByteArray& request :
             {QByteArray("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n"),
              QByteArray(
                  "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")}) {
            RawClient c;
            QVERIFY(c.connectTo(open.port()));
            c.write(request + QByteArray(4096, 'y'));
            const QByteArray answer = c.readResponse();
            qInfo("%s with a body -> %d", request.left(4).constData(), RawClient::statusOf(answer));
            QVERIFY(RawClient::statusOf(answer) == 405 || RawClient::statusOf(answer) == 413);
            QVERIFY(c.closedByServer(5'000));
        }
    }

    void anAddressGetsItsShareBackWhenItsSocketsClose() {
        // More sockets, one after another, than an address may hold at once (128): each one
        // closed gives its place back, whether it was a page request or a WebSocket.
        ServerProcess server({}, QStringLiteral("inputs"));
        QVERIFY(server.start());
        for (int i = 0; i < 200; ++i) {
            RawWebSocket socket(loopback(50));
            QVERIFY2(socket.open(server.port()), qPrintable(QString::number(i)));
            if (i % 2 == 0) {
                socket.sendText(helloMessage());
                QVERIFY(!socket.waitForText("\"welcome\"").isEmpty());
            }
            socket.socket().disconnectFromHost();
            QVERIFY(socket.socket().state() == QAbstractSocket::UnconnectedState ||
                    socket.socket().waitForDisconnected(5'000));
        }
        for (int i = 0; i < 200; ++i) {
            RawClient client(loopback(50));
            QVERIFY(client.connectTo(server.port()));
            client.write(get("/", server.port(), "Connection: close\r\n"));
            QCOMPARE(RawClient::statusOf(client.readResponse()), 200);
            QVERIFY(client.closedByServer(5'000));
        }
    }

    void socketsThatNeverSayHelloHoldNoPlace() {
        ServerProcess server({QStringLiteral("--hello-timeout"), QStringLiteral("2"),
                              QStringLiteral("--max-sessions"), QStringLiteral("20")});
        QVERIFY(server.start());
        std::vector<std::unique_ptr<RawWebSocket>> silent;
        for (int i = 0; i < 400; ++i) {
            auto socket = std::make_unique<RawWebSocket>(loopback(20 + i / 100));
            if (socket->open(server.port())) silent.push_back(std::move(socket));
        }
        qInfo("%zu of 400 WebSockets open without a hello", silent.size());
        QVERIFY(silent.size() >= 300);
        QElapsedTimer clock;
        clock.start();
        RawWebSocket viewer(loopback(2));
        QVERIFY(viewer.open(server.port()));
        viewer.sendText(helloMessage());
        const QByteArray welcome = viewer.waitForText("\"welcome\"", 5'000);
        qInfo("a new viewer is welcome %lld ms after its hello, beside them", clock.elapsed());
        QVERIFY(!welcome.isEmpty());
        auto closedCount = [&] {
            return int(std::count_if(silent.begin(), silent.end(),
                                     [](const auto& s) { return !s->connected(); }));
        };
        QTRY_VERIFY_WITH_TIMEOUT(closedCount() == int(silent.size()), 6'000);
        qInfo("after the 2 s hello deadline: %d of %zu closed (%lld ms after the viewer's hello)",
              closedCount(), silent.size(), clock.elapsed());

        // Sessions left behind (waiting for a resume) do not keep new viewers out either.
        for (int i = 0; i < 20; ++i) {
            RawWebSocket leaving(loopback(30));
            QVERIFY(leaving.open(server.port()));
            leaving.sendText(helloMessage());
            QVERIFY(!leaving.waitForText("\"welcome\"").isEmpty());
        }  // each disconnects, its session waits for a resume
        RawWebSocket late(loopback(3));
        QVERIFY(late.open(server.port()));
        late.sendText(helloMessage());
        QVERIFY2(!late.waitForText("\"welcome\"").isEmpty(),
                 "the oldest waiting session makes room for a new viewer");
    }

    void stalledReadersAreCutOffAndTheirMemoryFreed() {
        ServerProcess server({QStringLiteral("--max-output-mib"), QStringLiteral("32"),
                              QStringLiteral("--slow-reader-timeout"), QStringLiteral("5")},
                             QStringLiteral("big-a"));
        QVERIFY(server.start());
        // The plugin's pages are built once before the memory baseline.
        {
            RawWebSocket warm;
            QVERIFY(warm.open(server.port()));
            warm.sendText(helloMessage());
            QVERIFY(!warm.waitForText("\"groupFinished\"", 20'000).isEmpty());
        }
        QTest::qWait(300);
        MemoryWatch memory{server};
        std::vector<std::unique_ptr<RawWebSocket>> readers;
        for (int i = 0; i < 3; ++i) {
            auto reader = std::make_unique<RawWebSocket>(loopback(40 + i));
            QVERIFY(reader->open(server.port(), 4096));  // reads 4 KiB, then stalls
            reader->sendText(helloMessage());
            readers.push_back(std::move(reader));
        }
        QElapsedTimer clock;
        clock.start();
        qint64 overBudgetAt = -1, lastCutOffAt = -1;
        int switches = 0;
        while (clock.elapsed() < 25'000) {
            int open = 0;
            for (auto& r : readers) {
                if (!r->connected()) continue;
                ++open;
                r->sendText(switches % 2 ? R"({"type":"dashboard","id":"big-a"})"
                                         : R"({"type":"dashboard","id":"big-b"})");
                if (r->connected()) r->socket().waitForBytesWritten(10);
            }
            ++switches;
            memory.sample();
            const QString log = server.output();
            if (overBudgetAt < 0 && log.contains(QLatin1String("reads too slowly")))
                overBudgetAt = clock.elapsed();
            if (open == 0) {
                lastCutOffAt = clock.elapsed();
                break;
            }
            QTest::qWait(250);
        }
        const int cutOff = int(std::count_if(readers.begin(), readers.end(),
                                             [](const auto& r) { return !r->connected(); }));
        readers.clear();
        double after = server.rssMiB();
        QDeadlineTimer settle(10'000);
        while (after - memory.before >= 32.0 && !settle.hasExpired()) {
            QTest::qWait(250);
            after = server.rssMiB();
        }
        qInfo(
            "3 stalled readers switching 5 MB pages: %d switches; over budget at %lld ms, all "
            "cut off at %lld ms; server RSS %.1f -> peak %.1f -> %.1f MiB",
            switches, overBudgetAt, lastCutOffAt, memory.before, memory.peak, after);
        QCOMPARE(cutOff, 3);
        QVERIFY(overBudgetAt >= 0);
        QVERIFY(lastCutOffAt - overBudgetAt <= 10'000);
        if (kMemoryIsChecked) QVERIFY(after - memory.before < 32.0);
    }

    void uploadsAreCheckedBeforeTheirFirstByte() {
        ServerProcess server({QStringLiteral("--upload-idle-timeout"), QStringLiteral("2")},
                             QStringLiteral("inputs"));
        QVERIFY(server.start());
        RawWebSocket client;
        QVERIFY(client.open(server.port()));
        client.sendText(helloMessage());
        const QString uploader = widgetIdOf(client, QStringLiteral("Data"));
        const QString slider = widgetIdOf(client, QStringLiteral("Open"));
        QVERIFY(!uploader.isEmpty() && !slider.isEmpty());
        auto announce = [&](const QString& id, const QByteArray& name, qint64 size, int ref) {
            client.sendText(
                QStringLiteral(
                    R"({"type":"upload","id":"%1","ref":%2,"files":[{"name":"%3","type":"text/csv","size":%4}]})")
                    .arg(id)
                    .arg(ref)
                    .arg(QString::fromLatin1(name))
                    .arg(size)
                    .toUtf8());
        };
        struct Case {
            QString id;
            QByteArray name;
            qint64 size;
            const char* why;
        };
        const QVector<Case> refused{
            {slider, "a.csv", 10, "not an uploader"},
            {QStringLiteral("no-such-widget"), "a.csv", 10, "no such widget"},
            {uploader, "a.csv", (1 << 20) + 1, "over its maxBytes"},
            {uploader, "a.exe", 10, "not one of its types"},
        };
        int ref = 1;
        for (const Case& c : refused) {
            announce(c.id, c.name, c.size, ref);
            const QByteArray error = client.waitForText("\"ref\":" + QByteArray::number(ref));
            qInfo("upload %s: %s", c.why, error.constData());
            QVERIFY2(error.contains("\"bad-value\""), c.why);
            // Its first byte finds no upload to belong to.
            client.sendBinary(
                QByteArray("\x01\x00\x00\x00"
                           "0abc",
                           8));
            QVERIFY(!client.waitForText("binary-refused").isEmpty());
            ++ref;
        }
        // An upload that starts and then brings nothing is dropped after the idle limit.
        QElapsedTimer clock;
        clock.start();
        announce(uploader, "b.csv", 1000, ref);
        client.sendBinary(
            QByteArray("\x01\x00\x00\x00"
                       "0abc",
                       8));
        const QByteArray dropped = client.waitForText("upload-cut-off", 6'000);
        qInfo("an abandoned upload is dropped after %lld ms: %s", clock.elapsed(),
              dropped.constData());
        QVERIFY(!dropped.isEmpty());
    }

    void disabledWidgetsAndWrongTypesAreRefusedAlike() {
        // From a browser:
        ServerProcess server({}, QStringLiteral("inputs"));
        QVERIFY(server.start());
        RawWebSocket client;
        QVERIFY(client.open(server.port()));
        client.sendText(helloMessage());
        const QString locked = widgetIdOf(client, QStringLiteral("Locked"));
        const QString send = widgetIdOf(client, QStringLiteral("Send"));
        const QString open = widgetIdOf(client, QStringLiteral("Open"));
        QVERIFY(!locked.isEmpty() && !send.isEmpty() && !open.isEmpty());
        auto refusal = [&](const QString& id, const QByteArray& value, int ref) {
            client.sendText(QStringLiteral(R"({"type":"widget","id":"%1","value":%2,"ref":%3})")
                                .arg(id, QString::fromUtf8(value))
                                .arg(ref)
                                .toUtf8());
            const QByteArray error = client.waitForText("\"ref\":" + QByteArray::number(ref));
            return QJsonDocument::fromJson(error).object();
        };
        const QJsonObject lockedError = refusal(locked, "500", 1);
        const QJsonObject sendError = refusal(send, "true", 2);
        const QJsonObject textError = refusal(open, "\"500\"", 3);
        const QJsonObject boolError = refusal(open, "true", 4);
        for (const QJsonObject& e : {lockedError, sendError, textError, boolError}) {
            qInfo("refused: %s", QJsonDocument(e).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("bad-value"));
        }
        QVERIFY(lockedError.value(QStringLiteral("message"))
                    .toString()
                    .endsWith(QStringLiteral("disabled")));

        // From AppTest: the same dashboard, the same words.
        PluginCatalog catalog;
        catalog.scanDirs({QStringLiteral(HOSTILE_PLUGIN_DIR)});
        const auto inputs = catalog.find(QStringLiteral("inputs"));
        QVERIFY(inputs);
        tessera::testing::AppTest at(*inputs);
        QVERIFY(at.run());
        QCOMPARE(at.widget(QStringLiteral("Locked")).set(500),
                 lockedError.value(QStringLiteral("message")).toString());
        QCOMPARE(at.widget(QStringLiteral("Send")).set(true),
                 sendError.value(QStringLiteral("message")).toString());
        QCOMPARE(at.widget(QStringLiteral("Open")).set(QStringLiteral("500")),
                 textError.value(QStringLiteral("message")).toString());
        QVERIFY(at.widget(QStringLiteral("Open")).set(500).isEmpty());
    }

    void aResumeTokenIsForOneConnectionAndChangesEachTime() {
        ServerProcess server({}, QStringLiteral("inputs"));
        QVERIFY(server.start());
        auto tokenOf = [](const QByteArray& welcome) {
            return QJsonDocument::fromJson(welcome)
                .object()
                .value(QStringLiteral("resume"))
                .toString();
        };
        auto owner = std::make_unique<RawWebSocket>();
        QVERIFY(owner->open(server.port()));
        owner->sendText(helloMessage());
        const QString first = tokenOf(owner->waitForText("\"welcome\""));
        QVERIFY(!first.isEmpty());
        // While its connection is open and answers, nobody else gets the session.
        RawWebSocket thief(loopback(2));
        QVERIFY(thief.open(server.port()));
        thief.sendText(helloMessage("\"resume\":\"" + first.toLatin1() + "\""));
        QVERIFY(!thief.waitForText("session-in-use").isEmpty());
        QVERIFY(thief.socket().waitForDisconnected(3'000) || !thief.connected());
        owner.reset();  // the owner leaves; its browser comes back
        QString second;
        QDeadlineTimer deadline(5'000);
        while (second.isEmpty() && !deadline.hasExpired()) {
            RawWebSocket back;
            QVERIFY(back.open(server.port()));
            back.sendText(helloMessage("\"resume\":\"" + first.toLatin1() + "\""));
            const QByteArray welcome = back.waitForText("\"welcome\"", 1'000);
            if (welcome.contains("\"resumed\":true")) second = tokenOf(welcome);
        }
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        // The old token is worth nothing now: it opens a new session.
        RawWebSocket replay(loopback(3));
        QVERIFY(replay.open(server.port()));
        replay.sendText(helloMessage("\"resume\":\"" + first.toLatin1() + "\""));
        const QByteArray replayed = replay.waitForText("\"welcome\"");
        QVERIFY(replayed.contains("\"resumed\":false"));
        qInfo("resume tokens: %s -> %s; the first replayed opens a new session",
              qPrintable(first.left(6)), qPrintable(second.left(6)));
    }

    void aTokenOnLoopbackOnRequest() {
        ServerProcess server({QStringLiteral("--token"), QStringLiteral("auto")});
        QVERIFY(server.start());
        const QString token = QUrlQuery(server.url()).queryItemValue(QStringLiteral("token"));
        QVERIFY(token.size() >= 32);
        RawClient bare;
        QVERIFY(bare.connectTo(server.port()));
        bare.write(get("/", server.port()));
        QCOMPARE(RawClient::statusOf(bare.readResponse()), 401);
        RawClient withIt;
        QVERIFY(withIt.connectTo(server.port()));
        withIt.write(get("/?token=" + token.toLatin1(), server.port()));
        QCOMPARE(RawClient::statusOf(withIt.readResponse()), 200);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
