// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/host/plugincatalog.h>

#include "log.h"

#include <cxxabi.h>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <cstdlib>
#include <memory>

namespace tessera {

namespace {

/// `text` with each mangled C++ symbol ("_Z18notDefinedAnywherev", as the dynamic loader
/// names an undefined one) written as C++ spells it ("notDefinedAnywhere()").
QString demangled(QString text) {
    static const QRegularExpression symbol(QStringLiteral("\\b_Z[A-Za-z0-9_]+"));
    QRegularExpressionMatchIterator it = symbol.globalMatch(text);
    QVector<QRegularExpressionMatch> matches;
    while (it.hasNext()) matches.append(it.next());
    for (auto m = matches.crbegin(); m != matches.crend(); ++m) {
        int status = -1;
        const QByteArray mangled = m->captured().toLatin1();
        std::unique_ptr<char, void (*)(void*)> name(
            abi::__cxa_demangle(mangled.constData(), nullptr, nullptr, &status), std::free);
        if (status == 0 && name)
            text.replace(m->capturedStart(), m->capturedLength(), QString::fromUtf8(name.get()));
    }
    return text;
}

QString failureName(PluginInfo::Failure f) {
    switch (f) {
        case PluginInfo::Failure::None:
            return QStringLiteral("ok");
        case PluginInfo::Failure::NotAPlugin:
            return QStringLiteral("not a plugin");
        case PluginInfo::Failure::WrongInterface:
            return QStringLiteral("wrong interface");
        case PluginInfo::Failure::WrongApiVersion:
            return QStringLiteral("wrong API version");
        case PluginInfo::Failure::WrongAbi:
            return QStringLiteral("wrong ABI");
        case PluginInfo::Failure::LoadFailed:
            return QStringLiteral("load failed");
        case PluginInfo::Failure::InstanceFailed:
            return QStringLiteral("no instance");
        case PluginInfo::Failure::Threw:
            return QStringLiteral("threw");
        case PluginInfo::Failure::Duplicate:
            return QStringLiteral("duplicate");
    }
    return {};
}

}  // namespace

PluginCatalog::PluginCatalog() = default;
PluginCatalog::~PluginCatalog() = default;

QStringList PluginCatalog::defaultDirs() {
    QStringList dirs;
    for (const QString& p :
         qEnvironmentVariable("TESSERA_PLUGIN_PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
        dirs << p;
    const QString appDir = QCoreApplication::applicationDirPath();
    // Relative to the executable: the install layout, then the build tree.
    for (const char* rel : {TESSERA_PLUGIN_RELPATH_INSTALL, TESSERA_PLUGIN_RELPATH_BUILD}) {
        const QString dir = QDir::cleanPath(appDir + QLatin1Char('/') + QLatin1String(rel));
        if (QFileInfo(dir).isDir() && !dirs.contains(dir)) dirs << dir;
    }
    return dirs;
}

void PluginCatalog::scanDirs(const QStringList& dirs) {
    for (const QString& dir : dirs) {
        const QDir d(dir);
        if (!d.exists()) {
            detail::logger("plugins")->warn("plugin folder {} does not exist", dir.toStdString());
            continue;
        }
        for (const QFileInfo& fi : d.entryInfoList(QDir::Files, QDir::Name)) {
            if (QLibrary::isLibrary(fi.fileName())) loadFile(fi.absoluteFilePath());
        }
    }
}

const PluginInfo& PluginCatalog::loadFile(const QString& file) {
    if (const PluginInfo* known = findFile(file)) return *known;
    const QString canonical = QFileInfo(file).canonicalFilePath();
    m_plugins.append(load(canonical.isEmpty() ? file : canonical, nullptr));
    return m_plugins.last();
}

const PluginInfo& PluginCatalog::reloadFile(const QString& file) {
    const PluginInfo* known = findFile(file);
    if (!known) return loadFile(file);
    const qsizetype index = known - m_plugins.constData();
    PluginInfo next = load(known->file, known);
    PluginInfo& entry = m_plugins[index];
    if (next.ok()) {
        next.generation = entry.generation + 1;
        entry = std::move(next);
    } else if (entry.ok()) {
        entry.reloadError = next.error;
    } else {
        entry = std::move(next);
    }
    return entry;
}

void PluginCatalog::setLoadFromCopies(bool copies) {
    if (copies && !m_copies) {
        m_copies = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                   QStringLiteral("/tessera-plugins-XXXXXX"));
    } else if (!copies) {
        m_copies.reset();  // files of loaded copies may go: their code stays mapped
    }
}

QString PluginCatalog::copyForLoading(const QString& file, QString* error) {
    if (!m_copies) return file;
    const QFileInfo fi(file);
    const QString copy = m_copies->filePath(
        QStringLiteral("%1.%2.%3").arg(fi.completeBaseName()).arg(++m_copyCount).arg(fi.suffix()));
    if (!m_copies->isValid() || !QFile::copy(file, copy)) {
        *error = QStringLiteral("cannot copy it to %1 to load it").arg(copy);
        return {};
    }
    return copy;
}

PluginInfo PluginCatalog::load(const QString& file, const PluginInfo* replacing) {
    PluginInfo info;
    info.file = file;
    auto fail = [&](PluginInfo::Failure failure, QString why) -> PluginInfo {
        // The user knows the file, not the copy it was loaded from.
        if (!info.loadedFrom.isEmpty() && info.loadedFrom != info.file)
            why.replace(info.loadedFrom, info.file);
        info.failure = failure;
        info.error = why;
        info.dashboards.clear();
        detail::logger("plugins")->error("plugin {} not loaded ({}): {}", info.file.toStdString(),
                                         failureName(failure).toStdString(), why.toStdString());
        return info;
    };
    // Other plugins' ids and dashboards; an older build of this one is being replaced.
    auto takenBy = [&](auto&& test) -> const PluginInfo* {
        for (const PluginInfo& p : m_plugins)
            if (p.ok() && &p != replacing && test(p)) return &p;
        return nullptr;
    };

    if (!QFileInfo::exists(file))
        return fail(PluginInfo::Failure::LoadFailed, QStringLiteral("file does not exist"));
    QString copyError;
    info.loadedFrom = copyForLoading(file, &copyError);
    if (info.loadedFrom.isEmpty()) return fail(PluginInfo::Failure::LoadFailed, copyError);
    auto loader = std::make_unique<QPluginLoader>(info.loadedFrom);
    // Resolve every symbol now: a plugin with a missing symbol fails here with the symbol's
    // name instead of crashing later when the symbol is first used.
    loader->setLoadHints(QLibrary::ResolveAllSymbolsHint);
    const QJsonObject meta = loader->metaData();
    if (meta.isEmpty())
        return fail(PluginInfo::Failure::NotAPlugin,
                    QStringLiteral("not a Qt plugin (no plugin metadata found)"));
    const QString iid = meta.value(QLatin1String("IID")).toString();
    if (iid != QLatin1String(TesseraDashboardPlugin_iid))
        return fail(PluginInfo::Failure::WrongInterface,
                    QStringLiteral("implements '%1', not '%2'")
                        .arg(iid, QLatin1String(TesseraDashboardPlugin_iid)));
    const QJsonObject data = meta.value(QLatin1String("MetaData")).toObject();
    info.id = data.value(QLatin1String("id")).toString();
    info.name = data.value(QLatin1String("name")).toString(info.id);
    info.version = data.value(QLatin1String("version")).toString();
    info.apiVersion = data.value(QLatin1String("apiVersion")).toInt(0);
    if (info.apiVersion != kApiVersion)
        return fail(
            PluginInfo::Failure::WrongApiVersion,
            QStringLiteral("built for plugin API version %1; this Tessera provides version %2")
                .arg(info.apiVersion)
                .arg(kApiVersion));
    if (const PluginInfo* other =
            takenBy([&](const PluginInfo& p) { return !info.id.isEmpty() && p.id == info.id; }))
        return fail(
            PluginInfo::Failure::Duplicate,
            QStringLiteral("plugin '%1' is already loaded from %2").arg(info.id, other->file));
    if (!loader->load())
        return fail(PluginInfo::Failure::LoadFailed, demangled(loader->errorString()));

    QObject* root = nullptr;
    try {
        root = loader->instance();
    } catch (const std::exception& e) {
        return fail(
            PluginInfo::Failure::Threw,
            QStringLiteral("plugin constructor threw: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return fail(PluginInfo::Failure::Threw, QStringLiteral("plugin constructor threw"));
    }
    if (!root) return fail(PluginInfo::Failure::InstanceFailed, loader->errorString());
    auto* plugin = qobject_cast<DashboardPlugin*>(root);
    if (!plugin)
        return fail(PluginInfo::Failure::WrongInterface,
                    QStringLiteral("root object %1 does not implement tessera::DashboardPlugin")
                        .arg(QLatin1String(root->metaObject()->className())));
    if (plugin->abiStamp() != kAbiStamp)
        return fail(PluginInfo::Failure::WrongAbi,
                    QStringLiteral("built against another Tessera SDK layout (ABI stamp %1, this "
                                   "Tessera has %2); rebuild it with this SDK")
                        .arg(plugin->abiStamp(), 0, 16)
                        .arg(kAbiStamp, 0, 16));
    try {
        info.dashboards = plugin->dashboards();
    } catch (const std::exception& e) {
        return fail(PluginInfo::Failure::Threw,
                    QStringLiteral("dashboards() threw: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return fail(PluginInfo::Failure::Threw, QStringLiteral("dashboards() threw"));
    }
    for (const Dashboard& d : info.dashboards) {
        if (d.id.isEmpty() || !d.fn)
            return fail(PluginInfo::Failure::InstanceFailed,
                        QStringLiteral("a dashboard has no id or no function"));
        if (takenBy([&](const PluginInfo& p) {
                return std::any_of(p.dashboards.cbegin(), p.dashboards.cend(),
                                   [&](const Dashboard& other) { return other.id == d.id; });
            }))
            return fail(PluginInfo::Failure::Duplicate,
                        QStringLiteral("dashboard id '%1' is already provided by another plugin")
                            .arg(d.id));
    }
    detail::logger("plugins")->info("loaded plugin {} {} ({} dashboards) from {}{}",
                                    info.id.toStdString(), info.version.toStdString(),
                                    info.dashboards.size(), info.file.toStdString(),
                                    replacing ? " (a new build)" : "");
    // Never unloaded: a running thread, a kept closure or a registered metatype may still
    // use the code of any version.
    m_loaders.push_back(std::move(loader));
    return info;
}

const PluginInfo* PluginCatalog::findFile(const QString& file) const {
    const QString canonical = QFileInfo(file).canonicalFilePath();
    for (const PluginInfo& p : m_plugins)
        if (!p.file.isEmpty() && (p.file == file || p.file == canonical)) return &p;
    return nullptr;
}

void PluginCatalog::addBuiltin(const QString& name, const QVector<Dashboard>& dashboards) {
    PluginInfo info;
    info.id = name;
    info.name = name;
    info.apiVersion = kApiVersion;
    info.dashboards = dashboards;
    m_plugins.append(info);
}

QVector<PluginInfo> PluginCatalog::failures() const {
    QVector<PluginInfo> result;
    for (const PluginInfo& p : m_plugins)
        if (!p.ok() || !p.reloadError.isEmpty()) result.append(p);
    return result;
}

QVector<Dashboard> PluginCatalog::dashboards() const {
    QVector<Dashboard> result;
    for (const PluginInfo& p : m_plugins)
        if (p.ok()) result += p.dashboards;
    return result;
}

std::optional<Dashboard> PluginCatalog::find(const QString& dashboardId) const {
    for (const PluginInfo& p : m_plugins)
        if (p.ok())
            for (const Dashboard& d : p.dashboards)
                if (d.id == dashboardId) return d;
    return std::nullopt;
}

}  // namespace tessera
