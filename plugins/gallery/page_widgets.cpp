// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gallery {

void widgets(tessera::Ui& ui) {
    ui.title(QStringLiteral("Widgets"));
    ui.caption(
        QStringLiteral("Each widget returns a handle to its value; changing one reruns the page."));

    QVector<tessera::Ui> cols = ui.columns(2);
    tessera::Ui& left = cols[0];
    tessera::Ui& right = cols[1];

    const bool clicked = left.button(QStringLiteral("Say hello"));
    const bool agree = left.checkbox(QStringLiteral("I agree to the terms"), true);
    const bool live = left.toggle(QStringLiteral("Live updates"));
    const int count = left.slider(QStringLiteral("Replicas"), 1, 16, 3);
    const double ratio = left.slider(QStringLiteral("Sampling ratio"), 0.0, 1.0, 0.25, 0.05);
    const auto [low, high] =
        left.rangeSlider(QStringLiteral("Price range (€)"), 0, 500, {50, 300}).get();
    const QString region = left.selectbox(
        QStringLiteral("Region"),
        {QStringLiteral("Europe"), QStringLiteral("Americas"), QStringLiteral("Asia-Pacific")});

    const QString plan = right.radio(
        QStringLiteral("Plan"),
        {QStringLiteral("Free"), QStringLiteral("Team"), QStringLiteral("Enterprise")}, 1);
    const QStringList channels =
        right.multiselect(QStringLiteral("Channels"),
                          {QStringLiteral("email"), QStringLiteral("sms"), QStringLiteral("push"),
                           QStringLiteral("webhook")},
                          {QStringLiteral("email"), QStringLiteral("push")});
    const QString name =
        right.textInput(QStringLiteral("Project name"), QStringLiteral("tessera-demo"));
    const QString notes = right.textArea(
        QStringLiteral("Notes"), QStringLiteral("Ctrl+Enter or leaving the field sends the text."));
    const double budget = right.numberInput(QStringLiteral("Budget (k€)"), 12.5, 0, 1000, 0.5);
    const QDate start = right.dateInput(QStringLiteral("Start date"), QDate(2026, 12, 1));
    const QString color =
        right.colorPicker(QStringLiteral("Accent colour"), QStringLiteral("#ff4b4b"));

    if (clicked) ui.success(QStringLiteral("Hello, %1!").arg(name));
    ui.subheader(QStringLiteral("Current values"));
    const QJsonObject values{{QStringLiteral("agree"), agree},
                             {QStringLiteral("live"), live},
                             {QStringLiteral("replicas"), count},
                             {QStringLiteral("ratio"), ratio},
                             {QStringLiteral("price"), QJsonArray{low, high}},
                             {QStringLiteral("region"), region},
                             {QStringLiteral("plan"), plan},
                             {QStringLiteral("channels"), QJsonArray::fromStringList(channels)},
                             {QStringLiteral("project"), name},
                             {QStringLiteral("notes"), notes},
                             {QStringLiteral("budget"), budget},
                             {QStringLiteral("start"), start.toString(Qt::ISODate)},
                             {QStringLiteral("accent"), color}};
    ui.json(values);
    if (ui.downloadButton(QStringLiteral("Download these values"), QJsonDocument(values).toJson(),
                          QStringLiteral("values.json"), QStringLiteral("application/json")))
        ui.toast(QStringLiteral("values.json saved"));
    const int visits = ui.state()
                           .update(QStringLiteral("gallery.visits"),
                                   [](const QVariant& v) { return v.toInt() + 1; })
                           .toInt();
    ui.caption(
        QStringLiteral("This session has run the widgets page %1 time(s) — kept in session state.")
            .arg(visits));
    files(ui);
    formAndCallbacks(ui);
}

namespace {

/// A CSV shown as a table (its first line names the columns), anything else as text.
void showUploaded(tessera::Ui& ui, const tessera::UploadedFile& file) {
    ui.caption(QStringLiteral("%1 — %L2 bytes%3")
                   .arg(file.name)
                   .arg(file.bytes.size())
                   .arg(file.type.isEmpty() ? QString() : QStringLiteral(", ") + file.type));
    const QStringList lines =
        QString::fromUtf8(file.bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!file.name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) || lines.size() < 2) {
        ui.code(QString::fromUtf8(file.bytes.left(2000)));
        return;
    }
    const QStringList header = lines.first().trimmed().split(QLatin1Char(','));
    QVector<QStringList> cells(header.size());
    for (const QString& line : lines.mid(1, 500)) {
        const QStringList row = line.trimmed().split(QLatin1Char(','));
        for (qsizetype c = 0; c < header.size(); ++c) cells[c] << row.value(c);
    }
    tessera::DataFrame table;
    for (qsizetype c = 0; c < header.size(); ++c) table.add(header[c], cells[c]);
    ui.dataframe(table, 200);
}

}  // namespace

void files(tessera::Ui& ui) {
    ui.header(QStringLiteral("Files"));
    const tessera::UploadedFiles uploaded = ui.fileUploader(
        QStringLiteral("A CSV or text file to look at"),
        {.types = {QStringLiteral("csv"), QStringLiteral("txt"), QStringLiteral("json")},
         .maxBytes = 5 * 1024 * 1024,
         .multiple = true});
    if (uploaded.isEmpty())
        ui.caption(
            QStringLiteral("Drop files on the box, or browse: CSV, TXT or JSON, up to 5 MB "
                           "each. A CSV shows as a table."));
    for (const tessera::UploadedFile& file : uploaded) showUploaded(ui, file);
    if (uploaded.isEmpty()) return;
    // Made only when pressed: a function instead of the bytes.
    ui.downloadButton(
        QStringLiteral("Download a summary of the files"),
        [uploaded] {
            QByteArray csv = "name,bytes,lines\n";
            for (const tessera::UploadedFile& f : uploaded)
                csv += QStringLiteral("%1,%2,%3\n")
                           .arg(f.name)
                           .arg(f.bytes.size())
                           .arg(f.bytes.count('\n'))
                           .toUtf8();
            return csv;
        },
        QStringLiteral("summary.csv"), QStringLiteral("text/csv"));
}

void formAndCallbacks(tessera::Ui& ui) {
    ui.header(QStringLiteral("Forms and callbacks"));
    QVector<tessera::Ui> cols = ui.columns(2);

    tessera::Ui form = cols[0].form(QStringLiteral("gallery-order"), {.clearOnSubmit = true});
    form.caption(
        QStringLiteral("Nothing reruns until you press the button; then one run sees "
                       "every value, and the form clears."));
    auto item = form.selectbox(
        QStringLiteral("Item"),
        {QStringLiteral("Coffee"), QStringLiteral("Tea"), QStringLiteral("Hot chocolate")});
    auto cups = form.slider(QStringLiteral("Cups"), 1, 12, 1);
    auto customer = form.textInput(QStringLiteral("Name on the order"));
    if (form.formSubmitButton(QStringLiteral("Place order"))) {
        const QString order =
            QStringLiteral("%1 × %2 for %3")
                .arg(cups.get())
                .arg(item.get(),
                     customer.get().isEmpty() ? QStringLiteral("a guest") : customer.get());
        ui.state().set(QStringLiteral("gallery.lastOrder"), order);
    }
    cols[0].info(ui.state()
                     .value(QStringLiteral("gallery.lastOrder"), QStringLiteral("No order yet."))
                     .toString());

    cols[1].slider(QStringLiteral("Celsius"), -40, 100, 20, 1,
                   {.key = QStringLiteral("gallery-celsius"), .onChange = [](tessera::Ui& cb) {
                        const int c = cb.widgetValue<int>(QStringLiteral("gallery-celsius"));
                        cb.state().set(QStringLiteral("gallery.fahrenheit"), c * 9 / 5 + 32);
                    }});
    cols[1].button(QStringLiteral("Count a click"), {.onClick = [](tessera::Ui& cb) {
                       cb.state().update(QStringLiteral("gallery.clicks"),
                                         [](const QVariant& v) { return v.toInt() + 1; });
                   }});
    cols[1].metric(
        QStringLiteral("Fahrenheit, set by the slider's callback"),
        QString::number(ui.state().value(QStringLiteral("gallery.fahrenheit"), 68).toInt()));
    cols[1].metric(QStringLiteral("Clicks, counted by the button's callback"),
                   QString::number(ui.state().get<int>(QStringLiteral("gallery.clicks"))));
}

}  // namespace gallery
