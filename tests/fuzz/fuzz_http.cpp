// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target for what a client can send before it is let in: bytes on a connection, read
// as an HttpConnection reads them (a head within the size limit, parsed strictly), then
// answered by the page server (access check from the head alone, with and without a token).
// The oracle is the answer's head: every line is a header the server writes itself, with
// no byte a client sent in a place where it could end the line or the head.
// Built with libFuzzer by the `fuzz` preset; tst_fuzzcorpus replays its seed corpus.
#include "access.h"
#include "httphead.h"
#include "httpresponse.h"
#include "pageserver.h"

#include <QCoreApplication>
#include <QSet>
#include <cstdio>
#include <cstdlib>

using namespace tessera::bridge;

namespace {

[[noreturn]] void fail(const char* what, const QByteArray& detail) {
    std::fprintf(stderr, "fuzz_http: %s: %.300s\n", what, detail.constData());
    std::abort();
}

/// Checks a serialized answer: a status line, then only the server's own header names,
/// each line free of control bytes, then the blank line and exactly Content-Length bytes.
void checkAnswer(const QByteArray& answer, bool headOnly) {
    static const QSet<QByteArray> names{"content-type",
                                        "content-security-policy",
                                        "x-content-type-options",
                                        "referrer-policy",
                                        "x-frame-options",
                                        "cache-control",
                                        "set-cookie",
                                        "allow",
                                        "content-length",
                                        "connection"};
    const qsizetype end = answer.indexOf("\r\n\r\n");
    if (end < 0) fail("an answer without the end of its head", answer);
    const QList<QByteArray> lines = answer.left(end + 1).split('\n');  // each ends in CR
    if (!lines.first().startsWith("HTTP/1.1 ")) fail("a bad status line", lines.first());
    qsizetype length = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (!line.endsWith('\r')) fail("a header line without CR", line);
        line.chop(1);
        if (!HttpResponse::isSafeHeaderValue(line)) fail("a control byte in a header", line);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !names.contains(line.left(colon).toLower()))
            fail("a header the server does not write", line);
        if (line.left(colon).toLower() == "content-length")
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (length < 0) fail("an answer without Content-Length", answer.left(end));
    if (!headOnly && answer.size() - (end + 4) != length)
        fail("a body of another length", answer.left(end));
}

void answer(const PageServer& pages, const QByteArray& bytes) {
    const qsizetype end = headEnd(bytes);
    if (end < 0 || end > 16 * 1024) return;  // waits for more, or refused with 431
    const auto head = parseHttpHead(bytes.left(end));
    if (!head) return;  // refused with 400
    if (head->method.isEmpty() || !head->target.startsWith('/'))
        fail("a head that should not parse", bytes.left(end));
    const PageServer::Answer a = pages.respond(*head);
    if (head->hasBody() && !a.close)
        fail("a request with a body keeps its connection", bytes.left(end));
    checkAnswer(a.response.serialize(!a.close, head->method == "HEAD"), head->method == "HEAD");
    head->path();
    head->queryItem(QStringLiteral("token"));
    head->keepAlive();
    head->isUpgradeToWebSocket();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    static int noArgc = 1;
    static char name[] = "fuzz_http";
    static char* noArgv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc ? *argc : noArgc, argv ? *argv : noArgv);
    return 0;
}

/// Nothing outlives an input here; for the corpus replay, which calls it for every target.
extern "C" void fuzzTargetShutdown() {}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Access open(QHostAddress::LocalHost, {}, {});
    static Access guarded(QHostAddress::AnyIPv4, QStringLiteral("fuzz-token"),
                          {QStringLiteral("https://ok.example")});
    static const PageServer openPages(open), guardedPages(guarded);
    open.setPort(8501);
    guarded.setPort(8502);
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    answer(openPages, bytes);
    answer(guardedPages, bytes);
    return 0;
}
