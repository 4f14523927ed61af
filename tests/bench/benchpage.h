// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/widgets/renderer.h>

#include <QEventLoop>
#include <QScrollArea>
#include <algorithm>
#include <vector>

/// A session shown by a renderer in a window (offscreen), as the app has it.
struct BenchPage {
    tessera::LocalSessionHandle handle;
    tessera::Session& session = handle.session();
    tessera::widgets::Renderer renderer;
    QScrollArea window;

    explicit BenchPage(QSize size = {1000, 800}) {
        window.setWidgetResizable(true);
        window.setWidget(renderer.mainArea());
        window.resize(size);
        window.show();
        renderer.attach(&handle);
    }

    /// Runs the event loop until the session is idle.
    void waitIdle() {
        if (session.isIdle()) return;
        QEventLoop loop;
        QObject::connect(&session, &tessera::Session::idle, &loop, &QEventLoop::quit);
        loop.exec();
    }
};

inline double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}
