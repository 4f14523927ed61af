// SPDX-License-Identifier: GPL-3.0-or-later
// Background work as a user sees it: asyncLoad placeholders and reruns, the process-wide
// single-flight cache, and FIFO concurrency groups shared by sessions.
#include <tessera/cacheregistry.h>

#include <tessera/host/limits.h>
#include <tessera/host/session.h>
#include <tessera/testing/apptest.h>
#include "cachestore.h"

#include <QElapsedTimer>
#include <QTest>
#include <atomic>
#include <mutex>
#include <numeric>
#include <thread>

using namespace tessera;
using tessera::testing::AppTest;
using namespace std::chrono_literals;

namespace {

/// Waits (on any thread) until `done()` holds; fails the wait after 20 s so that a broken
/// hand-over shows as a failure, not a hang.
template <typename F>
bool waitUntil(F done) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::yield();
    }
    return true;
}

int waitingIn(const QString& group) {
    for (const auto& g : limitGroups())
        if (g.name == group) return g.waiting;
    return 0;
}

int holdersOf(const QString& group) {
    for (const auto& g : limitGroups())
        if (g.name == group) return g.holders;
    return 0;
}

/// Joins threads when the scope ends, also while unwinding.
struct Joiner {
    std::vector<std::thread> threads;
    ~Joiner() {
        for (auto& t : threads) t.join();
    }
};

}  // namespace

class TestBackground : public QObject {
    Q_OBJECT
private slots:
    void asyncLoadShowsASkeletonThenTheValue() {
        AppTest at([](Ui& ui) {
            ui.title(QStringLiteral("report"));
            if (auto v = ui.asyncLoad<int>(QStringLiteral("answer"), [] {
                    std::this_thread::sleep_for(200ms);
                    return 42;
                }))
                ui.metric(QStringLiteral("answer"), QString::number(*v));
        });
        at.start();
        QTRY_VERIFY(at.element("skeleton").exists());
        QVERIFY(!at.element("metric").exists());
        QVERIFY(at.waitIdle());
        QCOMPARE(at.element("metric").value().toString(), QStringLiteral("42"));
        QVERIFY(!at.element("skeleton").exists());
    }

    void customPlaceholder() {
        AppTest at([](Ui& ui) {
            ui.asyncLoad<int>(QStringLiteral("slow"),
                              [](TaskContext& t) {
                                  t.sleep(300ms);
                                  return 1;
                              },
                              {.placeholder = QStringLiteral("Loading sales…")});
        });
        at.start();
        QTRY_COMPARE(at.element("spinner").text(), QStringLiteral("Loading sales…"));
        QVERIFY(at.waitIdle());
    }

    void onlyTheAskingScopeReruns() {
        std::atomic<int> mainRuns{0}, fragmentRuns{0};
        AppTest at([&](Ui& ui) {
            ++mainRuns;
            ui.fragment(QStringLiteral("panel"), {.parallel = true}, [&](Ui& f) {
                ++fragmentRuns;
                auto v = f.asyncLoad<QString>(QStringLiteral("greeting"), [] {
                    std::this_thread::sleep_for(100ms);
                    return QStringLiteral("hello");
                });
                if (v) f.text(*v);
            });
        });
        QVERIFY(at.run());
        QCOMPARE(at.element("text").text(), QStringLiteral("hello"));
        QCOMPARE(mainRuns.load(), 1);
        QCOMPARE(fragmentRuns.load(), 2);
        QVERIFY(!at.lastGroup().full);
    }

    void keyAndArgumentsSelectTheTask() {
        std::atomic<int> computations{0};
        AppTest at([&](Ui& ui) {
            for (int region : {1, 2, 1}) {
                auto v = ui.asyncLoad<int>(
                    QStringLiteral("sales"),
                    [&computations, region] {
                        ++computations;
                        return region * 100;
                    },
                    {}, region);
                ui.text(v ? QString::number(*v) : QStringLiteral("…"));
            }
        });
        QVERIFY(at.run());
        QCOMPARE(computations.load(), 2);  // region 1 asked twice, computed once
        QStringList shown;
        for (const auto& e : at.elements("text")) shown << e.text();
        QCOMPARE(shown, (QStringList{"100", "200", "100"}));
        QVERIFY(at.run());
        QCOMPARE(computations.load(), 2);  // kept per session
    }

    void anEmptyValueIsAResult() {
        std::atomic<int> computations{0};
        AppTest at([&](Ui& ui) {
            auto v = ui.asyncLoad<QStringList>(QStringLiteral("none"), [&] {
                ++computations;
                return QStringList();
            });
            auto zero = ui.asyncLoad<int>(QStringLiteral("zero"), [] { return 0; });
            if (v && zero) ui.success(QStringLiteral("%1 rows, zero=%2").arg(v->size()).arg(*zero));
        });
        QVERIFY(at.run());
        QCOMPARE(at.element("success").text(), QStringLiteral("0 rows, zero=0"));
        QVERIFY(at.run());
        QCOMPARE(computations.load(), 1);
    }

    void errorsAreRaisedAtTheCallSite() {
        AppTest at([](Ui& ui) {
            ui.text(QStringLiteral("before"));
            auto v = ui.asyncLoad<int>(QStringLiteral("broken"),
                                       []() -> int { throw std::runtime_error("backend down"); });
            if (v) ui.text(QStringLiteral("never"));
        });
        QVERIFY(at.run());
        const auto e = at.element("exception");
        QVERIFY(e.exists());
        QCOMPARE(e.text(), QStringLiteral("backend down"));
        QCOMPARE(e.path(), Path({MainRoot, 1}));  // where asyncLoad was called
        QCOMPARE(at.element("text").text(), QStringLiteral("before"));
    }

    // A load that ends while the session checks whether it is idle must still be shown:
    // run() returns only once its result has been drawn.
    void runNeverReturnsBeforeALoadedValueIsShown() {
        for (int round = 0; round < 100; ++round) {
            AppTest at([](Ui& ui) {
                if (auto v = ui.asyncLoad<int>(QStringLiteral("quick"), [] { return 7; }))
                    ui.metric(QStringLiteral("value"), QString::number(*v));
            });
            QVERIFY(at.run());
            QCOMPARE(at.element("metric").value().toString(), QStringLiteral("7"));
        }
    }

    void refreshKeepsTheOldValueAndDoesNotPileUp() {
        std::atomic<int> computations{0}, inFlight{0}, maxInFlight{0};
        std::atomic<bool> blankAfterFirst{false};
        std::atomic<bool> shownOnce{false};
        auto at = std::make_unique<AppTest>([&](Ui& ui) {
            auto v = ui.asyncLoad<int>(QStringLiteral("ticker"),
                                       [&] {
                                           maxInFlight = std::max(maxInFlight.load(), ++inFlight);
                                           std::this_thread::sleep_for(80ms);
                                           --inFlight;
                                           return ++computations;
                                       },
                                       {.refreshEvery = 50ms});
            if (v) {
                shownOnce = true;
                ui.metric(QStringLiteral("value"), QString::number(*v));
            } else if (shownOnce) {
                blankAfterFirst = true;
            }
        });
        QElapsedTimer clock;
        clock.start();
        QVERIFY(at->run());
        QTest::qWait(600);
        at.reset();  // the session ends: no more reloads
        const qint64 elapsed = clock.elapsed();
        QTRY_COMPARE(inFlight.load(), 0);  // the last one finishes before our counters go
        QVERIFY(computations >= 3);
        // Reloads run one at a time (80 ms each), however often they are due.
        QVERIFY2(computations <= elapsed / 80 + 2,
                 qPrintable(QStringLiteral("%1 in %2 ms").arg(computations.load()).arg(elapsed)));
        QCOMPARE(maxInFlight.load(), 1);
        QVERIFY(!blankAfterFirst);  // the old value stayed while the new one loaded
    }

    void tasksAreCancelledWhenTheSessionEnds() {
        std::atomic<bool> started{false}, sawCancel{false};
        {
            AppTest at([&](Ui& ui) {
                ui.asyncLoad<int>(QStringLiteral("long"), [&](TaskContext& task) {
                    started = true;
                    while (!task.cancelled()) std::this_thread::sleep_for(5ms);
                    sawCancel = true;
                    return 1;
                });
            });
            at.start();
            QTRY_VERIFY(started);
        }
        QTRY_VERIFY(sawCancel);
    }

    void tasksNoLongerAskedForAreCancelled() {
        std::atomic<bool> started{false}, sawCancel{false};
        AppTest at([&](Ui& ui) {
            if (ui.checkbox(QStringLiteral("load"), true))
                ui.asyncLoad<int>(QStringLiteral("long"), [&](TaskContext& task) {
                    started = true;
                    try {
                        task.sleep(10s);
                    } catch (const Interrupted&) {
                        sawCancel = true;
                        throw;
                    }
                    return 1;
                });
        });
        at.start();
        QTRY_VERIFY(at.element("skeleton").exists());
        // A task cancelled before a pool thread took it up never runs: wait until it has.
        QTRY_VERIFY(started);
        at.widget(QStringLiteral("load")).set(false);
        at.session().rerun();
        QTRY_VERIFY(sawCancel);
        QVERIFY(at.waitIdle());
        QVERIFY(!at.element("skeleton").exists());
    }

    void cacheIsSingleFlight() {
        std::atomic<int> computations{0};
        std::vector<std::thread> callers;
        std::vector<int> results(32, 0);
        for (int i = 0; i < 32; ++i)
            callers.emplace_back([&, i] {
                results[size_t(i)] = cacheData<int>(QStringLiteral("single-flight"), [&] {
                    ++computations;
                    std::this_thread::sleep_for(100ms);
                    return 7;
                });
            });
        for (auto& t : callers) t.join();
        QCOMPARE(computations.load(), 1);
        for (int r : results) QCOMPARE(r, 7);
        const auto before = detail::CacheStore::data().computations();
        QCOMPARE(cacheData<int>(QStringLiteral("single-flight"), [] { return 0; }), 7);  // a hit
        QCOMPARE(detail::CacheStore::data().computations(), before);
    }

    void cacheFailureReachesEveryCallerAndIsNotCached() {
        std::atomic<int> computations{0}, failures{0};
        std::vector<std::thread> callers;
        for (int i = 0; i < 32; ++i)
            callers.emplace_back([&] {
                try {
                    cacheData<int>(QStringLiteral("failing"), [&]() -> int {
                        ++computations;
                        // Fail only once every other caller waits for this computation: a
                        // caller arriving after the failure would rightly compute again.
                        waitUntil([] { return detail::CacheStore::data().waiters() == 31; });
                        throw std::runtime_error("database down");
                    });
                } catch (const std::runtime_error& e) {
                    if (QByteArray(e.what()) == "database down") ++failures;
                }
            });
        for (auto& t : callers) t.join();
        QCOMPARE(computations.load(), 1);
        QCOMPARE(failures.load(), 32);
        QCOMPARE(cacheData<int>(QStringLiteral("failing"), [] { return 3; }), 3);  // recomputed
    }

    void cacheKeysArgumentsTtlAndLru() {
        std::atomic<int> computations{0};
        auto square = [&](int x) {
            ++computations;
            return x * x;
        };
        const CacheOptions lru{.maxEntries = 2};
        QCOMPARE(cacheData<int>(QStringLiteral("square"), 2, square, lru), 4);
        QCOMPARE(cacheData<int>(QStringLiteral("square"), 3, square, lru), 9);
        QCOMPARE(cacheData<int>(QStringLiteral("square"), 2, square, lru), 4);
        QCOMPARE(computations.load(), 2);
        QCOMPARE(cacheData<int>(QStringLiteral("square"), 4, square, lru),
                 16);  // evicts 3, the least recent
        QCOMPARE(cacheData<int>(QStringLiteral("square"), 2, square, lru), 4);
        QCOMPARE(computations.load(), 3);
        QCOMPARE(cacheData<int>(QStringLiteral("square"), 3, square, lru), 9);
        QCOMPARE(computations.load(), 4);

        computations = 0;
        const CacheOptions ttl{.ttl = 60ms};
        cacheData<int>(QStringLiteral("ttl"), 1, square, ttl);
        cacheData<int>(QStringLiteral("ttl"), 1, square, ttl);
        QCOMPARE(computations.load(), 1);
        QTest::qWait(100);
        cacheData<int>(QStringLiteral("ttl"), 1, square, ttl);
        QCOMPARE(computations.load(), 2);

        clearCaches();
        cacheData<int>(QStringLiteral("ttl"), 1, square, ttl);
        QCOMPARE(computations.load(), 3);
    }

    void cacheResourceIsSharedNotCopied() {
        struct Pool {
            int id = 0;
        };
        std::atomic<int> created{0};
        auto a = cacheResource<Pool>(QStringLiteral("pool"), [&] {
            ++created;
            return std::make_shared<Pool>(Pool{5});
        });
        auto b = cacheResource<Pool>(QStringLiteral("pool"), [&] {
            ++created;
            return std::make_shared<Pool>();
        });
        QCOMPARE(a.get(), b.get());
        QCOMPARE(created.load(), 1);
        QCOMPARE(b->id, 5);
    }

    void limiterIsFifoAcross50Sessions() {
        const QString group = QStringLiteral("fifo-test");
        std::atomic<bool> release{false};
        AppTest blocker([&](Ui& ui) {
            auto slot = ui.limit(group, {.maxConcurrent = 1, .maxQueue = 100});
            while (!release) ui.sleep(5ms);
        });
        blocker.start();
        QTRY_COMPARE(holdersOf(group), 1);

        std::mutex mutex;
        QVector<int> order;
        std::vector<std::unique_ptr<AppTest>> sessions;
        for (int i = 0; i < 50; ++i) {
            sessions.push_back(std::make_unique<AppTest>([&, i](Ui& ui) {
                auto slot = ui.limit(group, {.maxConcurrent = 1, .maxQueue = 100});
                std::lock_guard lock(mutex);
                order.append(i);
            }));
            sessions.back()->start();
            QTRY_COMPARE(waitingIn(group), i + 1);  // queued in this order
        }
        QTRY_VERIFY(sessions[2]->element("info").text().contains(QStringLiteral("position 3 of")));
        release = true;
        for (auto& s : sessions) QVERIFY(s->waitIdle(20000));
        QVERIFY(blocker.waitIdle());
        QVector<int> expected(50);
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(order, expected);
        QCOMPARE(holdersOf(group), 0);
        QCOMPARE(waitingIn(group), 0);
        QVERIFY(!sessions[2]->element("info").exists());  // the waiting line is gone once served
    }

    /// Requests that must not block (a host answering its workers) and runs of this process
    /// share one FIFO queue; a request withdrawn leaves it, one granted gives its place back.
    void requestsAndRunsQueueTogether() {
        const QString group = QStringLiteral("request-test");
        std::atomic<bool> release{false};
        AppTest holder([&](Ui& ui) {
            auto slot = ui.limit(group);
            while (!release) ui.sleep(5ms);
        });
        holder.start();
        QTRY_COMPARE(holdersOf(group), 1);

        std::mutex mutex;
        QStringList events;  // in the order the group told them
        const auto record = [&](const QString& event) {
            std::lock_guard lock(mutex);
            events << event;
        };
        const auto ask = [&](const QString& name) {
            QString rejected;
            const quint64 ticket = limitplaces::request(
                group, {},
                [&, name](int position, int length) {
                    record(QStringLiteral("%1 %2/%3").arg(name).arg(position).arg(length));
                },
                [&, name] { record(name + QStringLiteral(" granted")); }, &rejected);
            return ticket;
        };
        const quint64 a = ask(QStringLiteral("a"));
        QVERIFY(a != 0);
        AppTest run([&](Ui& ui) {
            auto slot = ui.limit(group);
            record(QStringLiteral("run granted"));
        });
        run.start();
        QTRY_COMPARE(waitingIn(group), 2);
        const quint64 b = ask(QStringLiteral("b"));
        QCOMPARE(waitingIn(group), 3);
        QVERIFY(limitplaces::withdraw(group, b));  // b leaves the queue, never granted
        QCOMPARE(waitingIn(group), 2);

        release = true;  // the holder leaves: a, then the run
        QTRY_VERIFY([&] {
            std::lock_guard lock(mutex);
            return events.contains(QStringLiteral("a granted"));
        }());
        QCOMPARE(holdersOf(group), 1);
        QVERIFY(!limitplaces::withdraw(group, a));  // granted already: its place is ours
        limitplaces::release(group);
        QVERIFY(run.waitIdle());
        QVERIFY(holder.waitIdle());
        const QStringList told = [&] {
            std::lock_guard lock(mutex);  // not held while the group is asked
            return events;
        }();
        QCOMPARE(told, (QStringList{"a 1/1", "a 1/2", "a 1/3", "b 3/3", "a 1/2", "a granted",
                                    "run granted"}));
        QCOMPARE(holdersOf(group), 0);
        QCOMPARE(waitingIn(group), 0);
    }

    void positionTextFollowsTheQueue() {
        const QString group = QStringLiteral("position-test");
        std::atomic<int> stage{0};
        AppTest blocker([&](Ui& ui) {
            auto slot = ui.limit(group);
            while (stage < 1) ui.sleep(5ms);
        });
        AppTest first([&](Ui& ui) {
            auto slot = ui.limit(group);
            while (stage < 2) ui.sleep(5ms);
        });
        AppTest second([&](Ui& ui) { auto slot = ui.limit(group); });
        blocker.start();
        QTRY_COMPARE(holdersOf(group), 1);
        first.start();
        QTRY_COMPARE(waitingIn(group), 1);
        second.start();
        QTRY_COMPARE(second.element("info").text(),
                     QStringLiteral("Waiting for position-test — position 2 of 2"));
        stage = 1;  // the blocker leaves; "first" gets the place
        QTRY_COMPARE(second.element("info").text(),
                     QStringLiteral("Waiting for position-test — position 1 of 1"));
        stage = 2;
        QVERIFY(second.waitIdle());
        QVERIFY(!second.element("info").exists());
    }

    void fullQueueIsRefusedWithAClearError() {
        const QString group = QStringLiteral("full-test");
        std::atomic<bool> release{false};
        auto holdOrWait = [&](Ui& ui) {
            auto slot = ui.limit(group, {.maxConcurrent = 1, .maxQueue = 2});
            while (!release) ui.sleep(5ms);
        };
        AppTest a(holdOrWait), b(holdOrWait), c(holdOrWait);
        a.start();
        QTRY_COMPARE(holdersOf(group), 1);
        b.start();
        c.start();
        QTRY_COMPARE(waitingIn(group), 2);
        AppTest refused([&](Ui& ui) {
            auto slot = ui.limit(group, {.maxConcurrent = 1, .maxQueue = 2});
            ui.text(QStringLiteral("never"));
        });
        QVERIFY(refused.run());
        QVERIFY(refused.element("error").text().contains(
            QStringLiteral("queue for 'full-test' is full")));
        QVERIFY(!refused.element("text").exists());
        QVERIFY(!refused.element("exception").exists());  // one clear error, not two
        QCOMPARE(refused.exceptions().size(), 1);
        release = true;
        QVERIFY(a.waitIdle() && b.waitIdle() && c.waitIdle());
        QCOMPARE(holdersOf(group), 0);
    }

    void cancelledWaitersLeaveNothingBehind() {
        const QString group = QStringLiteral("cancel-test");
        AppTest at([&](Ui& ui) {
            auto slot = ui.limit(group, {.maxConcurrent = 1, .maxQueue = 2000});
            Joiner joiner;
            for (int i = 0; i < 1000; ++i)
                joiner.threads.emplace_back(ui.bind([ui]() mutable {
                    try {
                        auto waiting = ui.limit(QStringLiteral("cancel-test"),
                                                {.maxConcurrent = 1, .maxQueue = 2000});
                    } catch (const Interrupted&) {
                    }
                }));
            ui.sleep(60s);
        });
        at.start();
        QTRY_COMPARE_WITH_TIMEOUT(waitingIn(group), 1000, 20000);
        QCOMPARE(holdersOf(group), 1);
        at.session().stop();
        QVERIFY(at.waitIdle(20000));
        // The run may have been abandoned while its 1,000 threads were still being joined;
        // the holder's slot goes when they are.
        QTRY_COMPARE_WITH_TIMEOUT(waitingIn(group), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(holdersOf(group), 0, 20000);
    }

    void exceptionReleasesTheSlot() {
        const QString group = QStringLiteral("throw-test");
        AppTest at([&](Ui& ui) {
            auto slot = ui.limit(group);
            throw std::runtime_error("model crashed");
        });
        QVERIFY(at.run());
        QCOMPARE(at.exceptions().size(), 1);
        QCOMPARE(holdersOf(group), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackground)
#include "tst_background.moc"
