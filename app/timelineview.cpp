// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace tessera::app {

namespace {

constexpr int kRow = 24;
constexpr int kLabelWidth = 150;
constexpr int kMargin = 10;

QColor statusColor(RunStatus status) {
    switch (status) {
        case RunStatus::Finished:
            return QColor(0x00, 0x68, 0xc9);
        case RunStatus::Failed:
            return QColor(0xd6, 0x27, 0x28);
        case RunStatus::TimedOut:
            return QColor(0xff, 0x87, 0x00);
        case RunStatus::Interrupted:
        case RunStatus::Rerun:
            return QColor(0x9a, 0x9e, 0xad);
        case RunStatus::Running:
            return QColor(0x29, 0xb0, 0x9d);
    }
    return Qt::gray;
}

/// `ms` for a label; with `step`, the tick step, with as many decimals as the step needs, so
/// that neighbouring ticks never read the same.
QString formatMs(double ms, double step = 0) {
    if (ms >= 1000 && step >= 10)
        return QString::number(ms / 1000.0, 'f', ms >= 10000 && step >= 100 ? 1 : 2) +
               QStringLiteral(" s");
    int decimals = ms >= 100 ? 0 : 1;
    if (step > 0 && step < 1)
        decimals = std::max(decimals, int(std::ceil(-std::log10(step) - 1e-9)));
    return QString::number(ms, 'f', decimals) + QStringLiteral(" ms");
}

/// A round step (1, 2 or 5 × 10^k) giving about `ticks` ticks over `span`.
double niceStep(double span, int ticks) {
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude) return m * magnitude;
    return 10 * magnitude;
}

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("runTimeline"));
    setMinimumHeight(90);
}

QString TimelineView::statusText(RunStatus status) {
    switch (status) {
        case RunStatus::Running:
            return tr("running");
        case RunStatus::Finished:
            return tr("finished");
        case RunStatus::Failed:
            return tr("failed");
        case RunStatus::Interrupted:
            return tr("interrupted");
        case RunStatus::TimedOut:
            return tr("timed out");
        case RunStatus::Rerun:
            return tr("asked for a rerun");
    }
    return {};
}

QVector<QPair<double, QString>> TimelineView::axisTicks() const {
    QVector<QPair<double, QString>> ticks;
    if (m_record.runs.isEmpty()) return ticks;
    const double total = std::max(0.01, m_record.totalMs());
    const int plotWidth = width() - 2 * kMargin - kLabelWidth - 60;
    const double step = niceStep(total, std::max(2, plotWidth / 90));
    for (int i = 0; i * step <= total + 1e-9; ++i)
        ticks.append({i * step, formatMs(i * step, step)});
    return ticks;
}

void TimelineView::setRecord(const GroupRecord& record) {
    m_record = record;
    updateGeometry();
    update();
}

QSize TimelineView::sizeHint() const {
    return {600, kMargin * 2 + 22 + kRow * int(std::max<qsizetype>(1, m_record.runs.size())) + 22};
}

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);

    if (m_record.runs.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No run yet"));
        return;
    }
    const double total = std::max(0.01, m_record.totalMs());
    const QRect plot(kMargin + kLabelWidth, kMargin + 22, width() - 2 * kMargin - kLabelWidth - 60,
                     kRow * int(m_record.runs.size()));
    auto xAt = [&](double ms) { return plot.left() + plot.width() * ms / total; };

    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    const QString title = (m_record.full ? tr("Full run") : tr("Fragment rerun")) +
                          QStringLiteral(" · ") + formatMs(total) + QStringLiteral(" · ") +
                          tr("%n run(s)", nullptr, int(m_record.runs.size()));
    p.drawText(QRect(kMargin, kMargin, width() - 2 * kMargin, 18), Qt::AlignLeft | Qt::AlignVCenter,
               title);
    p.setFont(font());

    // Grid and time axis.
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlphaF(0.5);
    for (const auto& [t, label] : axisTicks()) {
        const double x = xAt(t);
        p.setPen(grid);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(x - 40, plot.bottom() + 2, 80, 18), Qt::AlignHCenter | Qt::AlignTop,
                   label);
    }

    for (int i = 0; i < m_record.runs.size(); ++i) {
        const RunTiming& s = m_record.runs[i];
        const int y = plot.top() + i * kRow;
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(kMargin, y, kLabelWidth - 8, kRow), Qt::AlignRight | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(s.name, Qt::ElideMiddle, kLabelWidth - 8));
        const QColor color = statusColor(s.status);
        QColor queued = color;
        queued.setAlphaF(0.25);
        const double started = std::max(s.queuedMs, s.startedMs);
        const double finished = std::max(started, s.finishedMs);
        p.setPen(Qt::NoPen);
        p.setBrush(queued);
        p.drawRoundedRect(QRectF(xAt(s.queuedMs), y + 5,
                                 std::max(1.0, xAt(started) - xAt(s.queuedMs)), kRow - 10),
                          3, 3);
        p.setBrush(color);
        const QRectF bar(xAt(started), y + 4, std::max(2.0, xAt(finished) - xAt(started)),
                         kRow - 8);
        p.drawRoundedRect(bar, 3, 3);
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString label =
            formatMs(finished - started) + (s.status == RunStatus::Finished
                                                ? QString()
                                                : QStringLiteral(" · ") + statusText(s.status));
        p.drawText(QRectF(bar.right() + 6, y, 160, kRow), Qt::AlignLeft | Qt::AlignVCenter, label);
    }
}

}  // namespace tessera::app
