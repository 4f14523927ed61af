// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>
#include <tessera/export.h>

#include "scopeid.h"

#include <QHash>
#include <QSet>
#include <QVariant>
#include <mutex>

namespace tessera::detail {

/// What a widget accepts: its kind and the props that bound its value (min/max, options).
struct WidgetSpec {
    ElementKind kind = ElementKind::Button;
    QString label;
    QString key;
    QVariant defaultValue;
    QVariantMap props;
    ScopeId ownerScope;  ///< the scope that draws the widget
};

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
    QVariant value(const QString& id) const;
    /// Validates and stores a value; returns the error, empty on success.
    QString set(const QString& id, const QVariant& value);
    QString findByKeyOrLabel(const QString& keyOrLabel) const;
    bool contains(const QString& id) const;

    /// Values to give widgets when they are first drawn, by key or else label (--set).
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

    /// Sequence number of the latest button press, to reset presses a completed run saw.
    quint64 triggerSequence() const;
    void resetTriggers(quint64 upTo);
    /// Forgets widgets that a completed full run did not draw (Streamlit's cleanup), except
    /// those drawn by a scope in `liveScopes` (fragments that rerun on their own).
    void retainOnly(const QSet<QString>& ids, const QSet<ScopeId>& liveScopes = {});

private:
    struct Entry {
        WidgetSpec spec;
        QVariant value;
        quint64 triggerSeq = 0;
    };
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
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
