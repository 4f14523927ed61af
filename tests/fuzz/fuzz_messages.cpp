// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for what a browser can send: each line of an input is one text frame (or, when
// it starts with 0x02, a binary frame of an upload), decoded and dispatched as a connection
// does (a hello to the session registry, an upload checked against its uploader, everything
// else to the session it opened). The client side checks every reply: each text frame is a JSON
// object with a type, and each page message decodes against the buffers sent before it.
// Built with libFuzzer by the `fuzz` preset; tst_fuzzcorpus replays the seed corpus.
#include "browsersession.h"
#include "clientmessage.h"
#include "servermessage.h"
#include "sessionregistry.h"

#include <tessera/host/sessionhandle.h>
#include "upload.h"
#include "viewersession.h"

#include <tessera/dashboard.h>
#include <tessera/host/codec.h>
#include <tessera/host/session.h>

#include <spdlog/spdlog.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <cstdio>
#include <cstdlib>

using namespace tessera;
using namespace tessera::bridge;

namespace {

[[noreturn]] void fail(const char* what, const QByteArray& detail) {
    std::fprintf(stderr, "fuzz_messages: %s: %.300s\n", what, detail.constData());
    std::abort();
}

/// A client that checks what the server sends as it arrives.
class CheckingClient : public ViewerSink {
public:
    void sendText(const QByteArray& message) override {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(message, &parseError);
        if (!doc.isObject()) fail("a reply is not a JSON object", message);
        const QJsonObject object = doc.object();
        const QString type = object.value(QLatin1String("type")).toString();
        if (type.isEmpty()) fail("a reply has no type", message);
        if (type == QLatin1String("snapshot") || type == QLatin1String("ops")) {
            const qint64 sequence = object.value(QLatin1String("sequence")).toInteger(-1);
            if (type == QLatin1String("ops") && m_sequence >= 0 && sequence != m_sequence + 1)
                fail("ops out of sequence", message);
            m_sequence = sequence;
            QString error;
            if (!server::decodeOps(object.value(QLatin1String("ops")).toArray(), m_buffers, &error))
                fail("a page message does not decode", error.toUtf8() + " in " + message);
        } else if (type == QLatin1String("release")) {
            QStringList ids;
            for (const QJsonValue& id : object.value(QLatin1String("buffers")).toArray())
                ids.append(id.toString());
            m_buffers.release(ids);
        }
    }
    void sendBinary(const QByteArray& frame) override {
        const auto buffer = server::decodeBufferFrame(frame);
        if (!buffer) fail("a binary frame does not decode", frame.left(64).toHex());
        m_buffers.insert(buffer->id, buffer->bytes);
    }
    void closeSink(const QString&) override {}

private:
    BufferTable m_buffers;
    qint64 m_sequence = -1;
};

/// Typed columns and grammar charts made from widget values, so that fuzzed values reach the
/// chart compiler and the codec's typed columns: times that may leave the years a chart can
/// show (at a large scale), categories from typed text, missing values, a bin count from a
/// number (not always positive), and a field named by typed text (mostly missing). Bad specs
/// show errors in their charts' places; the rest goes to the client, which decodes it.
void grammarCharts(Ui& ui, int n, double scale, const QString& name, double number) {
    std::vector<qint64> times, counts;
    std::vector<bool> flags, missing;
    QStringList kinds;
    std::vector<double> values;
    for (int i = 0; i < n; ++i) {
        times.push_back(qint64(double(i) * scale * 1e13));
        counts.push_back(i % 5);
        flags.push_back(i % 2 == 0);
        missing.push_back(i % 7 == 3);
        kinds << name.left(8) + QString::number(i % 3);
        values.push_back(scale * i - number);
    }
    const DataFrame data = DataFrame()
                               .add(Column::timestamps(QStringLiteral("t"), times, missing,
                                                       QStringLiteral("Europe/Paris")))
                               .add(Column::categories(QStringLiteral("kind"), kinds, missing))
                               .add(Column::int64s(QStringLiteral("count"), counts, missing))
                               .add(Column::bools(QStringLiteral("ok"), flags, missing))
                               .add(QStringLiteral("v"), values);
    ui.dataframe(data, 160);
    ui.chart(data, Chart(Layer(Mark::Line)
                             .x(QStringLiteral("t"))
                             .y(QStringLiteral("v"))
                             .color(QStringLiteral("kind")))
                       .layer(Layer(Mark::Rule).y(Field::value(number))));
    ui.chart(data, Chart(Layer(Mark::Bar)
                             .x(Field(QStringLiteral("v")).bin(int(number)))
                             .y(Field::count())
                             .color(QStringLiteral("kind"))));
    ui.chart(data, Chart(Layer(Mark::Rect)
                             .x(Field(QStringLiteral("count")).type(FieldType::Ordinal))
                             .y(QStringLiteral("kind"))
                             .color(QStringLiteral("v"))));
    ui.chart(data, Chart(Layer(Mark::Arc).theta(Field(name)).color(QStringLiteral("kind"))));
    ui.chart(data, Chart(Layer(Mark::Boxplot).x(QStringLiteral("kind")).y(QStringLiteral("v"))));
}

/// A small dashboard with every widget kind, a fragment, a chart and a sidebar, so that
/// widget messages reach every coercion and rerun path.
void everyWidget(Ui& ui) {
    ui.title(QStringLiteral("Fuzz"));
    ui.sidebar().selectbox(QStringLiteral("Region"),
                           {QStringLiteral("north"), QStringLiteral("south")});
    const int n = ui.slider(QStringLiteral("Points"), 0, 50, 10).get();
    const double scale = ui.slider(QStringLiteral("Scale"), 0.0, 2.0, 1.0).get();
    const auto [from, to] = ui.rangeSlider(QStringLiteral("Range"), 0, 100, {10, 90}).get();
    if (ui.button(QStringLiteral("Go")).get()) ui.text(QStringLiteral("went"));
    ui.checkbox(QStringLiteral("Check"));
    ui.toggle(QStringLiteral("Toggle"), true);
    ui.radio(QStringLiteral("Radio"), {QStringLiteral("a"), QStringLiteral("b")});
    ui.multiselect(QStringLiteral("Many"), {QStringLiteral("x"), QStringLiteral("y")});
    const QString name = ui.textInput(QStringLiteral("Name")).get();
    ui.textArea(QStringLiteral("Notes"));
    const double number = ui.numberInput(QStringLiteral("Number"), 1, -10, 10).get();
    ui.dateInput(QStringLiteral("Day"), QDate(2026, 1, 1));
    ui.colorPicker(QStringLiteral("Colour"));
    ui.fileUploader(QStringLiteral("Files"),
                    {.types = {QStringLiteral("csv"), QStringLiteral("txt")},
                     .maxBytes = 4096,
                     .multiple = true});
    ui.fileUploader(QStringLiteral("Locked"), {}, {.disabled = true});
    Ui form = ui.form(QStringLiteral("form"), {.clearOnSubmit = true});
    form.slider(QStringLiteral("In form"), 0, 10, 1);
    form.formSubmitButton(QStringLiteral("Send"));
    std::vector<double> x, y;
    for (int i = 0; i < n; ++i) x.push_back(i), y.push_back(scale * i * i);
    ui.lineChart(DataFrame().add(QStringLiteral("x"), std::move(x)).add(QStringLiteral("y"), y),
                 {.x = QStringLiteral("x")});
    ui.dataEditor(DataFrame()
                      .add(QStringLiteral("y"), y)
                      .add(QStringLiteral("name"), QStringList(int(y.size()), "a")),
                  {.label = QStringLiteral("Edit"), .addRows = true, .deleteRows = true});
    ui.scatterChart(DataFrame().add(QStringLiteral("y"), y),
                    {.selectionMode = SelectionMode::Box, .key = QStringLiteral("box")});
    ui.fragment(QStringLiteral("inner"), [span = to - from](Ui& f) {
        const int k = f.slider(QStringLiteral("Inner"), 0, 5, 1).get();
        f.metric(QStringLiteral("span"), QString::number(span * k));
    });
    auto columns = ui.columns(2);
    columns[0].text(QString::number(n));
    ui.expander(QStringLiteral("More")).json(QJsonObject{{QStringLiteral("n"), n}});
    grammarCharts(ui, n, scale, name, number);
}

struct Harness {
    Harness()
        : dashboards{{QStringLiteral("fuzz"), QStringLiteral("Fuzz"), {}, everyWidget},
                     {QStringLiteral("plain"),
                      QStringLiteral("Plain"),
                      {},
                      [](Ui& ui) { ui.text(QStringLiteral("plain")); }}},
          registry({dashboards, &sessions, {}, 0, 8}) {
        window.setDashboard(dashboards.first());
        registry.setMirrorSource(&windowHandle);
        ClientMessage hello;
        hello.type = ClientMessage::Type::Hello;
        hello.versions = {kProtocolVersion};
        main = qobject_cast<BrowserSession*>(
            std::get<SessionRegistry::Opened>(registry.open(hello)).session);
        main->attach(&client);
        waitIdle();
    }

    /// Lets the sessions' runs finish, so that work cannot pile up between inputs.
    void waitIdle() {
        QElapsedTimer waited;
        waited.start();
        auto* mine = qobject_cast<LocalSessionHandle*>(&main->session());
        for (Session* s : {&mine->session(), &window}) {
            while (!s->isIdle() && waited.elapsed() < 10'000) {
                QEventLoop loop;
                QObject::connect(s, &Session::idle, &loop, &QEventLoop::quit);
                QTimer::singleShot(20, &loop, &QEventLoop::quit);
                loop.exec();
            }
        }
        QCoreApplication::processEvents();
    }

    void frame(const QByteArray& text) {
        // A line that starts with 0x02 is a binary frame: bytes of an upload, as a
        // connection takes them.
        if (text.startsWith('\x02')) {
            if (!upload.active()) {
                client.sendText(server::error(errors::binaryRefused, QStringLiteral("binary"), {}));
            } else if (const auto error = upload.receive(text.mid(1))) {
                client.sendText(server::error(error->code, error->message, error->ref));
            }
            return;
        }
        auto decoded = decodeClientMessage(text);
        if (auto* error = std::get_if<ProtocolError>(&decoded)) {
            if (error->code.isEmpty() || error->message.isEmpty())
                fail("an error without code or message", text);
            client.sendText(server::error(error->code, error->message, error->ref));
            return;
        }
        const ClientMessage& message = std::get<ClientMessage>(decoded);
        if (message.type == ClientMessage::Type::Upload) {
            // Checked against the uploader before any byte, as a connection does.
            auto error = main->checkUpload(message);
            if (!error) error = upload.start(message);
            if (error) client.sendText(server::error(error->code, error->message, error->ref));
            return;
        }
        if (message.type == ClientMessage::Type::UploadDone) {
            auto finished = upload.finish(message);
            if (auto* error = std::get_if<ProtocolError>(&finished))
                client.sendText(server::error(error->code, error->message, error->ref));
            else
                main->handle(std::get<ClientMessage>(finished));
            return;
        }
        if (message.type != ClientMessage::Type::Hello) {
            main->handle(message);
            return;
        }
        // A new connection's hello: open its session, show it the page, and let it go.
        auto opened = registry.open(message);
        if (auto* error = std::get_if<ProtocolError>(&opened)) {
            client.sendText(server::error(error->code, error->message, error->ref));
            return;
        }
        ViewerSession* session = std::get<SessionRegistry::Opened>(opened).session;
        if (session == main) fail("a hello resumed a session it has no token for", text);
        CheckingClient other;
        session->attach(&other);
        QCoreApplication::processEvents();
        session->handle(message);  // a second hello is refused
        session->detach(&other);
        registry.park(session);  // a TTL of 0: ended on the next turn of the loop
    }

    QVector<Dashboard> dashboards;
    LocalSessionHost sessions;
    LocalSessionHandle windowHandle;  // what a mirror follows
    Session& window = windowHandle.session();
    SessionRegistry registry;
    CheckingClient client;
    BrowserSession* main = nullptr;
    Upload upload{1 << 16, std::make_shared<UploadBudget>(1 << 18)};
    int inputs = 0;
};

Harness* harness = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    static int noArgc = 1;
    static char name[] = "fuzz_messages";
    static char* noArgv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc ? *argc : noArgc, argv ? *argv : noArgv);
    spdlog::set_level(spdlog::level::err);  // refused values are expected here, not news
    harness = new Harness;
    return 0;
}

/// Ends the harness when a test replays the corpus: its sessions' runs finish and its
/// sessions end before the application object goes away. libFuzzer itself never calls it.
extern "C" void fuzzTargetShutdown() {
    if (!harness) return;
    harness->waitIdle();
    delete harness;
    harness = nullptr;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!harness) LLVMFuzzerInitialize(nullptr, nullptr);
    const QList<QByteArray> frames =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)).split('\n');
    int handled = 0;
    for (const QByteArray& frame : frames) {
        if (++handled > 32) break;
        harness->frame(QByteArray(frame.constData(), frame.size()));
        QCoreApplication::processEvents();
    }
    if (++harness->inputs % 64 == 0) harness->waitIdle();
    // What deleteLater() left (viewers' relays), as a running event loop would delete it.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return 0;
}
