// SPDX-License-Identifier: GPL-3.0-or-later
// The file uploader: files dropped on it or picked with the file dialog are checked against
// its types and size limit before they are read; files it takes are read and sent to the
// session with their bytes, files it refuses are named with the reason, and nothing is sent.
#include <tessera/schema.h>
#include <tessera/value.h>
#include "elementwidget.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

class FileUploaderView : public ElementWidget {
public:
    FileUploaderView() {
        setAcceptDrops(true);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        m_label = new QLabel(this);
        layout->addWidget(m_label);

        m_zone = new QFrame(this);
        m_zone->setObjectName(QStringLiteral("dropZone"));
        m_zone->setFrameShape(QFrame::StyledPanel);
        auto* zone = new QHBoxLayout(m_zone);
        m_hint = new QLabel(m_zone);
        m_hint->setWordWrap(true);
        m_browse = new QPushButton(tr("Browse files…"), m_zone);
        m_clear = new QPushButton(tr("Remove"), m_zone);
        zone->addWidget(m_hint, 1);
        zone->addWidget(m_clear);
        zone->addWidget(m_browse);
        layout->addWidget(m_zone);

        m_files = new QLabel(this);
        m_files->setTextFormat(Qt::PlainText);
        m_files->setWordWrap(true);
        layout->addWidget(m_files);
        m_problem = problemLabel(this, QStringLiteral("uploadProblem"));
        layout->addWidget(m_problem);

        connect(m_browse, &QPushButton::clicked, this, [this] { browse(); });
        connect(m_clear, &QPushButton::clicked, this, [this] {
            m_problem->hide();
            sendValue(QVariantList());
        });
    }

    /// Checks and reads `paths`, then sends them; a refused file is named and nothing is sent.
    void give(const QStringList& paths) {
        const Element& e = element();
        if (paths.size() > 1 && !e.props.value(prop::multiple).toBool()) {
            showProblem(tr("One file is taken here, not %1.").arg(paths.size()));
            return;
        }
        UploadedFiles files;
        for (const QString& path : paths) {
            const QFileInfo info(path);
            if (const QString problem = fileUploadProblem(e.props, info.fileName(), info.size());
                !problem.isEmpty()) {
                showProblem(problem);
                return;
            }
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                showProblem(tr("Could not read %1: %2").arg(path, file.errorString()));
                return;
            }
            files.append(
                {info.fileName(), QMimeDatabase().mimeTypeForFile(info).name(), file.readAll()});
        }
        m_problem->hide();
        sendValue(uploaderValue(files));
    }

protected:
    void display(const Element& e) override {
        m_label->setText(e.props.value(prop::label).toString());
        setToolTip(e.props.value(prop::help).toString());
        const bool enabled = !e.props.value(prop::disabled).toBool();
        m_browse->setEnabled(enabled);
        setAcceptDrops(enabled);
        const QStringList types = e.props.value(prop::types).toStringList();
        const qint64 limit = e.props.value(prop::maxBytes).toLongLong();
        QString hint =
            e.props.value(prop::multiple).toBool() ? tr("Drop files here") : tr("Drop a file here");
        if (!types.isEmpty()) hint += QStringLiteral(" · ") + types.join(u", ").toUpper();
        if (limit > 0)
            hint += QStringLiteral(" · ") + tr("up to %1")
                                                .arg(locale().formattedDataSize(
                                                    limit, 1, QLocale::DataSizeTraditionalFormat));
        m_hint->setText(hint);
        const QStringList names = e.props.value(prop::value).toStringList();
        m_files->setText(names.join(u'\n'));
        m_files->setVisible(!names.isEmpty());
        m_clear->setVisible(!names.isEmpty() && enabled);
    }

    void dragEnterEvent(QDragEnterEvent* event) override {
        if (localFiles(event->mimeData()).isEmpty()) return;
        event->acceptProposedAction();
    }
    void dropEvent(QDropEvent* event) override {
        const QStringList paths = localFiles(event->mimeData());
        if (paths.isEmpty()) return;
        event->acceptProposedAction();
        give(paths);
    }

private:
    static QStringList localFiles(const QMimeData* mime) {
        QStringList paths;
        if (!mime || !mime->hasUrls()) return paths;
        for (const QUrl& url : mime->urls())
            if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
                paths << url.toLocalFile();
        return paths;
    }

    void browse() {
        QStringList patterns;
        for (QString type : element().props.value(prop::types).toStringList()) {
            if (type.startsWith(QLatin1Char('.'))) type.remove(0, 1);
            patterns << QStringLiteral("*.") + type;
        }
        const QString filter =
            patterns.isEmpty() ? QString() : tr("Files (%1)").arg(patterns.join(u' '));
        const QString title = element().props.value(prop::label).toString();
        const QStringList paths =
            element().props.value(prop::multiple).toBool()
                ? QFileDialog::getOpenFileNames(this, title, {}, filter)
                : QStringList{QFileDialog::getOpenFileName(this, title, {}, filter)};
        if (!paths.isEmpty() && !paths.first().isEmpty()) give(paths);
    }

    void showProblem(const QString& problem) {
        m_problem->setText(problem);
        m_problem->show();
    }

    QLabel* m_label;
    QFrame* m_zone;
    QLabel* m_hint;
    QPushButton* m_browse;
    QPushButton* m_clear;
    QLabel* m_files;
    QLabel* m_problem;
};

}  // namespace

ElementWidget* createFileUploaderView() {
    return new FileUploaderView;
}

}  // namespace tessera::widgets
