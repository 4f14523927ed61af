// SPDX-License-Identifier: GPL-3.0-or-later
// Sessions off the GUI thread: many sessions live in one worker thread, run parallel
// fragments, and reach the idle state while the GUI thread is blocked and runs no events.
#include <tessera/host/session.h>

#include <QCoreApplication>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <mutex>

using namespace tessera;
using namespace std::chrono_literals;

namespace {

constexpr int kSessions = 50;
constexpr int kFragments = 3;

void dashboard(Ui& ui) {
    const int rows = ui.slider(QStringLiteral("Rows"), 1, 100, 10);
    for (int i = 0; i < kFragments; ++i) {
        ui.fragment(QStringLiteral("part %1").arg(i), {.parallel = true}, [rows, i](Ui& f) {
            f.sleep(20ms);
            DataFrame data;
            data.add(QStringLiteral("y"), std::vector<double>(size_t(rows), double(i)));
            f.lineChart(data);
            f.text(QStringLiteral("part %1 done").arg(i));
        });
    }
}

/// Lives in the worker thread: owns the sessions and watches where their signals arrive.
class Host : public QObject {
public:
    QSemaphore allIdle;
    std::mutex mutex;
    /// Set once the sessions are built: a hand-over ThreadSanitizer sees (Qt's event queue,
    /// built on futexes, it cannot), so that the worker reads what the GUI thread built.
    std::atomic<bool> built{false};
    QSet<QThread*> signalThreads;  ///< threads any session signal was delivered in
    int batches = 0;
    int snapshotsFirst = 0;

    /// Sessions are made here, in the GUI thread, and move with the host to the worker:
    /// everything a session owns (its timers included) must move with it.
    Host() {
        for (int i = 0; i < kSessions; ++i) new Session(this);
    }

    void start() {
        int i = 0;
        for (Session* session : sessions()) {
            ++i;
            auto expected = std::make_shared<quint64>(0);
            auto sawSnapshot = std::make_shared<bool>(false);
            session->subscribe(this, [this, expected, sawSnapshot](const PageBatch& batch) {
                std::lock_guard lock(mutex);
                signalThreads.insert(QThread::currentThread());
                if (!*sawSnapshot) {
                    *sawSnapshot = true;
                    ++snapshotsFirst;
                } else if (batch.sequence != *expected + 1) {
                    qCritical("batch %llu after %llu", batch.sequence, *expected);
                    return;
                }
                *expected = batch.sequence;
                ++batches;
            });
            connect(session, &Session::idle, this, [this, session] {
                {
                    std::lock_guard lock(mutex);
                    signalThreads.insert(QThread::currentThread());
                }
                if (session->property("done").toBool() || !session->isIdle()) return;
                session->setProperty("done", true);
                allIdle.release();
            });
            session->setDashboard(Dashboard{QStringLiteral("d%1").arg(i), {}, {}, dashboard});
        }
    }

    QList<Session*> sessions() const { return findChildren<Session*>(); }
};

}  // namespace

class TestSessionThreads : public QObject {
    Q_OBJECT
private slots:
    void fiftySessionsRunInAWorkerThreadWithoutTheGuiThread() {
        QThread worker;
        worker.start();
        Host host;
        host.moveToThread(&worker);
        host.built.store(true, std::memory_order_release);
        QMetaObject::invokeMethod(&host, [&host] {
            if (host.built.load(std::memory_order_acquire)) host.start();
        });

        // The GUI thread now blocks without running its event loop: if any session needed
        // it (a timer, a queued call, a delivery), the sessions could not finish.
        const bool finished = host.allIdle.tryAcquire(kSessions, 60000);
        QVERIFY2(finished, "sessions in the worker thread did not all finish");

        std::atomic<int> pages{0}, lines{0}, wrongThread{0};
        QSemaphore checked;
        QMetaObject::invokeMethod(&host, [&] {
            for (Session* s : host.sessions()) {
                if (s->thread() != QThread::currentThread()) ++wrongThread;
                for (QTimer* t : s->findChildren<QTimer*>())
                    if (t->thread() != QThread::currentThread()) ++wrongThread;
                const auto& top = s->page().root(MainRoot).children;
                pages += int(top.size());
                for (const auto& node : top)
                    for (const auto& child : node->children)
                        if (child->element->kind == ElementKind::LineChart) ++lines;
                if (s->lastGroup().runs.size() != 1 + kFragments) ++wrongThread;
            }
            checked.release();
        });
        QVERIFY(checked.tryAcquire(1, 10000));
        QCOMPARE(wrongThread.load(), 0);
        QCOMPARE(pages.load(), kSessions * (1 + kFragments));  // slider + 3 fragment blocks
        QCOMPARE(lines.load(), kSessions * kFragments);
        {
            std::lock_guard lock(host.mutex);
            QCOMPARE(host.signalThreads, QSet<QThread*>{&worker});
            QCOMPARE(host.snapshotsFirst, kSessions);
            QVERIFY(host.batches > kSessions);
        }

        // A change from outside goes through the session's own thread, like a browser's.
        QSemaphore rerun;
        QMetaObject::invokeMethod(&host, [&] {
            Session* s = host.sessions().first();
            connect(s, &Session::groupFinished, &host, [&] { rerun.release(); });
            QVERIFY(s->setWidgetValue(s->findWidget(QStringLiteral("Rows")), 20).isEmpty());
        });
        QVERIFY(rerun.tryAcquire(1, 10000));

        QSemaphore gone;
        QMetaObject::invokeMethod(&host, [&] {
            qDeleteAll(host.sessions());
            gone.release();
        });
        QVERIFY(gone.tryAcquire(1, 10000));
        worker.quit();
        worker.wait();
        host.moveToThread(thread());  // destroyed here, after its thread ended
    }
};

QTEST_GUILESS_MAIN(TestSessionThreads)
#include "tst_sessionthreads.moc"
