// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>
#include <tessera/export.h>

#include "scopeid.h"

#include <QHash>
#include <QSet>
#include <QVariant>
#include <functional>
#include <mutex>
#include <optional>

namespace tessera {
class Ui;
}

namespace tessera::detail {

/// A widget's onChange / onClick (WidgetOptions).
using WidgetCallback = std::function<void(Ui&)>;

/// What a widget accepts: its kind and the props that bound its value (min/max, options).
struct WidgetSpec {
    ElementKind kind = ElementKind::Button;
    QString label;
    QString key;
    QVariant defaultValue;
    QVariantMap props;
    ScopeId ownerScope;          ///< the scope that draws the widget
    WidgetCallback onChange;     ///< runs before the rerun a change causes
    QString form;                ///< the form (Ui::form key) the widget belongs to, if any
    bool clearOnSubmit = false;  ///< form submit buttons: the form's FormOptions::clearOnSubmit
    /// The data a data editor edits, or a selectable chart or dataframe selects in.
    std::shared_ptr<const DataFrame> data;
    bool disabled = false;  ///< shown, but takes no value from any viewer
};

/// What WidgetStore::set() did with a value.
struct WidgetChange {
    QString error;  ///< why the value was refused; empty when it was taken
    /// The value waits in its form: runs see it when the form's submit button is pressed.
    bool held = false;
    /// The widget had this value already (a trigger: was not pressed): nothing to rerun.
    bool unchanged = false;
};

/// What the page shows of a widget's value: the value itself, but for a file uploader only
/// the files' names (their bytes stay in the session).
QVariant shownValue(ElementKind kind, const QVariant& value);

/// Why `value`, set by a viewer (the window, a browser, AppTest), has the wrong type for a
/// widget of `kind`: numbers must be numbers and true/false booleans, not text. Empty when
/// the type is right. Text is taken only from the command line (--set), through presets.
TESSERA_CORE_EXPORT QString typedValueProblem(ElementKind kind, const QVariant& value);

/// Turns `value` into a valid value for `spec` (strings from the command line included).
/// Returns an invalid QVariant and sets `error` when it cannot.
TESSERA_CORE_EXPORT QVariant coerceWidgetValue(const WidgetSpec& spec, const QVariant& value,
                                               QString* error);

/// The session's widget values, shared by the session's thread (which sets them on user
/// input) and the run threads (which register widgets and read values). One lock guards all.
/// Exported for the test suite only; not part of the SDK.
class TESSERA_CORE_EXPORT WidgetStore {
public:
    /// Registers (or re-registers) widget `id` and returns its current value: the kept value
    /// when it is still valid for `spec`, else the default.
    QVariant registerWidget(const QString& id, const WidgetSpec& spec);
    /// The value runs see.
    QVariant value(const QString& id) const;
    /// The value to show: a form widget's value waiting for submit, else value().
    QVariant displayValue(const QString& id) const;
    /// Validates and stores a value: refused when the widget is disabled or the value's type
    /// is not the widget's (typedValueProblem). A widget in a form holds it until the form is
    /// submitted; a form's submit button commits the values its form holds. A change whose widget
    /// has a callback queues the callback (see takeCallbacks()).
    WidgetChange set(const QString& id, const QVariant& value);
    /// The widgets a change of `ids` concerns: `ids` without the widgets that hold their
    /// value in a form, and with the widgets of the form a submit button submits.
    QStringList committedBy(const QStringList& ids) const;
    /// Callbacks a run of `scope` must run before its body: all that are due for the main
    /// body; for a fragment, those of widgets it draws or read. Taken callbacks are not
    /// returned again.
    QVector<WidgetCallback> takeCallbacks(const ScopeId& scope);
    QString findByKeyOrLabel(const QString& keyOrLabel) const;
    bool contains(const QString& id) const;

    /// Values to give widgets when they are first drawn, by id, key or label (--set, and a
    /// session rebuilt after its worker stopped).
    void preset(const QString& keyOrLabel, const QVariant& value);
    /// Presets that matched no widget or were refused, as messages.
    QStringList presetProblems() const;

    /// Records that `scope` read widget `id` (dependency tracking).
    void recordRead(const QString& id, const ScopeId& scope);
    /// Forgets what `scope` read: called when the scope starts a new run.
    void clearReads(const ScopeId& scope);
    /// The scopes a change of `id` must rerun: its readers, and its owner when that is a
    /// fragment. Empty when the widget is unknown.
    QSet<ScopeId> dependents(const QString& id) const;

    /// Sequence number of the latest button press (or cleared form submit), to reset what a
    /// completed run saw: a press to false, a cleared form's widgets to their defaults.
    quint64 triggerSequence() const;
    void resetTriggers(quint64 upTo);
    /// Forgets widgets that a completed full run did not draw (Streamlit's cleanup), except
    /// those drawn by a scope in `liveScopes` (fragments that rerun on their own).
    void retainOnly(const QSet<QString>& ids, const QSet<ScopeId>& liveScopes = {});
    /// Forgets the widgets of `scope` that are not in `drawn`: what a fragment that finished
    /// no longer draws (the widgets of other scopes keep their values).
    void forgetUndrawn(const ScopeId& scope, const QSet<QString>& drawn);

private:
    struct Entry {
        WidgetSpec spec;
        QVariant value;
        quint64 triggerSeq = 0;           ///< reset to the default once a run saw this
        std::optional<QVariant> pending;  ///< form widgets: the value waiting for submit
    };
    void submitForm(const QString& form, bool clear);                               // m_mutex held
    void queueCallback(const QString& id, const Entry& entry);                      // m_mutex held
    void eraseIf(const std::function<bool(const QString&, const Entry&)>& forget);  // held

    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    QStringList m_callbacksDue;  ///< widgets whose callback waits for a run, in change order
    QHash<QString, QSet<ScopeId>> m_readers;  // widget id -> scopes that read it
    struct Preset {
        QString keyOrLabel;
        QVariant value;
        QString error;
        bool used = false;
    };
    QVector<Preset> m_presets;
    quint64 m_triggerSeq = 0;
};

}  // namespace tessera::detail
