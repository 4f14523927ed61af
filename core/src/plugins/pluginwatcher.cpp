// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/host/pluginwatcher.h>

#include "log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLibrary>
#include <QTimer>
#include <QtEndian>

namespace tessera {

namespace {

QStringList libraryFiles(const QString& dir) {
    QStringList files;
    for (const QFileInfo& fi : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        if (QLibrary::isLibrary(fi.fileName())) files << fi.absoluteFilePath();
    return files;
}

template <typename T>
T field(const QByteArray& header, int offset, bool bigEndian) {
    T value;
    std::memcpy(&value, header.constData() + offset, sizeof(T));
    return bigEndian ? qFromBigEndian(value) : qFromLittleEndian(value);
}

}  // namespace

PluginWatcher::PluginWatcher(PluginCatalog& catalog, const QStringList& dirs, QObject* parent)
    : QObject(parent),
      m_catalog(catalog),
      m_watcher(new QFileSystemWatcher(this)),
      m_settle(new QTimer(this)) {
    m_catalog.setLoadFromCopies(true);
    for (const QString& dir : dirs) {
        const QString absolute = QDir(dir).absolutePath();
        if (!QFileInfo(absolute).isDir() || m_dirs.contains(absolute)) continue;
        m_dirs << absolute;
        for (const QString& file : libraryFiles(absolute)) m_handled.insert(file, stampOf(file));
    }
    if (!m_dirs.isEmpty()) m_watcher->addPaths(m_dirs);
    watchFiles();
    m_settle->setSingleShot(true);
    m_settle->setInterval(40);
    connect(m_settle, &QTimer::timeout, this, &PluginWatcher::check);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &PluginWatcher::onChange);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &PluginWatcher::onChange);
    detail::logger("plugins")->info("watching {} for new builds",
                                    m_dirs.join(QStringLiteral(", ")).toStdString());
}

PluginWatcher::~PluginWatcher() = default;

void PluginWatcher::setSettleTime(int ms) {
    m_settle->setInterval(ms);
}

PluginWatcher::Stamp PluginWatcher::stampOf(const QString& file) {
    const QFileInfo fi(file);
    if (!fi.exists()) return {};
    return {fi.size(), fi.lastModified()};
}

bool PluginWatcher::looksComplete(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return false;
    const qint64 size = f.size();
    const QByteArray h = f.read(64);
    if (h.size() < 4) return false;  // being created
    if (!h.startsWith("\x7f"
                      "ELF"))
        return true;
    if (h.size() < 52) return false;
    const bool is64 = h.at(4) == 2;
    const bool big = h.at(5) == 2;
    if (is64 && h.size() < 64) return false;
    // The program and section header tables: a linker writes the section headers last.
    const quint64 phoff = is64 ? field<quint64>(h, 0x20, big) : field<quint32>(h, 0x1C, big);
    const quint64 shoff = is64 ? field<quint64>(h, 0x28, big) : field<quint32>(h, 0x20, big);
    const quint16 phentsize = field<quint16>(h, is64 ? 0x36 : 0x2A, big);
    const quint16 phnum = field<quint16>(h, is64 ? 0x38 : 0x2C, big);
    const quint16 shentsize = field<quint16>(h, is64 ? 0x3A : 0x2E, big);
    const quint16 shnum = field<quint16>(h, is64 ? 0x3C : 0x30, big);
    const quint64 end =
        std::max(phoff + quint64(phentsize) * phnum, shoff + quint64(shentsize) * shnum);
    return end <= quint64(size);
}

void PluginWatcher::onChange() {
    // Note each changed file's size and time now; check() loads those that stay the same.
    for (const QString& dir : m_dirs)
        for (const QString& file : libraryFiles(dir)) {
            const Stamp stamp = stampOf(file);
            if (m_handled.value(file) != stamp) m_pending.insert(file, stamp);
        }
    watchFiles();
    m_settle->start();
}

void PluginWatcher::check() {
    bool waiting = false;
    for (const QString& dir : m_dirs) {
        for (const QString& file : libraryFiles(dir)) {
            const Stamp stamp = stampOf(file);
            if (m_handled.value(file) == stamp) {
                m_pending.remove(file);
                continue;
            }
            const auto pending = m_pending.constFind(file);
            if (pending == m_pending.cend() || *pending != stamp) {
                m_pending.insert(file, stamp);  // still changing
                waiting = true;
                continue;
            }
            if (!looksComplete(file)) {
                const QDateTime since = m_incompleteSince.value(file, QDateTime::currentDateTime());
                m_incompleteSince.insert(file, since);
                if (since.msecsTo(QDateTime::currentDateTime()) < m_incompleteTimeoutMs) {
                    waiting = true;  // a build still writing it
                    continue;
                }
            }
            m_incompleteSince.remove(file);
            m_pending.remove(file);
            m_handled.insert(file, stamp);
            const PluginInfo& info = m_catalog.reloadFile(file);
            if (info.ok() && info.reloadError.isEmpty())
                emit reloaded(info);
            else
                emit reloadFailed(info);
        }
    }
    watchFiles();
    if (waiting) m_settle->start();
}

void PluginWatcher::watchFiles() {
    // A build that replaces a file drops it from the watch: watch what is there now.
    const QStringList watched = m_watcher->files();
    for (const QString& dir : m_dirs)
        for (const QString& file : libraryFiles(dir))
            if (!watched.contains(file)) m_watcher->addPath(file);
}

}  // namespace tessera
