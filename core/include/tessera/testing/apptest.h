// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/dashboard.h>
#include <tessera/export.h>
#include <tessera/grouprecord.h>
#include <tessera/schema.h>

#include <QVector>
#include <memory>

namespace tessera {
class Session;
}

namespace tessera::testing {

/// A read-only view of one element on the page, as it was when the view was taken: it keeps
/// that element alive, so it stays valid while later runs and widget changes replace it.
class TESSERA_CORE_EXPORT ElementView {
public:
    ElementView() = default;
    /// A view of `element`, which is at `path` on the page.
    ElementView(ElementPtr element, Path path)
        : m_element(std::move(element)), m_path(std::move(path)) {}

    bool exists() const { return m_element != nullptr; }            ///< an element was found
    ElementKind kind() const;                                       ///< its kind
    QString kindName() const;                                       ///< its kind's name ("slider")
    QVariant prop(const QString& name) const;                       ///< a prop, by prop:: name
    QString label() const { return prop(prop::label).toString(); }  ///< its label prop
    QString text() const { return prop(prop::text).toString(); }    ///< its text prop
    QVariant value() const { return prop(prop::value); }            ///< its value prop
    QString id() const;                          ///< a widget's identity; empty for other elements
    const Path& path() const { return m_path; }  ///< where it is on the page
    const Element* element() const { return m_element.get(); }  ///< the element itself
    /// A grammar chart's completed spec: its layers' marks, encodings (with their types and
    /// titles), series and rows, and the chart's axes (docs/protocol.md, "Charts").
    QVariantMap chartSpec() const;
    /// What layer `layer` of a grammar chart draws for `channel` ("x", "y2", "median"), as
    /// computed in the run; nullptr when it draws nothing for it.
    const Column* chartColumn(int layer, const QString& channel) const;

private:
    ElementPtr m_element;
    Path m_path;
};

/// Runs a dashboard without a window and inspects what it shows, the way a user would:
///
///     AppTest at(myDashboard);
///     at.run();
///     at.widget("Threshold").set(5);
///     at.run();
///     QCOMPARE(at.elements("metric").first().prop("value"), "5");
///
/// Needs a QCoreApplication (QTEST_GUILESS_MAIN provides one).
class TESSERA_CORE_EXPORT AppTest {
public:
    ///@{
    /// A test of the dashboard `fn` (or `dashboard`); nothing runs before run().
    explicit AppTest(std::function<void(Ui&)> fn);
    explicit AppTest(const Dashboard& dashboard);
    ///@}
    /// Loads dashboard `dashboardId` from the plugin file at `pluginFile`.
    static std::unique_ptr<AppTest> fromPlugin(const QString& pluginFile,
                                               const QString& dashboardId, QString* error);
    ~AppTest();

    /// Runs the dashboard and waits until the session is idle, as the window would: the first
    /// run; then, after widgets were set, a rerun of what depends on them (the fragments that
    /// read or contain them, else everything); otherwise a full rerun. False on timeout.
    bool run(int timeoutMs = 10000);
    /// Requests a run like run() but returns at once (to act while it is going).
    void start();
    /// Reruns the fragments with FragmentOptions::key `key`, as Session::rerunFragment()
    /// does, and waits until the session is idle. False when none has the key, or on timeout.
    bool rerunFragment(const QString& key, int timeoutMs = 10000);
    /// Waits until the session is idle without requesting a run.
    bool waitIdle(int timeoutMs = 10000);

    /// Elements in page order (main area, then sidebar); `kind` by name, e.g. "slider".
    QVector<ElementView> elements(const QString& kind = {}) const;
    /// The `index`th element of `kind`; a view that does not exist() when there is none.
    ElementView element(const QString& kind, int index = 0) const;
    /// First element of `kind` whose label or text equals `labelOrText`.
    ElementView find(const QString& kind, const QString& labelOrText) const;

    /// A widget found by widget(), to read and set as a person would.
    class WidgetHandle {
    public:
        /// A handle on the widget `view` of `test`.
        WidgetHandle(AppTest* test, ElementView view)
            : m_test(test), m_view(view), m_value(view.value()) {}
        bool exists() const { return m_view.exists(); }  ///< the widget was found
        QVariant value() const;  ///< its value, as shown when the handle was made
        /// Sets the value without rerunning; returns the validation error, empty when fine.
        QString set(const QVariant& value);
        /// Gives a file uploader these files, as a person dropping them would.
        QString upload(const UploadedFiles& files) { return set(uploaderValue(files)); }
        /// Clicks a button: sets it and reruns what the window reruns (the button's fragment,
        /// or the whole dashboard).
        bool click();

        // Data editors, as a person editing the table would (without rerunning). Each returns
        // the refusal, naming the row and column, or an empty string when the edit is taken.
        /// Changes the cell of data row `row` (or, for row < 0, of added row -1 - row).
        QString editCell(qsizetype row, const QString& column, const QVariant& value);
        QString addRow(const QVariantMap& cells);  ///< adds a row with these cells, by column
        QString deleteRows(const QList<qsizetype>& rows);  ///< deletes these data rows

        // Selectable charts and dataframes (find them by key, or a chart by its title).
        QString select(const QList<qsizetype>& rows);  ///< selects these rows
        /// Drags a box over a chart: selects the rows with a point inside, as viewers do.
        QString selectBox(double x0, double x1, double y0, double y1);
        const ElementView& view() const { return m_view; }  ///< the widget's element

    private:
        AppTest* m_test;
        ElementView m_view;
        QVariant m_value;  ///< the value as this handle last set it
    };
    /// A widget by key, or else by label.
    WidgetHandle widget(const QString& keyOrLabel);

    /// The session's state (what Ui::state() gives the dashboard), to set it up or check it.
    SessionState& state();
    /// The record of the last run: its scopes, their timing and status, and exceptions.
    const GroupRecord& lastGroup() const;
    /// The exceptions of the last run, each as "Type: message".
    QStringList exceptions() const { return lastGroup().exceptions; }
    /// The page as indented text, for failure messages.
    QString dump() const;
    /// The host's session, for Tessera's own tests (declared in <tessera/host/session.h>,
    /// which is not part of the SDK).
    Session& session();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace tessera::testing
