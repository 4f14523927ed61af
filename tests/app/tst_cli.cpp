// SPDX-License-Identifier: GPL-3.0-or-later
// The `tessera` command line, run as a user would run it.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result tessera(const QStringList& args, const QProcessEnvironment& env = {}) {
    QProcess p;
    if (!env.isEmpty()) p.setProcessEnvironment(env);
    p.start(QStringLiteral(TESSERA_BIN), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

const QStringList kFixtures{QStringLiteral("--plugin-dir"), QStringLiteral(FIXTURE_DIR)};

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void onceJsonPrintsTreeTimingsAndExceptions() {
        const Result r = tessera({"--headless", "--once", "--json", "gallery"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(r.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.value("dashboard").toString(), QStringLiteral("gallery"));
        QVERIFY(doc.value("page").toObject().value("main").toArray().size() > 5);
        QVERIFY(doc.value("page").toObject().value("sidebar").toArray().size() > 0);
        const QJsonArray runs = doc.value("group").toObject().value("runs").toArray();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].toObject().value("name").toString(), QStringLiteral("main"));
        QCOMPARE(runs[0].toObject().value("scope").toString(), QStringLiteral("main"));
        QCOMPARE(runs[0].toObject().value("status").toString(), QStringLiteral("finished"));
        QVERIFY(runs[0].toObject().value("finishedMs").toDouble() > 0);
        QVERIFY(doc.value("exceptions").toArray().isEmpty());
    }

    void helpNamesTheProgram() {
        const Result r = tessera({"--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("Usage: tessera [options]"), r.out.constData());
    }

    void theTerminalShowsWarningsUnlessALevelIsGiven() {
        // Info lines (plugins loaded, runs) go to the log file; the terminal stays quiet.
        const Result quiet = tessera({"--list"});
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(!quiet.err.contains(" info "), quiet.err.constData());
        const Result told = tessera({"--list", "--log-level", "info"});
        QCOMPARE(told.exitCode, 0);
        QVERIFY2(told.err.contains("loaded plugin"), told.err.constData());
        // Problems still reach the terminal: the fixtures' broken plugins are errors.
        const Result warned = tessera(kFixtures + QStringList{"--list"});
        QVERIFY2(warned.err.contains("error [plugins]"), warned.err.constData());
    }

    void throwingDashboardExitsNonZero() {
        const Result r =
            tessera(kFixtures + QStringList{"--headless", "--once", "--json", "fixture-fails"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc.value("exceptions").toArray().size(), 1);
        QVERIFY(doc.value("exceptions")
                    .toArray()[0]
                    .toString()
                    .contains(QStringLiteral("fixture failure")));
    }

    void aProblemShownInPlaceOfAnElementExitsNonZero() {
        const Result r = tessera(kFixtures + QStringList{"--once", "--json", "fixture-problem"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(doc.value("exceptions").toArray().size(), 0);
        const QJsonArray problems = doc.value("problems").toArray();
        QCOMPARE(problems.size(), 1);  // the chart's, not the dashboard's own alert
        QVERIFY2(problems[0].toString().contains(QStringLiteral("x column 'day' is not numeric")),
                 qPrintable(problems[0].toString()));
        QVERIFY2(r.err.contains("--allow-errors"), r.err.constData());
        const Result text = tessera(kFixtures + QStringList{"--once", "fixture-problem"});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("problem: line_chart: x column 'day' is not numeric"),
                 text.out.constData());
        QCOMPARE(tessera(kFixtures + QStringList{"--once", "--allow-errors", "fixture-problem"})
                     .exitCode,
                 0);
        QCOMPARE(
            tessera(kFixtures + QStringList{"--once", "--allow-errors", "fixture-fails"}).exitCode,
            0);
    }

    void setChangesAWidgetBeforeTheRun() {
        const Result r =
            tessera(kFixtures + QStringList{"--once", "--json", "--set", "n=7", "fixture-hello"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("\"value\": \"49\""));
    }

    void badSetValueIsRefused() {
        const Result r =
            tessera(kFixtures + QStringList{"--once", "--set", "n=99", "fixture-hello"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("outside the range"), r.err.constData());
        const Result unknown =
            tessera(kFixtures + QStringList{"--once", "--set", "nope=1", "fixture-hello"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains("no widget"));
    }

    void growthRunsItsChartsInParallel() {
        const Result r = tessera({"--once", "--json", "--fragment-threads", "4", "growth"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject group = QJsonDocument::fromJson(r.out).object().value("group").toObject();
        const QJsonArray runs = group.value("runs").toArray();
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs[1].toObject().value("name").toString(), QStringLiteral("user growth"));
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value("page")
                     .toObject()
                     .value("main")
                     .toArray()
                     .size(),
                 6);
        for (const auto& s : runs)
            QCOMPARE(s.toObject().value("status").toString(), QStringLiteral("finished"));
    }

    void listShowsDashboardsAndFailures() {
        const Result r = tessera(kFixtures + QStringList{"--list"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("gallery-widgets"));
        QVERIFY(r.out.contains("fixture-hello"));
        QVERIFY(r.out.contains("failed:"));
        QVERIFY(r.out.contains("no licence file found"));
    }

    /// What a user on a machine without a display gets: every shipped dashboard runs once
    /// and exits 0, whether or not it draws with QPainter.
    void everyListedDashboardRunsOnceWithoutADisplay() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        const Result list = tessera({"--list"}, env);
        QCOMPARE(list.exitCode, 0);
        QStringList ids;
        for (const QByteArray& line : list.out.split('\n'))
            if (!line.isEmpty() && !line.startsWith("failed:"))
                ids << QString::fromUtf8(line.split(' ').first());
        QVERIFY2(ids.size() >= 8, list.out.constData());
        for (const QString& id : ids) {
            const Result r = tessera({"--once", "--log-level", "warn", id}, env);
            QVERIFY2(r.exitCode == 0, qPrintable(QStringLiteral("%1 exited %2: %3")
                                                     .arg(id)
                                                     .arg(r.exitCode)
                                                     .arg(QString::fromUtf8(r.err))));
        }
    }

    void newWritesAProjectAndRefusesToOverwrite() {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString dir = scratch.filePath(QStringLiteral("board"));
        const Result r = tessera({"new", "my_board", dir});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("tessera --plugin-dir build my-board"), r.out.constData());
        QFile source(dir + QStringLiteral("/src/my_board.cpp"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray text = source.readAll();
        QVERIFY(text.contains("QStringLiteral(\"my-board\"), QStringLiteral(\"My Board\")"));
        QVERIFY2(!text.contains('@'), "a placeholder was left");
        QVERIFY(QFile::exists(dir + QStringLiteral("/tests/tst_my_board.cpp")));

        // A second time into the same folder: refused, and nothing is touched.
        const Result again = tessera({"new", "my_board", dir});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("is not empty"), again.err.constData());
        QVERIFY(source.size() == text.size());
    }

    void newRefusesNamesThatCannotBeIds() {
        QTemporaryDir scratch;
        for (const char* name : {"9lives", "has space", "dots.in.name", "-x"}) {
            const Result r = tessera({"new", name, scratch.filePath(QStringLiteral("p"))});
            QCOMPARE(r.exitCode, 2);
            QVERIFY(!QFile::exists(scratch.filePath(QStringLiteral("p"))));
        }
        QCOMPARE(tessera({"new"}).exitCode, 2);
        const Result help = tessera({"new", "--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: tessera new NAME [DIR]"));
    }

    void usageErrors() {
        QCOMPARE(tessera({"--once", "no-such-dashboard"}).exitCode, 2);
        QCOMPARE(tessera({"--json"}).exitCode, 2);
        QCOMPARE(tessera({"--log-level", "loud", "--once"}).exitCode, 2);
        QCOMPARE(tessera({"--set", "novalue", "--once"}).exitCode, 2);
        QCOMPARE(tessera({"--fragment-threads", "0", "--once"}).exitCode, 2);
        QCOMPARE(tessera({"--fragment-threads", "many", "--once"}).exitCode, 2);
        // The server's limits take numbers in their range, and say which.
        const Result limit = tessera({"--serve", "0", "--hello-timeout", "0"});
        QCOMPARE(limit.exitCode, 2);
        QVERIFY2(limit.err.contains("--hello-timeout expects a number from 1 to 600"),
                 limit.err.constData());
        QCOMPARE(tessera({"--serve", "0", "--max-output-mib", "lots"}).exitCode, 2);
        QCOMPARE(tessera({"--serve", "0", "--max-pending-per-address", "-1"}).exitCode, 2);
        // Isolation is for the window and a server (--once runs in this process), and the
        // workers' limits need it.
        const Result alone = tessera({"--isolate", "--once"});
        QCOMPARE(alone.exitCode, 2);
        QVERIFY2(alone.err.contains("--isolate is for the window and --serve"),
                 alone.err.constData());
        const Result inProcess = tessera({"--serve", "0", "--no-isolate", "--run-timeout", "5"});
        QCOMPARE(inProcess.exitCode, 2);
        QVERIFY2(inProcess.err.contains("--worker-memory and --run-timeout are for workers"),
                 inProcess.err.constData());
        QCOMPARE(tessera({"--once", "--worker-memory", "100"}).exitCode, 2);
        QCOMPARE(tessera({"--serve", "0", "--isolate", "--no-isolate"}).exitCode, 2);
        QCOMPARE(tessera({"--serve", "0", "--isolate", "--worker-memory", "1"}).exitCode, 2);
        QCOMPARE(tessera({"--serve", "0", "--isolate", "--run-timeout", "soon"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
