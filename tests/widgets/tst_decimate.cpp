// SPDX-License-Identifier: GPL-3.0-or-later
#include "decimate.h"

#include <QTest>
#include <cmath>
#include <vector>

using namespace tessera::widgets;

class TestDecimate : public QObject {
    Q_OBJECT
private slots:
    void smallSeriesKeepsEveryPoint() {
        std::vector<double> y{1, 2, 3, 4};
        Bounds b;
        const auto points = decimateMinMax(nullptr, y.data(), y.size(), 100, &b);
        QCOMPARE(points.size(), 4);
        QCOMPARE(b.maxY, 4.0);
    }

    void largeSeriesIsBoundedAndKeepsSpikes() {
        const size_t n = 1'000'000;
        std::vector<double> y(n);
        for (size_t i = 0; i < n; ++i) y[i] = std::sin(double(i) / 5000.0);
        y[123457] = 50;   // one spike up
        y[876543] = -50;  // one down
        Bounds b;
        const auto points = decimateMinMax(nullptr, y.data(), n, 800, &b);
        QVERIFY(points.size() <= 1600);
        QVERIFY(points.size() >= 800);
        QCOMPARE(b.maxY, 50.0);
        QCOMPARE(b.minY, -50.0);
        bool up = false, down = false;
        for (const QPointF& p : points) {
            up |= p.y() == 50 && p.x() == 123457;
            down |= p.y() == -50 && p.x() == 876543;
        }
        QVERIFY(up && down);
        for (qsizetype i = 1; i < points.size(); ++i) QVERIFY(points[i].x() > points[i - 1].x());
    }

    void nansAreSkipped() {
        std::vector<double> y{1, NAN, 3};
        Bounds b;
        QCOMPARE(decimateMinMax(nullptr, y.data(), y.size(), 10, &b).size(), 2);
    }

    void gridThinsScatter() {
        std::vector<double> x(100000), y(100000);
        for (size_t i = 0; i < x.size(); ++i) x[i] = double(i % 1000), y[i] = double(i / 1000);
        Bounds b;
        const auto points = decimateGrid(x.data(), y.data(), x.size(), 50, &b);
        QVERIFY(points.size() <= 2500);
        QCOMPARE(b.maxX, 999.0);
    }
};

QTEST_GUILESS_MAIN(TestDecimate)
#include "tst_decimate.moc"
