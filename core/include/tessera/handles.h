// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What some Ui calls return or hand out: handles to a run, an element, a status box, a
// spinner, a background task or a set of fragments.

#include <tessera/dataframe.h>
#include <tessera/element.h>
#include <tessera/export.h>
#include <tessera/value.h>

#include <QStringList>
#include <chrono>
#include <memory>
#include <optional>

namespace tessera {

namespace detail {
class RunContext;
}  // namespace detail

class Ui;

/// A run that threads of your own may write into (see Ui::bind()). Opaque.
class TESSERA_CORE_EXPORT RunBinding {
public:
    /// While alive, the calling thread works for the bound run.
    class TESSERA_CORE_EXPORT Entered {
    public:
        /// Makes the calling thread work for `binding`'s run until destroyed.
        explicit Entered(const RunBinding& binding);
        ~Entered();
        Entered(const Entered&) = delete;
        Entered& operator=(const Entered&) = delete;

    private:
        std::shared_ptr<detail::RunContext> m_previous;
    };

private:
    friend class Ui;
    explicit RunBinding(std::shared_ptr<detail::RunContext> run) : m_run(std::move(run)) {}

    std::shared_ptr<detail::RunContext> m_run;
};

class Spinner;
class StatusBox;

namespace detail {
class AsyncTasks;
class TaskToken;
class SessionCore;
}  // namespace detail

/// Reruns keyed fragments (FragmentOptions::key) of one session from anywhere: a timer, a
/// socket or a thread your plugin owns. Get one from Ui::fragmentTrigger(); it may be copied
/// and called from any thread at any time, also after the run that made it has ended. Once
/// the session has ended, calling it does nothing.
class TESSERA_CORE_EXPORT FragmentTrigger {
public:
    FragmentTrigger() = default;
    /// Asks the session to rerun the fragments with the trigger's keys.
    void operator()() const;
    /// False once the session has ended (or for a default-constructed trigger).
    bool isValid() const { return !m_core.expired(); }

private:
    friend class Ui;
    FragmentTrigger(std::weak_ptr<detail::SessionCore> core, QStringList keys)
        : m_core(std::move(core)), m_keys(std::move(keys)) {}

    std::weak_ptr<detail::SessionCore> m_core;
    QStringList m_keys;
};

/// What an asyncLoad() function may ask about its task.
class TESSERA_CORE_EXPORT TaskContext {
public:
    /// True once nobody needs the result (the session ended, the key is no longer used).
    bool cancelled() const;
    /// Throws tessera::Interrupted when cancelled.
    void checkpoint() const;
    /// Sleeps, waking early (and throwing Interrupted) when cancelled.
    void sleep(std::chrono::milliseconds duration) const;

private:
    friend class detail::AsyncTasks;
    explicit TaskContext(std::shared_ptr<detail::TaskToken> token);

    std::shared_ptr<detail::TaskToken> m_token;
};

/// What a chart, table or dataframe call returns: that element, for the rest of the run.
/// addRows() appends to it in place, so a viewer gets only the new rows, not the whole data
/// again. The next full run draws the element from its call again, without the added rows.
class TESSERA_CORE_EXPORT DataHandle {
public:
    DataHandle() = default;
    /// Adds `rows` below the element's data. They need the element's columns (by name, with
    /// the same types, in any order); other columns throw std::invalid_argument. Like any Ui
    /// call it is an interrupt point, and it throws ContextExpired once the run has ended.
    /// Does nothing on the handle of an element that was not drawn (a chart with bad columns
    /// shows an error instead).
    void addRows(const DataFrame& rows) const;
    /// What is selected in the element, for a chart or dataframe drawn with a selectionMode
    /// (empty otherwise). Like a widget's value: a change reruns the scope that drew the
    /// element, and reading it makes the reading scope depend on it.
    Value<DataSelection> selection() const;

private:
    friend class Ui;
    /// addRows() of a grammar chart: its data with the rows, charted again.
    void addChartRows(const DataFrame& rows) const;
    DataHandle(std::shared_ptr<const Ui> ui, Path path, ElementKind kind,
               std::shared_ptr<const DataFrame> data, QString selectionId);

    std::shared_ptr<const Ui> m_ui;  ///< writes the rows, from the run's thread or a bound one
    Path m_path;
    ElementKind m_kind = ElementKind::Empty;
    std::shared_ptr<const DataFrame> m_data;  ///< the columns the rows must have
    QString m_selectionId;                    ///< the selection's widget identity, if selectable
};

/// What Ui::status() returns: the box's container, and its state.
class TESSERA_CORE_EXPORT StatusBox {
public:
    /// A box writing into `box`, labelled `label`; made by Ui::status().
    StatusBox(Ui box, QString label, bool expanded);
    ~StatusBox();
    StatusBox(StatusBox&&) noexcept;  ///< moves the box
    StatusBox(const StatusBox&) = delete;
    StatusBox& operator=(const StatusBox&) = delete;

    /// Writes into the box.
    Ui& ui() { return *m_box; }
    /// Changes the label and the state (and whether the box is open).
    void update(const QString& label, StatusState state, std::optional<bool> expanded = {});
    /// Changes only the state.
    void update(StatusState state) { update(m_label, state); }

private:
    std::unique_ptr<Ui> m_box;
    QString m_label;
    bool m_expanded = false;
    bool m_settled = false;  ///< update() set a final state: the destructor leaves it
    int m_uncaught = 0;      ///< exceptions in flight when the box was made
};

/// RAII spinner: shown while alive, cleared when destroyed.
class TESSERA_CORE_EXPORT Spinner {
public:
    /// A spinner shown in `slot`; made by Ui::spinner().
    explicit Spinner(Ui slot);
    ~Spinner();
    Spinner(Spinner&&) noexcept;  ///< moves the spinner
    Spinner(const Spinner&) = delete;
    Spinner& operator=(const Spinner&) = delete;

private:
    std::unique_ptr<Ui> m_slot;
};

}  // namespace tessera
