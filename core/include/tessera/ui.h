// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/cache.h>
#include <tessera/chart.h>
#include <tessera/dataedits.h>
#include <tessera/dataframe.h>
#include <tessera/element.h>
#include <tessera/errors.h>
#include <tessera/export.h>
#include <tessera/fragment.h>
#include <tessera/handles.h>
#include <tessera/limit.h>
#include <tessera/options.h>
#include <tessera/sessionstate.h>
#include <tessera/value.h>

#include <QDate>
#include <QJsonValue>
#include <QStringList>
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <typeindex>
#include <utility>

namespace tessera {

namespace detail {
class RunContext;

/// A data editor's value is its edits; they apply to the data the editor was given (the
/// Value's fallback), so Value<DataFrame>::get() returns the edited data.
template <>
inline DataFrame fromVariant(const QVariant& edits, const DataFrame& data) {
    return edits.typeId() == QMetaType::QVariantMap ? dataedits::applyEdits(data, edits) : data;
}
}  // namespace detail

/// The dashboard's drawing surface. A dashboard receives one `Ui&` for the main area;
/// container calls return further Ui values that write into that container. Ui values are
/// cheap to copy. Every call is an interrupt point: when the run has been superseded it
/// throws tessera::Interrupted, which the host catches.
class TESSERA_CORE_EXPORT Ui {
public:
    ///@{
    /// Shows text as an element of its kind: a title, header, subheader, plain text,
    /// markdown (HTML in it is escaped), a caption, code (with a language to highlight), a
    /// divider, a metric (label, value and change), the status notes info, success, warning
    /// and error, an exception, or JSON.
    void title(const QString& text);
    void header(const QString& text);
    void subheader(const QString& text);
    void text(const QString& text);
    void markdown(const QString& markdown);
    void caption(const QString& text);
    void code(const QString& code, const QString& language = {});
    void divider();
    void metric(const QString& label, const QString& value, const QString& delta = {});
    void info(const QString& text);
    void success(const QString& text);
    void warning(const QString& text);
    void error(const QString& text);
    void exception(const std::exception& e);
    void exception(const QString& type, const QString& message);
    void json(const QJsonValue& value);
    ///@}

    ///@{
    /// Shows `data` as a chart of its columns. The handle's addRows() appends rows in place;
    /// its selection() reads what viewers selected in a chart drawn with a selectionMode.
    DataHandle lineChart(const DataFrame& data, const ChartOptions& options = {});
    DataHandle areaChart(const DataFrame& data, const ChartOptions& options = {});
    DataHandle barChart(const DataFrame& data, const ChartOptions& options = {});
    DataHandle scatterChart(const DataFrame& data, const ChartOptions& options = {});
    ///@}
    ///@{
    /// The same charts of long-form data: one series per value of the column `color`, with
    /// options.x as x and the one column of options.y as y. Since 1.1.
    DataHandle lineChart(const DataFrame& data, const ChartOptions& options, const QString& color);
    DataHandle areaChart(const DataFrame& data, const ChartOptions& options, const QString& color);
    DataHandle barChart(const DataFrame& data, const ChartOptions& options, const QString& color);
    DataHandle scatterChart(const DataFrame& data, const ChartOptions& options,
                            const QString& color);
    ///@}
    /// Shows `data` as a chart of the grammar (chart.h): layers of marks with typed encodings.
    /// Bins, aggregates, stacks and box-plot statistics are computed here, in the run. A spec
    /// that does not fit the data (a missing column, a type the mark cannot draw, lengths
    /// that differ) shows an error naming the channel and the reason instead. Its handle's
    /// addRows() adds rows to the chart's data and charts it again, keeping the window that
    /// Chart::keepLastRows() or keepLastSeconds() asks for. Since 1.1.
    DataHandle chart(const DataFrame& data, const Chart& chart);
    ///@{
    /// Shows `data` as a table (every row) or a dataframe (scrolling, sortable). The handle's
    /// addRows() appends rows in place; a dataframe's selection() reads the rows viewers
    /// selected when it was drawn with a selectionMode.
    DataHandle table(const DataFrame& data);
    DataHandle dataframe(const DataFrame& data, int height = 320);
    DataHandle dataframe(const DataFrame& data, const DataframeOptions& options);
    ///@}
    /// An editable table over `data`. Returns `data` with the edits made so far: changed
    /// cells, deleted rows left out, added rows below. Each cell is checked against its
    /// column (EditorColumn) where it is edited and again by the session; a wrong value is
    /// refused with the reason and never reaches the run. The edits are kept while the data
    /// stays the same; other data is a new editor.
    Value<DataFrame> dataEditor(const DataFrame& data, const DataEditorOptions& options = {},
                                const WidgetOptions& widgetOptions = {});
    /// Shows an image from its encoded bytes (PNG, JPEG, SVG, …), with a caption, scaled to
    /// `width` pixels when given.
    void image(const QByteArray& encoded, const QString& caption = {}, int width = 0);

    // Status
    /// Shows a progress bar and returns its slot: call progress() on the result to move it.
    Ui progress(int percent, const QString& text = {});
    /// Shows a spinner until the returned object goes out of scope.
    [[nodiscard]] Spinner spinner(const QString& text = QStringLiteral("Running…"));
    /// Shows a grey placeholder of `height` pixels, as a fragment shows while it loads.
    void skeleton(int height = 120);

    ///@{
    /// A widget labelled `label`, starting at `value` (within its bounds or options). Returns
    /// a handle to its current value: a viewer's change sets it and reruns what depends on
    /// it. A button is true in the one run that its click caused. Identity is kind, label,
    /// key (WidgetOptions::key) and defining arguments.
    Value<bool> button(const QString& label, const WidgetOptions& options = {});
    Value<bool> checkbox(const QString& label, bool value = false,
                         const WidgetOptions& options = {});
    Value<bool> toggle(const QString& label, bool value = false, const WidgetOptions& options = {});
    Value<int> slider(const QString& label, int min, int max, int value, int step = 1,
                      const WidgetOptions& options = {});
    Value<double> slider(const QString& label, double min, double max, double value,
                         double step = 0.01, const WidgetOptions& options = {});
    Value<std::pair<int, int>> rangeSlider(const QString& label, int min, int max,
                                           std::pair<int, int> value,
                                           const WidgetOptions& options = {});
    Value<QString> selectbox(const QString& label, const QStringList& options, int index = 0,
                             const WidgetOptions& widgetOptions = {});
    Value<QString> radio(const QString& label, const QStringList& options, int index = 0,
                         const WidgetOptions& widgetOptions = {});
    Value<QStringList> multiselect(const QString& label, const QStringList& options,
                                   const QStringList& value = {},
                                   const WidgetOptions& widgetOptions = {});
    Value<QString> textInput(const QString& label, const QString& value = {},
                             const WidgetOptions& options = {});
    Value<QString> textArea(const QString& label, const QString& value = {},
                            const WidgetOptions& options = {});
    Value<double> numberInput(const QString& label, double value = 0, double min = -1e12,
                              double max = 1e12, double step = 1,
                              const WidgetOptions& options = {});
    Value<QDate> dateInput(const QString& label, const QDate& value = QDate::currentDate(),
                           const WidgetOptions& options = {});
    Value<QString> colorPicker(const QString& label,
                               const QString& value = QStringLiteral("#1f77b4"),
                               const WidgetOptions& options = {});
    ///@}
    /// A place to drop files (or pick them: the window's file dialog, a browser's file input).
    /// Returns the files given, with their bytes, until they are removed or replaced; empty
    /// before. A file too large or of another type is refused with a clear message where it
    /// was given, and the value stays as it was.
    Value<UploadedFiles> fileUploader(const QString& label, const FileUploaderOptions& options = {},
                                      const WidgetOptions& widgetOptions = {});

    /// The value of the widget with key `keyOrLabel` (or else that label) as the session has
    /// it now, e.g. in a callback; `fallback` when there is no such widget. A read of the
    /// main body or a fragment makes it depend on the widget, as reading a Value<T> does.
    template <typename T>
    T widgetValue(const QString& keyOrLabel, const T& fallback = T()) const {
        const QVariant v = widgetVariant(keyOrLabel);
        return v.isValid() ? detail::fromVariant<T>(v, fallback) : fallback;
    }

    // Forms
    /// A container whose widgets send nothing until its submit button is pressed; then one
    /// rerun sees all their new values. Needs a formSubmitButton() inside; forms cannot nest.
    Ui form(const QString& key, const FormOptions& options = {});
    /// The submit button of the form this Ui writes into: true in the run its press causes.
    Value<bool> formSubmitButton(const QString& label = QStringLiteral("Submit"),
                                 const WidgetOptions& options = {});

    // Overlays
    /// A short notice in a corner of the window (of the page) for a few seconds. It shows
    /// when it first appears and when its text changes, not on every rerun.
    void toast(const QString& text, const QString& icon = {});
    /// A button that opens a small floating container; returns the container.
    Ui popover(const QString& label);
    /// An expandable container that tells how a step goes: running while you write into
    /// status.ui(), and complete (or error, when an exception leaves the scope) once the
    /// returned object is destroyed, unless update() said otherwise.
    [[nodiscard]] StatusBox status(const QString& label, bool expanded = false);
    /// A modal dialog with its own rerun scope, like a fragment: a widget inside reruns only
    /// `fn`. Open it from the main body (when a button is pressed, say); it closes when a full
    /// run no longer calls it (`f.rerun()` from inside does that) or when the person closes it.
    void dialog(const QString& title, std::function<void(Ui&)> fn);

    /// A button that saves `data` as a file named `fileName` (the window asks where; a browser
    /// downloads it). Like a button, it is true in the run its click causes.
    Value<bool> downloadButton(const QString& label, const QByteArray& data,
                               const QString& fileName,
                               const QString& mime = QStringLiteral("application/octet-stream"),
                               const WidgetOptions& options = {});
    /// The same, for data that is costly to make: `make` runs only when the button is pressed,
    /// in the run the press causes (on its thread; an exception shows like one from the
    /// dashboard), and its bytes then go to the viewer that pressed it.
    Value<bool> downloadButton(const QString& label, const std::function<QByteArray()>& make,
                               const QString& fileName,
                               const QString& mime = QStringLiteral("application/octet-stream"),
                               const WidgetOptions& options = {});

    // Chat
    /// A chat message: a container with its author's avatar: the role's initial, or `avatar`
    /// (a letter or an emoji). The assistant's messages are set apart by their background.
    Ui chatMessage(const QString& role, const QString& avatar = {});
    /// A message box pinned to the bottom of the window (the page). Returns the text sent, in
    /// the run that sending it causes, once; an empty text in every other run.
    Value<QString> chatInput(const QString& placeholder = QStringLiteral("Your message"),
                             const WidgetOptions& options = {});
    /// Writes text into place piece by piece as `next` returns pieces (std::nullopt ends
    /// it), as markdown, and returns the whole text. Every piece is an interrupt point.
    QString writeStream(const std::function<std::optional<QString>()>& next);

    ///@{
    /// A block to write into, returned as the Ui (or Uis) that write into it: a container,
    /// columns (equal, or by relative weight), tabs, an expander (open when `expanded`) or the
    /// sidebar.
    Ui container();
    QVector<Ui> columns(int count);
    QVector<Ui> columns(const QVector<int>& weights);
    QVector<Ui> tabs(const QStringList& labels);
    Ui expander(const QString& label, bool expanded = false);
    Ui sidebar();
    ///@}
    /// A single-element slot: each write to the returned Ui replaces what it shows.
    Ui empty();

    // Fragments
    /// A part of the dashboard that can rerun on its own: `fn` draws into a container created
    /// here and is kept (with its captures) by the session. A widget inside it, a
    /// dependency it read, or `options.runEvery` reruns only `fn`. With `options.parallel`
    /// it runs on the fragment pool while the rest of the dashboard goes on.
    void fragment(const QString& id, const FragmentOptions& options, std::function<void(Ui&)> fn);
    /// A fragment with default options (sequential, no key, no timer).
    void fragment(const QString& id, std::function<void(Ui&)> fn);
    /// Stops this run and reruns the app, or (RerunTarget::Fragment, from a fragment) only the
    /// fragment; RerunTarget::Fragment from the main body reruns the app. The run that asked counts
    /// as completed (RunStatus::Rerun): the buttons it saw pressed are released, so
    /// `if (ui.button("Reset")) ui.rerun();` settles. Works by throwing; do not catch (...)
    /// around it.
    [[noreturn]] void rerun(RerunTarget target = RerunTarget::App) const;
    /// Asks the fragments with FragmentOptions::key `key` (or `keys`) to rerun, without a
    /// full run and without stopping this one: how one fragment tells others that what they
    /// show has changed (write session state first; they read it when they run). A key no
    /// fragment of the page has is ignored.
    void rerunFragment(const QString& key) const;
    /// As rerunFragment(), for several keys at once.
    void rerunFragments(const QStringList& keys) const;
    /// A handle that reruns the fragments with these keys from outside any run (see
    /// FragmentTrigger).
    FragmentTrigger fragmentTrigger(const QStringList& keys) const;

    /// Wraps `fn` so that it may call Ui from another thread (one you start yourself): the
    /// thread then writes into this run. After the run has ended, calls throw ContextExpired.
    template <typename F>
    auto bind(F fn) const {
        return [binding = RunBinding(m_ctx), fn = std::move(fn)](auto&&... args) mutable {
            RunBinding::Entered entered(binding);
            return fn(std::forward<decltype(args)>(args)...);
        };
    }

    // Background work
    /// Runs `fn` in the background, once per session for this key and `args`: the first
    /// call starts it and shows a placeholder here, returning nothing; when it completes,
    /// the scope that asked (the fragment, or the dashboard) reruns and gets the value. An
    /// exception from `fn` is re-raised here. `fn` takes no argument or a TaskContext&.
    template <typename T, typename Fn, typename... Args>
    std::optional<T> asyncLoad(const QString& key, Fn fn, const AsyncLoadOptions& options = {},
                               const Args&... args) {
        QByteArray argsKey;
        (detail::appendKey(argsKey, args), ...);
        auto value = asyncLoadValue(
            key, argsKey, std::type_index(typeid(T)), options,
            [fn = std::move(fn)](TaskContext& task) mutable -> std::shared_ptr<const void> {
                if constexpr (std::is_invocable_v<Fn&, TaskContext&>)
                    return std::make_shared<const T>(fn(task));
                else
                    return std::make_shared<const T>(fn());
            });
        if (!value) return std::nullopt;
        return *std::static_pointer_cast<const T>(value);
    }

    /// Waits for a place in the process-wide concurrency group `group` (shared by every
    /// session), showing "Waiting for <group> — position k of n" here while queued. The
    /// place is held until the returned slot is destroyed. A full queue shows an error and
    /// throws LimitRejected; a superseded run leaves the queue.
    [[nodiscard]] LimitSlot limit(const QString& group, const LimitOptions& options = {});

    // Control
    /// Throws Interrupted when the run has been superseded; call it in long loops.
    void checkpoint() const;
    /// True when the run has been superseded (checkpoint() would throw).
    bool cancelled() const;
    /// Sleeps, waking early (and throwing Interrupted) when the run is superseded.
    void sleep(std::chrono::milliseconds duration) const;
    /// The session's state: values that live across runs of this session (st.session_state).
    SessionState& state() const;

    ~Ui();
    /// Ui values are cheap to copy; a copy writes where the original writes.
    Ui(const Ui&);
    /// Makes this Ui write where `other` writes.
    Ui& operator=(const Ui& other);

    /// How the host makes Ui values (runtime/uiaccess.h); not for dashboards.
    struct Access;

private:
    friend struct Access;
    friend class StatusBox;
    friend class DataHandle;
    /// Where a Ui writes: appended to a container, or replacing the one element of a slot.
    enum class Placement { Append, Slot };
    Ui(std::shared_ptr<detail::RunContext> context, Path container, Placement placement);

    std::shared_ptr<const void> asyncLoadValue(
        const QString& key, const QByteArray& args, std::type_index type,
        const AsyncLoadOptions& options,
        std::function<std::shared_ptr<const void>(TaskContext&)> fn);
    const std::shared_ptr<detail::RunContext>& context() const;
    Path place(const std::shared_ptr<Element>& element) const;
    void emitText(ElementKind kind, const QString& text);
    /// Shows `text` as an error where the dashboard asked for something that cannot be shown
    /// as asked, and records it in the group record's problems.
    void usageError(const QString& text);
    DataHandle emitChart(ElementKind kind, const DataFrame& data, const ChartOptions& options);
    /// A shorthand chart of long-form data, drawn as a grammar chart of one layer.
    DataHandle longFormChart(ElementKind kind, Mark mark, const DataFrame& data,
                             const ChartOptions& options, const QString& color);
    /// Shows a data element and returns its handle.
    DataHandle placeData(const std::shared_ptr<Element>& element,
                         const QString& selectionId = {}) const;
    /// Posts rows to add below the data element at `path`.
    void addRowsAt(const Path& path, ElementKind kind,
                   const std::shared_ptr<const DataFrame>& rows) const;
    Ui openBlock(ElementKind kind, QVariantMap props) const;
    /// A Ui writing at `container` (in the same form as this one).
    Ui at(Path container, Placement placement) const;
    QVariant widgetVariant(const QString& keyOrLabel) const;
    /// Writes the block this Ui writes into again, with new props (its children stay).
    void restateBlock(ElementKind kind, QVariantMap props) const;
    Value<QString> choice(ElementKind kind, const QString& label, const QStringList& options,
                          int index, const WidgetOptions& widgetOptions);
    template <typename T>
    Value<T> widget(ElementKind kind, const QString& label, QVariantMap props,
                    const QVariant& defaultValue, const WidgetOptions& options, T fallback,
                    const QByteArray& blob = {}, std::shared_ptr<const DataFrame> data = {});
    /// Checks that a widget may go where this Ui writes and claims its identity (from
    /// `digest`, too, when given); shows an error and returns an empty id when it may not.
    QString claimWidget(ElementKind kind, const QString& label, const QString& key,
                        const QVariantMap& props, const QByteArray& digest);
    /// Registers the claimed widget `id` with the session and returns its current value.
    QVariant registerWidget(const QString& id, ElementKind kind, const QString& label,
                            const QVariantMap& props, const QVariant& defaultValue,
                            const WidgetOptions& options,
                            std::shared_ptr<const DataFrame> data) const;
    /// Makes the data element `e` selectable with `mode` (a no-op for None); returns its
    /// selection's identity, or an empty id after showing why it cannot be.
    QString makeSelectable(Element& e, SelectionMode mode, const QString& key,
                           const WidgetCallback& onSelect, const QString& title);

    std::shared_ptr<detail::RunContext> m_ctx;
    Path m_container;  ///< the block written into, or the slot's own path
    Placement m_placement = Placement::Append;
    QString m_form;  ///< the form this Ui writes into, if any
    bool m_clearOnSubmit = false;
};

}  // namespace tessera
