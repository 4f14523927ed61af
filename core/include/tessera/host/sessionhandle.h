// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>
#include <tessera/export.h>
#include <tessera/grouprecord.h>
#include <tessera/host/delta.h>

#include <QObject>
#include <QVariantMap>
#include <functional>

namespace tessera {

class Session;

/// What a renderer drives: one viewer's session, either in this process (a Session) or in
/// a worker process. The same calls and events either way; the renderer never knows which.
/// A handle lives in one thread and is called from there only.
class TESSERA_CORE_EXPORT SessionHandle : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString dashboardId() const = 0;
    /// Shows `dashboard` (same session state), from a fresh page. False when this handle
    /// cannot show it (its session lives in a worker of another plugin): open another.
    virtual bool setDashboard(const Dashboard& dashboard) = 0;
    /// A new build of the dashboard shown (hot reload); ignored for another dashboard.
    virtual void reloadDashboard(const Dashboard& dashboard) = 0;
    virtual void rerun() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    /// Sets a widget's value as the user would (see Session::setWidgetValue). A refused
    /// value changes nothing and `refused` gets why, in this thread, now or later.
    virtual void setWidgetValue(const QString& id, const QVariant& value,
                                std::function<void(const QString& problem)> refused) = 0;
    /// The page as it is (one batch), then every batch, delivered in `receiver`'s thread.
    /// Disconnect the returned connection, or destroy `receiver`, to stop.
    virtual QMetaObject::Connection subscribe(QObject* receiver,
                                              std::function<void(const PageBatch&)> onBatch) = 0;
    /// Elements on the page now (see PageTree::elementCount()).
    virtual int elementCount() const = 0;

signals:
    void groupStarted(quint64 groupId);
    void groupFinished(const tessera::GroupRecord& record);
    void idle();
    /// The session's process stopped (`code` "dashboard-stopped") or gave up restarting
    /// ("dashboard-failed"); `message` says why, for the viewer.
    void notice(const QString& code, const QString& message);
    /// After the first run: the presets given to SessionHost::open() that matched no widget
    /// or whose value was refused (see Session::presetProblems()). Not emitted when none.
    void presetProblems(const QStringList& problems);
};

/// Opens session handles for dashboards: in this process, or in workers.
class TESSERA_CORE_EXPORT SessionHost {
public:
    virtual ~SessionHost() = default;
    /// A handle showing `dashboard`, a child of `parent`, living in the caller's thread.
    /// `presets` are widget values by key, label or id, taken when the widgets are first
    /// drawn (as `tessera --set`).
    virtual SessionHandle* open(const Dashboard& dashboard, QObject* parent,
                                const QVariantMap& presets = {}) = 0;
    /// Empties every cache of every session it opened (this process's by default).
    virtual void clearCaches();
    /// New builds of `changed` dashboards were loaded (hot reload), before the sessions
    /// showing them are told with SessionHandle::reloadDashboard().
    virtual void reloadDashboards(const QVector<Dashboard>& changed) { Q_UNUSED(changed); }
};

/// A Session of this process behind the handle.
class TESSERA_CORE_EXPORT LocalSessionHandle : public SessionHandle {
    Q_OBJECT
public:
    /// A session with no dashboard yet (setDashboard() shows one).
    explicit LocalSessionHandle(QObject* parent = nullptr);
    explicit LocalSessionHandle(const Dashboard& dashboard, QObject* parent = nullptr,
                                const QVariantMap& presets = {});
    ~LocalSessionHandle() override;

    QString dashboardId() const override;
    bool setDashboard(const Dashboard& dashboard) override;
    void reloadDashboard(const Dashboard& dashboard) override;
    void rerun() override;
    void stop() override;
    bool isRunning() const override;
    void setWidgetValue(const QString& id, const QVariant& value,
                        std::function<void(const QString& problem)> refused) override;
    QMetaObject::Connection subscribe(QObject* receiver,
                                      std::function<void(const PageBatch&)> onBatch) override;
    int elementCount() const override;

    Session& session() { return *m_session; }

private:
    Session* m_session;  // a child: destroyed with this, which interrupts its runs
};

/// Every session in this process.
class TESSERA_CORE_EXPORT LocalSessionHost : public SessionHost {
public:
    SessionHandle* open(const Dashboard& dashboard, QObject* parent,
                        const QVariantMap& presets = {}) override;
};

/// One viewer's session across dashboards whose sessions a host opens: showing a dashboard
/// the current session cannot show (another plugin's worker) opens one that can, and the
/// viewers subscribed stay subscribed: their page is emptied and drawn again from it.
class TESSERA_CORE_EXPORT SwitchingSessionHandle : public SessionHandle {
    Q_OBJECT
public:
    /// `host` must outlive this. No dashboard is shown until setDashboard().
    explicit SwitchingSessionHandle(SessionHost& host, QObject* parent = nullptr);
    ~SwitchingSessionHandle() override;

    /// Widget values the next session opened takes (as SessionHost::open()'s `presets`).
    void setPresets(const QVariantMap& presets) { m_presets = presets; }
    /// The session behind this now (null before the first dashboard).
    SessionHandle* current() const { return m_inner; }

    QString dashboardId() const override;
    bool setDashboard(const Dashboard& dashboard) override;
    void reloadDashboard(const Dashboard& dashboard) override;
    void rerun() override;
    void stop() override;
    bool isRunning() const override;
    void setWidgetValue(const QString& id, const QVariant& value,
                        std::function<void(const QString& problem)> refused) override;
    QMetaObject::Connection subscribe(QObject* receiver,
                                      std::function<void(const PageBatch&)> onBatch) override;
    int elementCount() const override;

signals:
    void pageBatch(const tessera::PageBatch& batch);

private:
    void forward(const PageBatch& batch);

    SessionHost& m_host;
    SessionHandle* m_inner = nullptr;  // a child
    QVariantMap m_presets;
    quint64 m_sequence = 0;
    int m_rootChildren[2] = {0, 0};  ///< the page's top-level elements, to empty it
};

}  // namespace tessera
