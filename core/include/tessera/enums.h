// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The SDK's named enums. Their names, as files, the protocol and the page spell them, come
// from Qt's meta-object system (enumName(), enumFromName()), never from a hand-written map.

#include <tessera/export.h>

#include <QMetaEnum>
#include <QObject>
#include <QString>
#include <optional>

namespace tessera {
Q_NAMESPACE_EXPORT(TESSERA_CORE_EXPORT)

/// What an element is for: text, data, a status, a widget (it takes a value from viewers)
/// or a block (it holds other elements).
enum class Family { Text, Data, Status, Widget, Block };
Q_ENUM_NS(Family)

/// How a run ended. `Rerun` is a run that asked for a rerun (Ui::rerun()): it counts as
/// completed, so the buttons it saw pressed are released, but its page stays until the rerun
/// replaces it.
enum class RunStatus { Running, Finished, Failed, Interrupted, TimedOut, Rerun };
Q_ENUM_NS(RunStatus)

/// What Ui::rerun() reruns.
enum class RerunTarget {
    App,       ///< the whole dashboard
    Fragment,  ///< only the fragment that calls it (from the main body: the whole dashboard)
};
Q_ENUM_NS(RerunTarget)

/// What a chart or dataframe lets people select (ChartOptions, DataframeOptions).
enum class SelectionMode {
    None,
    SingleRow,  ///< dataframes: one row
    MultiRow,   ///< dataframes: any rows
    Point,      ///< charts: a click selects the nearest point's row (Ctrl adds more)
    Box,        ///< charts: a dragged box selects the rows of the points inside
};
Q_ENUM_NS(SelectionMode)

/// The state a StatusBox shows.
enum class StatusState { Running, Complete, Error };
Q_ENUM_NS(StatusState)

namespace detail {
/// The name the protocol gives an enumerator `key`: `key` with a lower-case first letter.
inline QString enumKeyName(const char* key) {
    if (!key || !*key) return {};
    QString name = QString::fromLatin1(key);
    name[0] = name[0].toLower();
    return name;
}
}  // namespace detail

/// The name of `value`: its enumerator's name with a lower-case first letter ("timedOut").
template <typename E>
QString enumName(E value) {
    return detail::enumKeyName(QMetaEnum::fromType<E>().valueToKey(int(value)));
}

/// The value named `name` (as enumName() writes it), or nothing.
template <typename E>
std::optional<E> enumFromName(const QString& name) {
    if (name.isEmpty()) return std::nullopt;
    QByteArray key = name.toLatin1();
    key[0] = QChar::toUpper(key[0]);
    bool ok = false;
    const int value = QMetaEnum::fromType<E>().keyToValue(key.constData(), &ok);
    return ok ? std::optional<E>(E(value)) : std::nullopt;
}

}  // namespace tessera
