// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/grouprecord.h>

#include <QWidget>

namespace tessera::app {

/// Draws the last run as one bar per scope on a shared time axis: the main body and each
/// fragment, from when it was queued (light) through when it ran (solid) — the seed's
/// flowchart, measured.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    void setRecord(const GroupRecord& record);
    const GroupRecord& record() const { return m_record; }
    QSize sizeHint() const override;
    /// The time axis as drawn: each tick's time and label, from 0 to the run's total.
    QVector<QPair<double, QString>> axisTicks() const;
    /// How a run ended, for people ("timed out").
    static QString statusText(RunStatus status);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    GroupRecord m_record;
};

}  // namespace tessera::app
