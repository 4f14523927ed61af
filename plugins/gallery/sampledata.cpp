// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampledata.h"

#include <QBuffer>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <cmath>
#include <random>

namespace gallery {

tessera::DataFrame dailyUsage(int days, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::vector<double> day(static_cast<size_t>(days)), users(static_cast<size_t>(days)),
        sessions(static_cast<size_t>(days)), signups(static_cast<size_t>(days));
    double level = 1200;
    for (int d = 0; d < days; ++d) {
        level *= 1.0 + 0.004 + 0.01 * noise(rng);
        const double weekly = 1.0 - 0.18 * (d % 7 >= 5);
        day[size_t(d)] = d;
        users[size_t(d)] = std::round(level * weekly);
        sessions[size_t(d)] = std::round(users[size_t(d)] * (1.6 + 0.1 * noise(rng)));
        signups[size_t(d)] = std::round(std::max(0.0, users[size_t(d)] * 0.05 + 8 * noise(rng)));
    }
    tessera::DataFrame f;
    f.add(QStringLiteral("day"), std::move(day))
        .add(QStringLiteral("active users"), std::move(users))
        .add(QStringLiteral("sessions"), std::move(sessions))
        .add(QStringLiteral("sign-ups"), std::move(signups));
    return f;
}

tessera::DataFrame revenueByQuarter() {
    tessera::DataFrame f;
    f.add(QStringLiteral("quarter"), QStringList{QStringLiteral("Q1"), QStringLiteral("Q2"),
                                                 QStringLiteral("Q3"), QStringLiteral("Q4")})
        .add(QStringLiteral("Europe"), std::vector<double>{412, 468, 455, 530})
        .add(QStringLiteral("Americas"), std::vector<double>{388, 402, 471, 512})
        .add(QStringLiteral("Asia-Pacific"), std::vector<double>{205, 248, 301, 342});
    return f;
}

tessera::DataFrame latencySamples(int count) {
    std::mt19937 rng(11);
    std::lognormal_distribution<double> size(3.0, 0.9);
    std::normal_distribution<double> jitter(0.0, 1.0);
    std::vector<double> kb(static_cast<size_t>(count)), api(static_cast<size_t>(count)),
        search(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        kb[size_t(i)] = size(rng);
        api[size_t(i)] = 12 + 0.35 * kb[size_t(i)] + 4 * jitter(rng);
        search[size_t(i)] = 30 + 0.9 * kb[size_t(i)] + 9 * jitter(rng);
    }
    tessera::DataFrame f;
    f.add(QStringLiteral("payload (KiB)"), std::move(kb))
        .add(QStringLiteral("api (ms)"), std::move(api))
        .add(QStringLiteral("search (ms)"), std::move(search));
    return f;
}

tessera::DataFrame sensorReadings(int from, int count) {
    std::vector<double> t, reading;
    for (int i = from; i < from + count; ++i) {
        const double seconds = 0.05 * i;
        t.push_back(seconds);
        // A slow wave with a faster ripple; the same reading for the same i, every time.
        reading.push_back(20 + 2 * std::sin(seconds * 1.3) +
                          0.4 * std::sin(seconds * 11.0 + i % 3));
    }
    return tessera::DataFrame()
        .add(QStringLiteral("t (s)"), std::move(t))
        .add(QStringLiteral("reading"), std::move(reading));
}

tessera::DataFrame orders(int rows) {
    static const QStringList customers{QStringLiteral("Acme Corp"),
                                       QStringLiteral("Globex"),
                                       QStringLiteral("Initech"),
                                       QStringLiteral("Umbrella"),
                                       QStringLiteral("Hooli"),
                                       QStringLiteral("Vandelay"),
                                       QStringLiteral("Stark Industries"),
                                       QStringLiteral("Wayne Enterprises")};
    static const QStringList regions{QStringLiteral("Europe"), QStringLiteral("Americas"),
                                     QStringLiteral("Asia-Pacific")};
    static const QStringList statuses{QStringLiteral("paid"), QStringLiteral("shipped"),
                                      QStringLiteral("pending"), QStringLiteral("refunded")};
    std::mt19937 rng(3);
    std::vector<double> id(static_cast<size_t>(rows)), amount(static_cast<size_t>(rows));
    QStringList customer, region, status;
    customer.reserve(rows);
    region.reserve(rows);
    status.reserve(rows);
    std::gamma_distribution<double> spend(2.0, 180.0);
    for (int i = 0; i < rows; ++i) {
        id[size_t(i)] = 100000 + i;
        amount[size_t(i)] = std::round(spend(rng) * 100) / 100;
        customer << customers[int(rng() % customers.size())];
        region << regions[int(rng() % regions.size())];
        status << statuses[int(rng() % 10 < 6 ? 0 : rng() % statuses.size())];
    }
    tessera::DataFrame f;
    f.add(QStringLiteral("order"), std::move(id))
        .add(QStringLiteral("customer"), customer)
        .add(QStringLiteral("region"), region)
        .add(QStringLiteral("amount (€)"), std::move(amount))
        .add(QStringLiteral("status"), status);
    return f;
}

QByteArray bannerPng(int width, int height) {
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient g(0, 0, width, height);
    g.setColorAt(0, QColor(0x00, 0x68, 0xc9));
    g.setColorAt(1, QColor(0x29, 0xb0, 0x9d));
    p.fillRect(image.rect(), g);
    // A few tiles, as in a mosaic.
    const int tile = height / 4;
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < width / tile; ++col)
            if ((row * 7 + col * 3) % 5 == 0)
                p.fillRect(QRect(col * tile + 3, row * tile + 3, tile - 6, tile - 6),
                           QColor(255, 255, 255, 40));
    p.setPen(Qt::white);
    QFont font = p.font();
    font.setPixelSize(height / 3);
    font.setBold(true);
    p.setFont(font);
    p.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("Tessera"));
    p.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

}  // namespace gallery
