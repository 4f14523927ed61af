// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages.h"

#include <stdexcept>

namespace gallery {

void layout(tessera::Ui& ui) {
    ui.title(QStringLiteral("Layout & status"));
    ui.header(QStringLiteral("Text"));
    ui.subheader(QStringLiteral("A subheader"));
    ui.text(QStringLiteral("Fixed-width text: 2026-11-21 12:00:00 UTC  ok"));
    ui.markdown(QStringLiteral(
        "Markdown with **bold**, *italics*, `code` and a [link](https://www.qt.io)."));
    ui.caption(QStringLiteral("A caption, for small print."));
    ui.code(QStringLiteral("void dashboard(tessera::Ui& ui) {\n    const int n = ui.slider(\"n\", "
                           "1, 10, 3);\n    ui.text(QString::number(n * n));\n}"),
            QStringLiteral("cpp"));
    ui.divider();

    ui.header(QStringLiteral("Containers"));
    QVector<tessera::Ui> cols = ui.columns({2, 1});
    cols[0].info(QStringLiteral("Columns take weights: this one is twice as wide."));
    cols[1].info(QStringLiteral("Narrow column."));
    QVector<tessera::Ui> tabs =
        ui.tabs({QStringLiteral("Alerts"), QStringLiteral("Exception"), QStringLiteral("Status")});
    tabs[0].info(QStringLiteral("Info: the nightly export starts at 02:00."));
    tabs[0].success(QStringLiteral("Success: 1,204 rows imported."));
    tabs[0].warning(QStringLiteral("Warning: 3 rows had no region and were skipped."));
    tabs[0].error(QStringLiteral("Error: the billing service did not answer."));
    try {
        throw std::runtime_error("division by zero in the conversion rate");
    } catch (const std::exception& e) {
        tabs[1].exception(e);
    }
    tabs[2].progress(68, QStringLiteral("Export 68 % done"));
    tabs[2].skeleton(70);
    tessera::Ui more = ui.expander(QStringLiteral("More details"), true);
    more.text(QStringLiteral("Expanders keep their open/closed state across reruns."));
    tessera::Ui box = ui.container();
    box.caption(QStringLiteral("A container groups elements and can be filled out of order."));

    ui.header(QStringLiteral("Placeholders"));
    tessera::Ui slot = ui.empty();
    {
        auto spinner = slot.container().spinner(QStringLiteral("Crunching numbers…"));
        ui.sleep(std::chrono::milliseconds(300));
    }
    slot.success(
        QStringLiteral("Done: the spinner showed while the work ran, then this replaced it."));

    ui.header(QStringLiteral("Fragments that talk to each other"));
    QVector<tessera::Ui> pair = ui.columns(2);
    pair[0].fragment(QStringLiteral("inbox"), {.key = QStringLiteral("gallery-inbox")},
                     [](tessera::Ui& f) {
                         {
                             auto checking = f.spinner(QStringLiteral("Checking the inbox…"));
                             f.sleep(std::chrono::milliseconds(300));
                         }
                         const int n = f.state().get<int>(QStringLiteral("gallery.messages"));
                         f.metric(QStringLiteral("Messages in the inbox"), QString::number(n));
                     });
    pair[1].fragment(QStringLiteral("compose"), [](tessera::Ui& f) {
        if (f.button(QStringLiteral("Send a message"))) {
            f.state().update(QStringLiteral("gallery.messages"),
                             [](const QVariant& v) { return v.toInt() + 1; });
            f.rerunFragment(QStringLiteral("gallery-inbox"));
        }
        f.caption(
            QStringLiteral("The button reruns its own fragment, which asks the inbox "
                           "to rerun by its key: no full run."));
    });
    overlays(ui);
}

void overlays(tessera::Ui& ui) {
    ui.header(QStringLiteral("Overlays"));
    {
        tessera::StatusBox status = ui.status(QStringLiteral("Checking the data…"), true);
        status.ui().text(QStringLiteral("Row counts match."));
        ui.sleep(std::chrono::milliseconds(150));
        status.ui().text(QStringLiteral("No duplicate keys."));
        status.update(QStringLiteral("Data checked: 2 checks passed"),
                      tessera::StatusState::Complete, false);
    }
    QVector<tessera::Ui> row = ui.columns(3);
    if (row[0].button(QStringLiteral("Show a toast")))
        row[0].toast(QStringLiteral("Saved. Toasts go away by themselves."), QStringLiteral("✔"));
    tessera::Ui settings = row[1].popover(QStringLiteral("Chart settings"));
    settings.checkbox(QStringLiteral("Show grid"), true);
    settings.selectbox(QStringLiteral("Line style"),
                       {QStringLiteral("solid"), QStringLiteral("dashed")});
    if (row[2].button(QStringLiteral("Open a dialog"))) {
        ui.dialog(QStringLiteral("Rename the report"), [](tessera::Ui& d) {
            const QString name = d.textInput(QStringLiteral("New name"), QStringLiteral("Q4"));
            d.caption(QStringLiteral("Widgets here rerun only the dialog: it will be saved as "
                                     "“%1”.")
                          .arg(name));
            if (d.button(QStringLiteral("Save and close"))) {
                d.state().set(QStringLiteral("gallery.reportName"), name);
                d.rerun();  // a full run no longer opens the dialog: it closes
            }
        });
    }
    const QString saved = ui.state().value(QStringLiteral("gallery.reportName")).toString();
    if (!saved.isEmpty()) ui.caption(QStringLiteral("The report is called “%1”.").arg(saved));
}

}  // namespace gallery
