// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>

#include <QHashFunctions>
#include <tuple>

namespace tessera::detail {

/// What a run runs: the main body, or one fragment (its name and the container the call
/// created). The same name called at two places is two scopes.
struct ScopeId {
    QString name;
    Path container;  ///< empty for the main body

    static ScopeId main() { return {QStringLiteral("main"), {}}; }
    bool isMain() const { return container.isEmpty(); }
    /// "main", or "name@0.3" (as GroupRecord and the public API show it).
    QString toString() const {
        return isMain() ? name : name + QLatin1Char('@') + pathToString(container);
    }
    bool operator==(const ScopeId& other) const = default;
    bool operator<(const ScopeId& other) const {
        return std::tie(container, name) < std::tie(other.container, other.name);
    }
};

inline size_t qHash(const ScopeId& scope, size_t seed = 0) {
    return qHashMulti(seed, scope.name, scope.container);
}

}  // namespace tessera::detail
