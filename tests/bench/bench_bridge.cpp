// SPDX-License-Identifier: GPL-3.0-or-later
// Bridge figures with a real server: `tessera --serve` runs as a child process serving the
// bench dashboards, and this process plays its browsers over loopback. It prints the
// server's memory per idle session; for 100, 200 and 500 sessions that each move a slider
// every 200 ms, the time from a change to the ops that show it (p50/p99) and the server's
// CPU; the bytes of a rerun that changes nothing; and the time and bytes to deliver a
// 1,000,000-point chart. Both processes share this machine's cores. With --isolate the
// server runs the dashboards in a worker process; memory and CPU then count the server and
// its workers together.
#include "bridgeclient.h"

#include <sys/resource.h>
#include <unistd.h>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

using tessera::bridge::testing::BridgeClient;

namespace {

constexpr int kMovePeriodMs = 200;
constexpr int kLoadSeconds = 10;
const QString kSlider = QStringLiteral("Pick a second number");

/// Turns the event loop until `done` or `timeoutMs` has passed; false on timeout.
bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

/// Turns the event loop for `ms` (to measure over a window, not to wait for something).
void turnFor(int ms) {
    waitFor([] { return false; }, ms);
}

/// `tessera --serve 127.0.0.1:0` with the bench dashboards, and what /proc says about it.
class Server {
public:
    bool start(bool isolate) {
        m_process.setProgram(QStringLiteral(TESSERA_EXECUTABLE));
        m_process.setArguments({QStringLiteral("--serve"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--plugin-dir"), QStringLiteral(BENCH_PLUGIN_DIR),
                                QStringLiteral("--max-sessions"), QStringLiteral("1000"),
                                // Its browsers all come from 127.0.0.1: one address's
                                // shares must hold all of them.
                                QStringLiteral("--max-connections-per-address"),
                                QStringLiteral("2000"), QStringLiteral("--max-pending-per-address"),
                                QStringLiteral("64"), QStringLiteral("--log-level"),
                                QStringLiteral("warn"), QStringLiteral("bench-growth")});
        m_process.setArguments(m_process.arguments() << (isolate ? QStringLiteral("--isolate")
                                                                 : QStringLiteral("--no-isolate")));
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted()) return false;
        return waitFor(
            [&] {
                const auto match = QRegularExpression(QStringLiteral("http://\\S+"))
                                       .match(QString::fromUtf8(m_process.peek(4096)));
                if (match.hasMatch()) m_url = QUrl(match.captured());
                return m_url.isValid();
            },
            30'000);
    }
    ~Server() {
        m_process.terminate();
        m_process.waitForFinished();
    }
    const QUrl& url() const { return m_url; }
    /// The server and its workers.
    QList<qint64> processes() const {
        QList<qint64> pids{m_process.processId()};
        // Children are listed by the thread that started them (workers: the bridge's).
        const QString tasks = QStringLiteral("/proc/%1/task").arg(pids[0]);
        for (const QString& task : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile children(tasks + QLatin1Char('/') + task + QStringLiteral("/children"));
            if (!children.open(QIODevice::ReadOnly)) continue;
            for (const QByteArray& pid : children.readAll().simplified().split(' '))
                if (!pid.isEmpty()) pids << pid.toLongLong();
        }
        return pids;
    }
    /// User + system CPU time the server (and its workers) used, in seconds.
    double cpuSeconds() const {
        double seconds = 0;
        for (qint64 pid : processes()) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly)) continue;
            const QByteArray text = stat.readAll();
            // Fields after the command name (which may hold spaces): state is field 3.
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            seconds += double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) /
                       double(sysconf(_SC_CLK_TCK));
        }
        return seconds;
    }
    double rssMiB() const {
        double mib = 0;
        for (qint64 pid : processes()) {
            QFile status(QStringLiteral("/proc/%1/status").arg(pid));
            if (!status.open(QIODevice::ReadOnly)) continue;
            for (const QByteArray& line : status.readAll().split('\n'))
                if (line.startsWith("VmRSS:"))
                    mib += line.mid(6).trimmed().split(' ')[0].toDouble() / 1024;
        }
        return mib;
    }

private:
    QProcess m_process;
    QUrl m_url;
};

double ownCpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// A browser of `bench-growth` that moves the second slider: each move is timed until both
/// charts that read the slider show the new value (their captions name it).
class SliderClient {
public:
    explicit SliderClient(const QUrl& server, const QElapsedTimer& clock) : m_clock(clock) {
        QObject::connect(&m_socket, &QWebSocket::connected, [this] {
            m_socket.sendTextMessage(QStringLiteral(R"({"type":"hello","protocol":[2]})"));
        });
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived,
                         [this](const QString& text) { onText(text); });
        QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived,
                         [this](const QByteArray& frame) { opBytes += frame.size(); });
        QUrl url = server;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/ws"));
        m_socket.open(url);
    }

    bool ready() const { return !m_sliderId.isEmpty() && m_snapshot; }
    bool waiting() const { return m_sentAt >= 0; }
    bool idle() const { return m_idle; }

    /// Moves the slider, unless the last move is not shown yet (a person waits, too).
    void move() {
        if (waiting()) {
            ++skipped;
            return;
        }
        m_value = m_value % 1000 + 1;
        m_seenRevenue = m_seenExpenses = false;
        m_sentAt = m_clock.nsecsElapsed();
        ++sent;
        m_socket.sendTextMessage(QStringLiteral(R"({"type":"widget","id":"%1","value":%2})")
                                     .arg(m_sliderId)
                                     .arg(m_value));
    }
    void send(const QString& text) {
        m_idle = false;
        m_socket.sendTextMessage(text);
    }
    void resetCounts() { textBytes = opBytes = 0; }

    std::vector<double> latenciesMs;
    int sent = 0, skipped = 0;
    qint64 textBytes = 0, opBytes = 0;  ///< every text frame; page messages and buffers

private:
    void onText(const QString& text) {
        const QByteArray utf8 = text.toUtf8();
        textBytes += utf8.size();
        const QJsonObject m = QJsonDocument::fromJson(utf8).object();
        const QString type = m.value(QLatin1String("type")).toString();
        if (type == u"status") {
            m_idle = !m.value(QLatin1String("running")).toBool();
            return;
        }
        if (type != u"snapshot" && type != u"ops") return;
        opBytes += utf8.size();
        m_snapshot = m_snapshot || type == u"snapshot";
        for (const QJsonValue& op : m.value(QLatin1String("ops")).toArray())
            look(op.toObject().value(QLatin1String("element")).toObject());
        if (waiting() && m_seenRevenue && m_seenExpenses) {
            latenciesMs.push_back(double(m_clock.nsecsElapsed() - m_sentAt) / 1e6);
            m_sentAt = -1;
        }
    }
    void look(const QJsonObject& element) {
        const QString kind = element.value(QLatin1String("kind")).toString();
        const QJsonObject props = element.value(QLatin1String("props")).toObject();
        if (kind == u"slider" && props.value(QLatin1String("label")).toString() == kSlider) {
            m_sliderId = element.value(QLatin1String("id")).toString();
            if (m_value < 0) m_value = props.value(QLatin1String("value")).toInt();
        } else if (kind == u"caption" && waiting()) {
            const QString caption = props.value(QLatin1String("text")).toString();
            m_seenRevenue |= caption == QStringLiteral("revenue at %1").arg(m_value);
            m_seenExpenses |= caption == QStringLiteral("expenses at %1").arg(m_value);
        }
        for (const QJsonValue& child : element.value(QLatin1String("children")).toArray())
            look(child.toObject());
    }

    const QElapsedTimer& m_clock;
    QWebSocket m_socket;
    QString m_sliderId;
    bool m_snapshot = false;
    bool m_idle = false;
    int m_value = -1;
    qint64 m_sentAt = -1;
    bool m_seenRevenue = false, m_seenExpenses = false;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t rank = size_t(std::ceil(p * double(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

class Bench {
public:
    bool start(bool isolate) {
        m_clock.start();
        return m_server.start(isolate);
    }

    /// Opens clients until there are `n`, twenty at a time, each ready with its page.
    bool connectUpTo(size_t n) {
        while (m_clients.size() < n) {
            const size_t first = m_clients.size();
            const size_t last = std::min(n, first + 20);
            while (m_clients.size() < last)
                m_clients.push_back(std::make_unique<SliderClient>(m_server.url(), m_clock));
            const bool ready = waitFor(
                [&] {
                    for (size_t i = first; i < last; ++i)
                        if (!m_clients[i]->ready()) return false;
                    return true;
                },
                60'000);
            if (!ready) {
                std::printf("could not open session %zu\n", m_clients.size());
                return false;
            }
        }
        return true;
    }

    bool memoryPerIdleSession() {
        if (!connectUpTo(1)) return false;
        turnFor(1000);
        const double first = m_server.rssMiB();
        std::printf("server RSS with 1 session                  | %7.1f MiB\n", first);
        for (size_t n : {100, 200, 500}) {
            if (!connectUpTo(n)) return false;
            turnFor(1000);
            const double rss = m_server.rssMiB();
            std::printf(
                "server RSS with %3zu idle sessions          | %7.1f MiB, %5.2f MiB per "
                "session beyond the first\n",
                n, rss, (rss - first) / double(n - 1));
        }
        return true;
    }

    void load(size_t n) {
        for (size_t i = 0; i < n; ++i) {
            SliderClient& c = *m_clients[i];
            c.latenciesMs.clear();
            c.sent = c.skipped = 0;
        }
        std::vector<std::unique_ptr<QTimer>> timers;
        for (size_t i = 0; i < n; ++i) {
            auto timer = std::make_unique<QTimer>();
            timer->setInterval(kMovePeriodMs);
            // Coarse timers would be aligned to fire together: the clients would move in bursts.
            timer->setTimerType(Qt::PreciseTimer);
            SliderClient* client = m_clients[i].get();
            QObject::connect(timer.get(), &QTimer::timeout, [client] { client->move(); });
            QTimer* t = timer.get();
            QTimer::singleShot(int(i * kMovePeriodMs / n), Qt::PreciseTimer, t, [t, client] {
                client->move();
                t->start();
            });
            timers.push_back(std::move(timer));
        }
        const double serverCpu = m_server.cpuSeconds(), ownCpu = ownCpuSeconds();
        turnFor(kLoadSeconds * 1000);
        const double serverUsed = m_server.cpuSeconds() - serverCpu;
        const double ownUsed = ownCpuSeconds() - ownCpu;
        timers.clear();
        waitFor(
            [&] {
                for (size_t i = 0; i < n; ++i)
                    if (m_clients[i]->waiting()) return false;
                return true;
            },
            10'000);
        std::vector<double> all;
        int sent = 0, skipped = 0;
        for (size_t i = 0; i < n; ++i) {
            const SliderClient& c = *m_clients[i];
            all.insert(all.end(), c.latenciesMs.begin(), c.latenciesMs.end());
            sent += c.sent;
            skipped += c.skipped;
        }
        std::printf(
            "%3zu sessions, a move every %d ms each      | change → ops p50 %6.1f ms, "
            "p99 %6.1f ms (%zu of %d moves shown; %d skipped while the last was "
            "not shown) | server CPU %3.0f%%, clients' CPU %3.0f%% of one core\n",
            n, kMovePeriodMs, percentile(all, 0.5), percentile(all, 0.99), all.size(), sent,
            skipped, 100 * serverUsed / kLoadSeconds, 100 * ownUsed / kLoadSeconds);
    }

    void noChangeRerun() {
        SliderClient& c = *m_clients.front();
        waitFor([&] { return c.idle(); }, 10'000);
        c.resetCounts();
        c.send(QStringLiteral(R"({"type":"rerun"})"));
        const bool done = waitFor([&] { return c.idle(); }, 10'000);
        turnFor(200);  // anything sent late would still be counted
        std::printf(
            "a full rerun that changes nothing           | %lld op bytes, %lld bytes in "
            "all (run started/finished, status)%s\n",
            c.opBytes, c.textBytes, done ? "" : " — did not finish");
    }

    void millionPoints() {
        for (const char* pass : {"first", "again"}) {
            BridgeClient client;
            if (!client.open(m_server.url())) return;
            QElapsedTimer clock;
            clock.start();
            client.hello({{QStringLiteral("dashboard"), QStringLiteral("bench-million")}});
            const bool shown = waitFor(
                [&] { return client.pathsOf(QStringLiteral("line_chart")).size() == 1; }, 60'000);
            std::printf("1,000,000-point chart, hello → decoded (%s) | %6lld ms, %5.1f MB%s\n",
                        pass, clock.elapsed(), double(client.bytesReceived()) / 1e6,
                        shown ? "" : " — not shown");
        }
    }

private:
    QElapsedTimer m_clock;
    Server m_server;
    std::vector<std::unique_ptr<SliderClient>> m_clients;
};

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const bool isolate = app.arguments().contains(QStringLiteral("--isolate"));
    std::printf("sessions %s\n",
                isolate ? "in a worker process (--isolate)" : "in the server (--no-isolate)");
    Bench bench;
    if (!bench.start(isolate)) {
        std::printf("the server did not start\n");
        return 1;
    }
    if (!bench.memoryPerIdleSession()) return 1;
    for (size_t n : {1, 10, 100, 200, 500}) bench.load(n);
    bench.noChangeRerun();
    bench.millionPoints();
    return 0;
}
