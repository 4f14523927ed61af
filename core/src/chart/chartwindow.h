// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A streaming chart's rolling window: rows added to a grammar chart (DataHandle::addRows())
// join its data, of which only the last rows, or the last seconds of its x, are kept.

#include <tessera/dataframe.h>

#include <QVariantMap>

namespace tessera::chartwindow {

/// The rows `rows` of `column`, in that order, keeping its type (and time zone, or labels).
Column pick(const Column& column, const std::vector<qint32>& rows);

/// Rows [from, end) of `data`, each column keeping its type (and time zone, or labels).
DataFrame tail(const DataFrame& data, qsizetype from);

/// `data` cut to the window `spec` asks for (keepLastRows, keepLastSeconds of the first
/// layer's x); `data` itself when it asks for none.
DataFrame keep(const QVariantMap& spec, const DataFrame& data);

}  // namespace tessera::chartwindow
