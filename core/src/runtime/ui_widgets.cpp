// SPDX-License-Identifier: GPL-3.0-or-later
// The widget half of Ui: identity, registration with the session's widget store, and
// argument checks that turn a wrong call into a visible error instead of odd behaviour.
#include <tessera/schema.h>
#include <tessera/ui.h>

#include "runcontext.h"

#include <QCryptographicHash>

namespace tessera {

namespace {

/// Streamlit's rule: kind + label + defining arguments, or kind + key when a key is given;
/// `digest` (of the data a widget shows) counts in both.
QString widgetId(ElementKind kind, const QString& label, const QString& key,
                 const QVariantMap& props, const QByteArray& digest = {}) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(kindName(kind).toUtf8());
    if (!digest.isEmpty()) {
        hash.addData(
            QByteArrayView("\x1f"
                           "data"
                           "\x1f"));
        hash.addData(digest);
    }
    if (!key.isEmpty()) {
        hash.addData(QByteArrayView("\x1fkey\x1f"));
        hash.addData(key.toUtf8());
    } else {
        hash.addData(QByteArrayView("\x1flabel\x1f"));
        hash.addData(label.toUtf8());
        for (const QString& name : {prop::min, prop::max, prop::step, prop::options}) {
            const QVariant v = props.value(name);
            if (!v.isValid()) continue;
            hash.addData(QByteArrayView("\x1f"));
            hash.addData(name.toLatin1());
            hash.addData(QByteArrayView("="));
            hash.addData(v.toStringList().join(QChar(0x1e)).toUtf8());
            hash.addData(v.toString().toUtf8());
        }
    }
    return kindName(kind) + QLatin1Char('-') + QString::fromLatin1(hash.result().toHex().left(16));
}

/// A digest of `data`'s names and values: the same data gives the same widget.
QByteArray frameDigest(const DataFrame& data) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const Column& column : data.columns()) {
        hash.addData(column.name().toUtf8());
        hash.addData(QByteArrayView("\x1f"));
        if (column.isNumeric()) {
            const std::vector<double>& numbers = column.numbers();
            hash.addData(QByteArrayView(reinterpret_cast<const char*>(numbers.data()),
                                        qsizetype(numbers.size() * sizeof(double))));
        } else {
            for (const QString& s : column.text()) {
                hash.addData(s.toUtf8());
                hash.addData(QByteArrayView("\x1e"));
            }
        }
        hash.addData(QByteArrayView("\x1d"));
    }
    return hash.result();
}

}  // namespace

QString Ui::claimWidget(ElementKind kind, const QString& label, const QString& key,
                        const QVariantMap& props, const QByteArray& digest) {
    const auto& ctx = context();
    ctx->check();
    if (ctx->isFragment() && m_placement == Placement::Append && !ctx->owns(m_container)) {
        usageError(
            QStringLiteral("%1 '%2': a fragment cannot put widgets in a container outside itself. "
                           "Draw the widget inside the fragment, or in the main body.")
                .arg(kindName(kind), label));
        return {};
    }
    if ((kind == ElementKind::Button || kind == ElementKind::DownloadButton) && !m_form.isEmpty()) {
        usageError(QStringLiteral("button '%1' is inside form '%2', whose widgets send nothing "
                                  "until it is submitted: use formSubmitButton() there.")
                       .arg(label, m_form));
        return {};
    }
    const QString id = widgetId(kind, label, key, props, digest);
    if (!ctx->claims->claim(id)) {
        usageError(
            QStringLiteral("Duplicate widget: there is already a %1 labelled '%2' on this page. "
                           "Give each a distinct key, e.g. WidgetOptions{.key = \"%2-2\"}.")
                .arg(kindName(kind), label));
        return {};
    }
    return id;
}

QVariant Ui::registerWidget(const QString& id, ElementKind kind, const QString& label,
                            const QVariantMap& props, const QVariant& defaultValue,
                            const WidgetOptions& options,
                            std::shared_ptr<const DataFrame> data) const {
    const auto& ctx = context();
    detail::WidgetSpec spec{kind, label, options.key, defaultValue, props, ctx->scope};
    spec.onChange = options.onChange ? options.onChange : options.onClick;
    spec.form = m_form;
    spec.clearOnSubmit = m_clearOnSubmit;
    spec.data = std::move(data);
    spec.disabled = options.disabled;
    return ctx->core->widgets->registerWidget(id, spec);
}

template <typename T>
Value<T> Ui::widget(ElementKind kind, const QString& label, QVariantMap props,
                    const QVariant& defaultValue, const WidgetOptions& options, T fallback,
                    const QByteArray& blob, std::shared_ptr<const DataFrame> data) {
    const QString id =
        claimWidget(kind, label, options.key, props, data ? frameDigest(*data) : QByteArray());
    if (id.isEmpty()) return Value<T>(fallback);
    const QVariant current = registerWidget(id, kind, label, props, defaultValue, options, data);

    auto e = std::make_shared<Element>();
    e->kind = kind;
    e->id = id;
    e->props = std::move(props);
    e->props.insert(prop::label, label);
    e->props.insert(prop::value, detail::shownValue(kind, current));
    if (!options.key.isEmpty()) e->props.insert(prop::key, options.key);
    if (!options.help.isEmpty()) e->props.insert(prop::help, options.help);
    if (options.disabled) e->props.insert(prop::disabled, true);
    e->blob = blob;
    e->frame = std::move(data);
    place(e);
    const auto& ctx = context();
    return Value<T>(ctx->core->widgets, id, detail::fromVariant<T>(current, fallback));
}

QString Ui::makeSelectable(Element& e, SelectionMode mode, const QString& key,
                           const WidgetCallback& onSelect, const QString& title) {
    if (mode == SelectionMode::None) return {};
    const bool chart = isChartKind(e.kind);
    const bool rowMode = mode == SelectionMode::SingleRow || mode == SelectionMode::MultiRow;
    if (chart == rowMode) {
        usageError(QStringLiteral("%1: %2 selection is for %3; use %4")
                       .arg(kindName(e.kind), dataedits::selectionModeName(mode),
                            rowMode ? u"dataframes" : u"charts",
                            chart ? u"SelectionMode::Point or Box"
                                  : u"SelectionMode::SingleRow or MultiRow"));
        return {};
    }
    if (e.kind == ElementKind::BarChart && mode == SelectionMode::Box) {
        usageError(
            QStringLiteral("bar_chart: box selection is for line, area and scatter charts; "
                           "a bar chart takes SelectionMode::Point (a click selects a bar)"));
        return {};
    }
    const QString modeName = dataedits::selectionModeName(mode);
    // The mode is one of the identity's defining arguments: another mode is another widget.
    const QVariantMap idProps{{prop::options, modeName}};
    const QString id = claimWidget(e.kind, title, key, idProps,
                                   key.isEmpty() ? frameDigest(*e.frame) : QByteArray());
    if (id.isEmpty()) return {};
    const QVariantMap props{{prop::selectionMode, modeName}};
    WidgetOptions options;
    options.key = key;
    options.onChange = onSelect;
    const QVariant empty = QVariantMap{{dataedits::rows, QVariantList()}};
    const QVariant current = registerWidget(id, e.kind, title, props, empty, options, e.frame);
    e.id = id;
    e.props.insert(prop::selectionMode, modeName);
    e.props.insert(prop::value, current);
    if (!key.isEmpty()) e.props.insert(prop::key, key);
    return id;
}

Value<DataFrame> Ui::dataEditor(const DataFrame& data, const DataEditorOptions& options,
                                const WidgetOptions& widgetOptions) {
    QString problem;
    const QVariantList columns = dataedits::editorColumns(data, options.columns, &problem);
    if (!problem.isEmpty()) {
        usageError(QStringLiteral("data_editor '%1': %2").arg(options.label, problem));
        return Value<DataFrame>(data);
    }
    const QVariantMap props{{prop::columns, columns},
                            {prop::addRows, options.addRows},
                            {prop::deleteRows, options.deleteRows},
                            {prop::height, options.height},
                            {prop::rows, qlonglong(data.rowCount())}};
    const QVariant noEdits = QVariantMap{{dataedits::edited, QVariantMap()},
                                         {dataedits::added, QVariantList()},
                                         {dataedits::deleted, QVariantList()}};
    const Value<QVariant> edits =
        widget<QVariant>(ElementKind::DataEditor, options.label, props, noEdits, widgetOptions,
                         QVariant(), {}, std::make_shared<const DataFrame>(data));
    if (edits.id().isEmpty()) return Value<DataFrame>(data);
    return Value<DataFrame>(context()->core->widgets, edits.id(), data);
}

Value<bool> Ui::button(const QString& label, const WidgetOptions& options) {
    return widget<bool>(ElementKind::Button, label, {}, false, options, false);
}

/// A download's file name: a plain name, without folders.
static bool isPlainFileName(const QString& name) {
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\'));
}

Value<bool> Ui::downloadButton(const QString& label, const QByteArray& data,
                               const QString& fileName, const QString& mime,
                               const WidgetOptions& options) {
    if (!isPlainFileName(fileName)) {
        usageError(QStringLiteral("downloadButton '%1': the file name '%2' must be a plain name, "
                                  "without folders")
                       .arg(label, fileName));
        return Value<bool>(false);
    }
    QVariantMap props{{prop::fileName, fileName}, {prop::mime, mime}};
    return widget<bool>(ElementKind::DownloadButton, label, props, false, options, false, data);
}

Value<bool> Ui::downloadButton(const QString& label, const std::function<QByteArray()>& make,
                               const QString& fileName, const QString& mime,
                               const WidgetOptions& options) {
    if (!isPlainFileName(fileName))
        return downloadButton(label, QByteArray(), fileName, mime, options);  // its error
    QVariantMap props{{prop::fileName, fileName}, {prop::mime, mime}, {prop::deferred, true}};
    // Pressed: this is the run the press caused, and the viewer waits for the bytes. They go
    // out with this run's element only; the next run's element has none.
    const auto& ctx = context();
    const QVariant pressed =
        ctx->core->widgets->value(widgetId(ElementKind::DownloadButton, label, options.key, props));
    const QByteArray bytes = pressed.toBool() && make ? make() : QByteArray();
    return widget<bool>(ElementKind::DownloadButton, label, props, false, options, false, bytes);
}

Value<bool> Ui::formSubmitButton(const QString& label, const WidgetOptions& options) {
    if (m_form.isEmpty()) {
        usageError(QStringLiteral("formSubmitButton '%1' is not inside a form: call it on the Ui "
                                  "that ui.form(key) returned.")
                       .arg(label));
        return Value<bool>(false);
    }
    // The form's key is part of the identity: "Submit" in two forms are two buttons.
    WidgetOptions keyed = options;
    if (keyed.key.isEmpty()) keyed.key = m_form + QLatin1Char('/') + label;
    return widget<bool>(ElementKind::FormSubmitButton, label, {}, false, keyed, false);
}

Value<QString> Ui::chatInput(const QString& placeholder, const WidgetOptions& options) {
    if (!m_form.isEmpty()) {
        usageError(
            QStringLiteral("chatInput '%1' is inside form '%2': a chat input sends by itself; "
                           "put it outside the form.")
                .arg(placeholder, m_form));
        return Value<QString>(QString());
    }
    // The placeholder is the widget's label: its identity, and what screen readers announce.
    return widget<QString>(ElementKind::ChatInput, placeholder, {}, QString(), options, QString());
}

QVariant Ui::widgetVariant(const QString& keyOrLabel) const {
    const auto& ctx = context();
    ctx->check();
    const QString id = ctx->core->widgets->findByKeyOrLabel(keyOrLabel);
    return id.isEmpty() ? QVariant() : detail::readWidget(ctx->core->widgets, id);
}

Value<bool> Ui::checkbox(const QString& label, bool value, const WidgetOptions& options) {
    return widget<bool>(ElementKind::Checkbox, label, {}, value, options, value);
}

Value<bool> Ui::toggle(const QString& label, bool value, const WidgetOptions& options) {
    return widget<bool>(ElementKind::Toggle, label, {}, value, options, value);
}

Value<int> Ui::slider(const QString& label, int min, int max, int value, int step,
                      const WidgetOptions& options) {
    if (min > max || step <= 0 || value < min || value > max) {
        usageError(QStringLiteral("slider '%1': needs min ≤ value ≤ max and step > 0 (got min %2, "
                                  "value %3, max %4, step %5)")
                       .arg(label)
                       .arg(min)
                       .arg(value)
                       .arg(max)
                       .arg(step));
        return Value<int>(qBound(min, value, qMax(min, max)));
    }
    QVariantMap props{
        {prop::min, min}, {prop::max, max}, {prop::step, step}, {prop::integer, true}};
    return widget<int>(ElementKind::Slider, label, props, value, options, value);
}

Value<double> Ui::slider(const QString& label, double min, double max, double value, double step,
                         const WidgetOptions& options) {
    if (!(min <= max) || !(step > 0) || !(value >= min && value <= max)) {
        usageError(QStringLiteral("slider '%1': needs min ≤ value ≤ max and step > 0 (got min %2, "
                                  "value %3, max %4, step %5)")
                       .arg(label)
                       .arg(min)
                       .arg(value)
                       .arg(max)
                       .arg(step));
        return Value<double>(value);
    }
    QVariantMap props{
        {prop::min, min}, {prop::max, max}, {prop::step, step}, {prop::integer, false}};
    return widget<double>(ElementKind::Slider, label, props, value, options, value);
}

Value<std::pair<int, int>> Ui::rangeSlider(const QString& label, int min, int max,
                                           std::pair<int, int> value,
                                           const WidgetOptions& options) {
    if (min > max || value.first > value.second || value.first < min || value.second > max) {
        usageError(QStringLiteral("range_slider '%1': needs min ≤ low ≤ high ≤ max").arg(label));
        return Value<std::pair<int, int>>(value);
    }
    QVariantMap props{{prop::min, min}, {prop::max, max}, {prop::step, 1}};
    return widget<std::pair<int, int>>(ElementKind::RangeSlider, label, props,
                                       QVariantList{value.first, value.second}, options, value);
}

Value<QString> Ui::choice(ElementKind kind, const QString& label, const QStringList& options,
                          int index, const WidgetOptions& widgetOptions) {
    if (options.isEmpty() || index < 0 || index >= options.size()) {
        usageError(QStringLiteral("%1 '%2': index %3 is not a valid option (there are %4)")
                       .arg(kindName(kind), label)
                       .arg(index)
                       .arg(options.size()));
        return Value<QString>(QString());
    }
    return widget<QString>(kind, label, {{prop::options, options}}, options[index], widgetOptions,
                           options[index]);
}

Value<QString> Ui::selectbox(const QString& label, const QStringList& options, int index,
                             const WidgetOptions& widgetOptions) {
    return choice(ElementKind::Selectbox, label, options, index, widgetOptions);
}

Value<QString> Ui::radio(const QString& label, const QStringList& options, int index,
                         const WidgetOptions& widgetOptions) {
    return choice(ElementKind::Radio, label, options, index, widgetOptions);
}

Value<QStringList> Ui::multiselect(const QString& label, const QStringList& options,
                                   const QStringList& value, const WidgetOptions& widgetOptions) {
    for (const QString& v : value) {
        if (!options.contains(v)) {
            usageError(QStringLiteral("multiselect '%1': default '%2' is not one of the options")
                           .arg(label, v));
            return Value<QStringList>(QStringList());
        }
    }
    return widget<QStringList>(ElementKind::Multiselect, label, {{prop::options, options}}, value,
                               widgetOptions, value);
}

Value<QString> Ui::textInput(const QString& label, const QString& value,
                             const WidgetOptions& options) {
    return widget<QString>(ElementKind::TextInput, label, {}, value, options, value);
}

Value<QString> Ui::textArea(const QString& label, const QString& value,
                            const WidgetOptions& options) {
    return widget<QString>(ElementKind::TextArea, label, {}, value, options, value);
}

Value<double> Ui::numberInput(const QString& label, double value, double min, double max,
                              double step, const WidgetOptions& options) {
    if (!(min <= max) || !(step > 0) || !(value >= min && value <= max)) {
        usageError(
            QStringLiteral("number_input '%1': needs min ≤ value ≤ max and step > 0").arg(label));
        return Value<double>(value);
    }
    QVariantMap props{{prop::min, min}, {prop::max, max}, {prop::step, step}};
    return widget<double>(ElementKind::NumberInput, label, props, value, options, value);
}

Value<QDate> Ui::dateInput(const QString& label, const QDate& value, const WidgetOptions& options) {
    return widget<QDate>(ElementKind::DateInput, label, {}, value, options, value);
}

Value<QString> Ui::colorPicker(const QString& label, const QString& value,
                               const WidgetOptions& options) {
    return widget<QString>(ElementKind::ColorPicker, label, {}, value.toLower(), options,
                           value.toLower());
}

Value<UploadedFiles> Ui::fileUploader(const QString& label, const FileUploaderOptions& options,
                                      const WidgetOptions& widgetOptions) {
    return widget<UploadedFiles>(ElementKind::FileUploader, label,
                                 {{prop::types, options.types},
                                  {prop::maxBytes, qlonglong(options.maxBytes)},
                                  {prop::multiple, options.multiple}},
                                 QVariantList(), widgetOptions, UploadedFiles());
}

}  // namespace tessera
