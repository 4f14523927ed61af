// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/cacheregistry.h>
#include <tessera/host/session.h>
#include <tessera/host/sessionhandle.h>

namespace tessera {

LocalSessionHandle::LocalSessionHandle(QObject* parent)
    : SessionHandle(parent), m_session(new Session(this)) {
    connect(m_session, &Session::groupStarted, this, &SessionHandle::groupStarted);
    connect(m_session, &Session::groupFinished, this, &SessionHandle::groupFinished);
    connect(m_session, &Session::idle, this, &SessionHandle::idle);
}

LocalSessionHandle::LocalSessionHandle(const Dashboard& dashboard, QObject* parent,
                                       const QVariantMap& presets)
    : LocalSessionHandle(parent) {
    for (auto it = presets.cbegin(); it != presets.cend(); ++it)
        m_session->presetWidgetValue(it.key(), it.value());
    if (!presets.isEmpty()) {
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(m_session, &Session::idle, this, [this, once] {
            disconnect(*once);
            if (const QStringList problems = m_session->presetProblems(); !problems.isEmpty())
                emit presetProblems(problems);
        });
    }
    m_session->setDashboard(dashboard);
}

LocalSessionHandle::~LocalSessionHandle() = default;

QString LocalSessionHandle::dashboardId() const {
    return m_session->dashboard().id;
}

bool LocalSessionHandle::setDashboard(const Dashboard& dashboard) {
    m_session->setDashboard(dashboard);
    return true;
}

void LocalSessionHandle::reloadDashboard(const Dashboard& dashboard) {
    m_session->reloadDashboard(dashboard);
}

void LocalSessionHandle::rerun() {
    m_session->rerun();
}

void LocalSessionHandle::stop() {
    m_session->stop();
}

bool LocalSessionHandle::isRunning() const {
    return m_session->isRunning();
}

void LocalSessionHandle::setWidgetValue(const QString& id, const QVariant& value,
                                        std::function<void(const QString& problem)> refused) {
    const QString problem = m_session->setWidgetValue(id, value);
    if (!problem.isEmpty() && refused) refused(problem);
}

QMetaObject::Connection LocalSessionHandle::subscribe(
    QObject* receiver, std::function<void(const PageBatch&)> onBatch) {
    return m_session->subscribe(receiver, std::move(onBatch));
}

int LocalSessionHandle::elementCount() const {
    return m_session->page().elementCount();
}

void SessionHost::clearCaches() {
    tessera::clearCaches();
}

SessionHandle* LocalSessionHost::open(const Dashboard& dashboard, QObject* parent,
                                      const QVariantMap& presets) {
    return new LocalSessionHandle(dashboard, parent, presets);
}

SwitchingSessionHandle::SwitchingSessionHandle(SessionHost& host, QObject* parent)
    : SessionHandle(parent), m_host(host) {}

SwitchingSessionHandle::~SwitchingSessionHandle() = default;

QString SwitchingSessionHandle::dashboardId() const {
    return m_inner ? m_inner->dashboardId() : QString();
}

bool SwitchingSessionHandle::setDashboard(const Dashboard& dashboard) {
    if (m_inner && m_inner->setDashboard(dashboard)) return true;
    // Another session: the viewers' page is emptied, then drawn from the new one.
    QVector<PageOp> clear;
    for (int root = 0; root < 2; ++root)
        for (int i = m_rootChildren[root]; i-- > 0;)
            clear.append(PageOp{PageOp::Type::Remove, Path{root, i}, nullptr, false});
    m_rootChildren[0] = m_rootChildren[1] = 0;
    const bool wasRunning = m_inner && m_inner->isRunning();
    delete std::exchange(m_inner, nullptr);
    if (!clear.isEmpty()) emit pageBatch(PageBatch{++m_sequence, clear});
    if (wasRunning) emit idle();
    m_inner = m_host.open(dashboard, this, std::exchange(m_presets, {}));
    connect(m_inner, &SessionHandle::groupStarted, this, &SessionHandle::groupStarted);
    connect(m_inner, &SessionHandle::groupFinished, this, &SessionHandle::groupFinished);
    connect(m_inner, &SessionHandle::idle, this, &SessionHandle::idle);
    connect(m_inner, &SessionHandle::notice, this, &SessionHandle::notice);
    connect(m_inner, &SessionHandle::presetProblems, this, &SessionHandle::presetProblems);
    // Same thread: the snapshot comes at once, then every batch, each passed on.
    m_inner->subscribe(this, [this](const PageBatch& batch) { forward(batch); });
    return true;
}

void SwitchingSessionHandle::forward(const PageBatch& batch) {
    if (batch.ops.isEmpty()) return;
    for (const PageOp& op : batch.ops) {
        if (op.path.size() != 2 || op.path[0] < 0 || op.path[0] > 1) continue;
        int& count = m_rootChildren[op.path[0]];
        if (op.type == PageOp::Type::Upsert && op.path[1] == count) ++count;
        if (op.type == PageOp::Type::Remove && op.path[1] < count) --count;
    }
    emit pageBatch(PageBatch{++m_sequence, batch.ops});
}

void SwitchingSessionHandle::reloadDashboard(const Dashboard& dashboard) {
    if (m_inner) m_inner->reloadDashboard(dashboard);
}

void SwitchingSessionHandle::rerun() {
    if (m_inner) m_inner->rerun();
}

void SwitchingSessionHandle::stop() {
    if (m_inner) m_inner->stop();
}

bool SwitchingSessionHandle::isRunning() const {
    return m_inner && m_inner->isRunning();
}

void SwitchingSessionHandle::setWidgetValue(const QString& id, const QVariant& value,
                                            std::function<void(const QString& problem)> refused) {
    if (m_inner) m_inner->setWidgetValue(id, value, std::move(refused));
}

QMetaObject::Connection SwitchingSessionHandle::subscribe(
    QObject* receiver, std::function<void(const PageBatch&)> onBatch) {
    auto deliver = std::make_shared<std::function<void(const PageBatch&)>>(std::move(onBatch));
    // The page as it is: the current session's snapshot (it is posted now, before any later
    // batch passed on), numbered as this handle numbers its batches.
    if (m_inner) {
        const quint64 at = m_sequence;
        disconnect(m_inner->subscribe(receiver, [deliver, at](const PageBatch& snapshot) {
            (*deliver)(PageBatch{at, snapshot.ops});
        }));
    } else {
        QMetaObject::invokeMethod(receiver, [deliver, at = m_sequence] { (*deliver)({at, {}}); });
    }
    return connect(this, &SwitchingSessionHandle::pageBatch, receiver,
                   [deliver](const PageBatch& batch) { (*deliver)(batch); });
}

int SwitchingSessionHandle::elementCount() const {
    return m_inner ? m_inner->elementCount() : 0;
}

}  // namespace tessera
