// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The options structs that Ui calls take.

#include <tessera/dataedits.h>
#include <tessera/element.h>

#include <QMap>
#include <QStringList>
#include <chrono>
#include <functional>

namespace tessera {

class Ui;

/// Options of Ui::asyncLoad().
struct AsyncLoadOptions {
    /// Reload this long after the load started (0 = never). The old value stays on screen
    /// while the new one loads; a reload never starts while one is running.
    std::chrono::milliseconds refreshEvery{0};
    QString placeholder;  ///< shown while the first value loads (a spinner); empty = a skeleton
    int height = 120;     ///< height of the skeleton
};

/// A widget's callback (WidgetOptions::onChange, onClick).
using WidgetCallback = std::function<void(Ui&)>;

/// Options every widget takes. Identity is kind + label + key + defining arguments, as in
/// Streamlit: two widgets that would get the same identity need distinct keys.
struct WidgetOptions {
    QString key;            ///< tells apart widgets that would otherwise have one identity
    QString help;           ///< a tooltip and description
    bool disabled = false;  ///< shown, but takes no value from viewers
    /// Runs when the person changes the widget, before the rerun that the change causes and
    /// in that rerun (the fragment's, for a widget a fragment draws or reads): it may write
    /// session state, call rerunFragment(), or show elements at the top of the rerun's
    /// scope. Ui::widgetValue() reads the new value. In a form, on submit.
    WidgetCallback onChange;
    /// For buttons: the same as onChange, on a click.
    WidgetCallback onClick;
};

/// Options of Ui::fileUploader().
struct FileUploaderOptions {
    /// The file types taken, as extensions ("csv", ".png"); empty = any.
    QStringList types;
    /// The largest file taken, in bytes. A browser's upload is also bounded by the bridge's
    /// limit on one upload (BridgeOptions::maxUploadBytes, 200 MiB).
    qint64 maxBytes = 200LL * 1024 * 1024;
    bool multiple = false;  ///< take several files at once
};

/// Options of Ui::form().
struct FormOptions {
    /// After a submit, the form's widgets go back to their defaults (the rerun the submit
    /// causes still sees the submitted values).
    bool clearOnSubmit = false;
    bool border = true;  ///< draw a frame around the form
};

/// Options of the chart calls (Ui::lineChart() and the others).
struct ChartOptions {
    QString x;         ///< column for the x axis; empty = row index
    QStringList y;     ///< series columns; empty = every other numeric column
    QString title;     ///< shown above the chart
    QString xLabel;    ///< the x axis's title; empty = the x column's name
    QString yLabel;    ///< the y axis's title
    int height = 280;  ///< in pixels
    /// SelectionMode::Point or Box makes the chart selectable (DataHandle::selection()).
    SelectionMode selectionMode = SelectionMode::None;
    /// A selectable chart's identity; without one it is its data and title, so new data
    /// clears the selection.
    QString key;
    WidgetCallback onSelect;  ///< runs on a selection, as a widget's onChange
};

/// Options of Ui::dataframe().
struct DataframeOptions {
    int height = 320;  ///< in pixels; the rows scroll within it
    /// SelectionMode::SingleRow or MultiRow makes the rows selectable (DataHandle::selection()).
    SelectionMode selectionMode = SelectionMode::None;
    QString key;              ///< as ChartOptions::key
    WidgetCallback onSelect;  ///< runs on a selection, as a widget's onChange
};

/// Options of Ui::dataEditor().
struct DataEditorOptions {
    QString label;  ///< shown above the editor; also its identity with the data
    /// How each column may be edited, by name; a column not named is edited as its type
    /// (numbers or text) allows.
    QMap<QString, EditorColumn> columns;
    bool addRows = false;     ///< people may add rows
    bool deleteRows = false;  ///< people may delete rows
    int height = 320;         ///< in pixels
};

}  // namespace tessera
