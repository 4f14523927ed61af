// SPDX-License-Identifier: GPL-3.0-or-later
#include "galleryplugin.h"

#include "pages.h"

QVector<tessera::Dashboard> GalleryPlugin::dashboards() const {
    return {
        {QStringLiteral("gallery"), QStringLiteral("Gallery: overview"), QStringLiteral("go-home"),
         gallery::overview},
        {QStringLiteral("gallery-charts"), QStringLiteral("Gallery: charts & data"), QString(),
         gallery::charts},
        {QStringLiteral("gallery-grammar"), QStringLiteral("Gallery: chart grammar"), QString(),
         gallery::grammar},
        {QStringLiteral("gallery-widgets"), QStringLiteral("Gallery: widgets"), QString(),
         gallery::widgets},
        {QStringLiteral("gallery-layout"), QStringLiteral("Gallery: layout & status"), QString(),
         gallery::layout},
        {QStringLiteral("gallery-chat"), QStringLiteral("Gallery: chat"), QString(), gallery::chat},
    };
}
