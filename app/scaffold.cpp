// SPDX-License-Identifier: GPL-3.0-or-later
#include "scaffold.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <cstdio>

namespace tessera::app {

namespace {

/// Template file names that would be hidden or special in the template itself.
QString outputName(const QString& relative) {
    return relative == QLatin1String("gitignore") ? QStringLiteral(".gitignore") : relative;
}

QString substitute(QString text, const ScaffoldNames& names) {
    text.replace(QLatin1String("@ID@"), names.id);
    text.replace(QLatin1String("@TARGET@"), names.target);
    text.replace(QLatin1String("@PROJECT@"), names.project);
    text.replace(QLatin1String("@TITLE@"), names.title);
    return text;
}

const char* const kUsage =
    "Usage: tessera new NAME [DIR]\n"
    "Writes a dashboard plugin project named NAME into DIR (default ./NAME): a CMakeLists.txt,\n"
    "the dashboard's source, its test and a README with the commands to build, run and test.\n"
    "NAME is letters, digits, '-' and '_', starting with a letter (e.g. sales-report).\n";

}  // namespace

std::optional<ScaffoldNames> scaffoldNames(const QString& name, QString* error) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]{0,62}$"));
    if (!valid.match(name).hasMatch()) {
        *error = QStringLiteral(
                     "'%1' cannot name a plugin: use letters, digits, '-' and '_', "
                     "starting with a letter")
                     .arg(name);
        return std::nullopt;
    }
    ScaffoldNames names;
    names.id = name.toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    names.target = name.toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    const QStringList words = names.id.split(QLatin1Char('-'), Qt::SkipEmptyParts);
    QStringList titled;
    for (const QString& word : words) {
        const QString w = word.left(1).toUpper() + word.mid(1);
        names.project += w;
        titled << w;
    }
    names.title = titled.join(QLatin1Char(' '));
    return names;
}

QString findScaffoldTemplate() {
    QStringList candidates;
    if (qEnvironmentVariableIsSet("TESSERA_SCAFFOLD_DIR"))
        candidates << qEnvironmentVariable("TESSERA_SCAFFOLD_DIR");
    candidates << QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                      QLatin1String(TESSERA_SCAFFOLD_RELPATH_INSTALL)
               << QStringLiteral(TESSERA_SCAFFOLD_SOURCE_DIR);
    for (const QString& dir : candidates)
        if (QFileInfo::exists(dir + QLatin1String("/CMakeLists.txt"))) return QDir::cleanPath(dir);
    return {};
}

std::optional<QStringList> writeScaffold(const QString& templateDir, const ScaffoldNames& names,
                                         const QString& dir, QString* error) {
    QDir target(dir);
    const bool existed = target.exists();
    if (existed && !target.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        *error = QStringLiteral("%1 exists and is not empty").arg(QDir::toNativeSeparators(dir));
        return std::nullopt;
    }
    QStringList written;
    auto fail = [&](const QString& why) -> std::optional<QStringList> {
        *error = why;
        for (const QString& file : written) QFile::remove(target.filePath(file));
        if (!existed) QDir(dir).removeRecursively();
        return std::nullopt;
    };
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(dir)));

    const QDir source(templateDir);
    QDirIterator it(templateDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) files << source.relativeFilePath(it.next());
    files.sort();
    if (files.isEmpty()) return fail(QStringLiteral("the template %1 is empty").arg(templateDir));
    for (const QString& relative : files) {
        QFile in(source.filePath(relative));
        if (!in.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read %1: %2").arg(in.fileName(), in.errorString()));
        const QString name = substitute(outputName(relative), names);
        const QString path = target.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return fail(QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
        written << name;
        const QByteArray text = substitute(QString::fromUtf8(in.readAll()), names).toUtf8();
        if (out.write(text) != text.size() || !out.flush())
            return fail(QStringLiteral("cannot write %1: %2").arg(path, out.errorString()));
    }
    return written;
}

int runNew(const QStringList& arguments) {
    if (arguments.contains(QLatin1String("--help")) || arguments.contains(QLatin1String("-h"))) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (arguments.isEmpty() || arguments.size() > 2 || arguments.first().startsWith(u'-')) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    QString error;
    const auto names = scaffoldNames(arguments.first(), &error);
    if (!names) {
        std::fprintf(stderr, "tessera new: %s\n", qPrintable(error));
        return 2;
    }
    const QString templateDir = findScaffoldTemplate();
    if (templateDir.isEmpty()) {
        std::fputs(
            "tessera new: the project template is not installed; it comes with the SDK "
            "(apt install libtessera-dev), which plugins are built with\n",
            stderr);
        return 1;
    }
    const QString dir = QDir::cleanPath(QDir::current().absoluteFilePath(
        arguments.size() > 1 ? arguments.at(1) : arguments.first()));
    const auto written = writeScaffold(templateDir, *names, dir, &error);
    if (!written) {
        std::fprintf(stderr, "tessera new: %s\n", qPrintable(error));
        return 1;
    }
    const QString shown = QDir::current().relativeFilePath(dir);
    std::printf("Wrote the plugin project '%s' to %s:\n", qPrintable(names->id),
                qPrintable(QDir::toNativeSeparators(dir)));
    for (const QString& file : *written) std::printf("  %s\n", qPrintable(file));
    std::printf(
        "\nNext:\n"
        "  cd %s\n"
        "  cmake -S . -B build -G Ninja && cmake --build build\n"
        "  tessera --plugin-dir build %s\n"
        "  ctest --test-dir build --output-on-failure\n",
        qPrintable(shown.startsWith(QLatin1String("..")) ? dir : shown), qPrintable(names->id));
    return 0;
}

}  // namespace tessera::app
