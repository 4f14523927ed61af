// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientpage.h"
#include "frames.h"

#include <tessera/host/codec.h>
#include <tessera/host/sessionhandle.h>
#include <tessera/value.h>

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <map>

namespace tessera::workers {

class WorkerProcess;

/// A session in a worker process, seen from the host. It keeps the page the worker sent
/// (for viewers that subscribe later) and the widget values it was given, so that when the
/// worker stops it can empty the page, say why, and open the session again in the new
/// worker with those values.
class WorkerSessionHandle : public SessionHandle {
    Q_OBJECT
public:
    /// `presets`: widget values by key, label or id, for the first run (SessionHost::open()).
    WorkerSessionHandle(WorkerProcess* worker, const Dashboard& dashboard, QObject* parent,
                        const QVariantMap& presets = {});
    ~WorkerSessionHandle() override;

    QString dashboardId() const override { return m_dashboard; }
    bool setDashboard(const Dashboard& dashboard) override;
    void reloadDashboard(const Dashboard& dashboard) override;
    void rerun() override;
    void stop() override;
    bool isRunning() const override { return m_running; }
    void setWidgetValue(const QString& id, const QVariant& value,
                        std::function<void(const QString& problem)> refused) override;
    QMetaObject::Connection subscribe(QObject* receiver,
                                      std::function<void(const PageBatch&)> onBatch) override;
    int elementCount() const override { return m_page.elementCount(); }

    /// A frame of this session from the worker.
    void onFrame(const Frame& frame);
    /// The worker stopped because of `reason`; `gaveUp` is why it is not restarted (empty
    /// when it is).
    void workerStopped(const QString& reason, const QStringList& stderrTail, const QString& gaveUp);
    /// A new worker takes over (a new build): the page it sends replaces this one.
    void workerRenewed();

signals:
    void pageBatch(const tessera::PageBatch& batch);

private:
    void open();
    void onText(const QByteArray& text);
    void publish(const QVector<PageOp>& ops);
    void send(const QJsonObject& message);
    /// An uploader's files: their bytes in buffer frames, then a `files` message.
    void sendFiles(const QString& id, const UploadedFiles& files, qint64 ref);

    QPointer<WorkerProcess> m_worker;
    QTimer m_watchdog;  ///< runs while the session runs (WorkerSettings::runTimeoutMs)
    quint32 m_session = 0;
    QString m_dashboard;
    bool m_open = false;         ///< the worker has the session
    bool m_replacePage = false;  ///< the next ops start the page afresh
    bool m_running = false;
    bridge::ClientPage m_page;
    BufferTable m_buffers;  ///< buffers of the message being received
    quint64 m_sequence = 0;
    QJsonObject m_values;          ///< widget values given, replayed after a restart (no presses)
    bool m_reportPresets = false;  ///< the first open's values came from the user
    std::map<QString, UploadedFiles> m_files;  ///< uploaders' files, replayed the same way
    qint64 m_nextRef = 0;
    /// Callbacks for values not answered yet, by ref (oldest first): the worker answers a
    /// refused value only.
    std::map<qint64, std::function<void(const QString&)>> m_refusals;
};

}  // namespace tessera::workers
