// SPDX-License-Identifier: GPL-3.0-or-later
// The recipe for limiting heavy work across sessions: whoever presses "Generate" queues for
// the one "gpu"; open File ▸ New Window to see two sessions contend, in order, with their
// place in the queue shown while they wait.
#include "inference.h"

#include <QDateTime>
#include <cmath>

using namespace std::chrono_literals;
using tessera::Ui;

namespace {

void inference(Ui& ui) {
    ui.title(QStringLiteral("Inference"));
    ui.caption(QStringLiteral(
        "One model, one GPU: requests from every window of this process take turns."));
    const QString prompt =
        ui.textInput(QStringLiteral("Prompt"), QStringLiteral("a mosaic of tiny tiles"));
    const int steps = ui.slider(QStringLiteral("Steps"), 5, 50, 20);
    if (!ui.button(QStringLiteral("Generate"))) {
        ui.info(QStringLiteral("Press Generate to run the model."));
        return;
    }
    auto gpu = ui.limit(QStringLiteral("gpu"), {.maxConcurrent = 1, .maxQueue = 8});
    Ui bar = ui.progress(0, QStringLiteral("Generating…"));
    for (int step = 1; step <= steps; ++step) {
        ui.sleep(100ms);  // one denoising step
        bar.progress(100 * step / steps, QStringLiteral("Step %1 of %2").arg(step).arg(steps));
    }
    gpu.release();  // done with the GPU: let the next session in before we draw
    std::vector<double> x(64), y(64);
    for (int i = 0; i < 64; ++i)
        x[size_t(i)] = i, y[size_t(i)] = std::sin(i / 6.0 + double(prompt.size())) * steps;
    ui.success(QStringLiteral("Generated “%1” in %2 steps at %3")
                   .arg(prompt)
                   .arg(steps)
                   .arg(QTime::currentTime().toString()));
    ui.lineChart(tessera::DataFrame()
                     .add(QStringLiteral("x"), std::move(x))
                     .add(QStringLiteral("activation"), std::move(y)),
                 {.x = QStringLiteral("x"), .height = 200});
}

}  // namespace

QVector<tessera::Dashboard> InferencePlugin::dashboards() const {
    return {{QStringLiteral("inference"),
             QStringLiteral("Inference (concurrency limit)"),
             {},
             inference}};
}
