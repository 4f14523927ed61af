// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dataframe.h>

#include <QByteArray>

namespace gallery {

/// A year of daily active users, sessions and sign-ups for a product that is growing.
tessera::DataFrame dailyUsage(int days = 365, unsigned seed = 7);
/// Quarterly revenue per region.
tessera::DataFrame revenueByQuarter();
/// Request latency against payload size for two services.
tessera::DataFrame latencySamples(int count = 600);
/// Readings `from` to `from + count` of a sensor sampled every 50 ms (t (s), reading).
tessera::DataFrame sensorReadings(int from, int count);
/// An order book of `rows` rows (id, customer, region, amount, status).
tessera::DataFrame orders(int rows);
/// A small PNG drawn on the fly.
QByteArray bannerPng(int width, int height);

}  // namespace gallery
