// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgetstore.h"
#include <tessera/dataedits.h>
#include <tessera/schema.h>

#include "runcontext.h"

#include <tessera/value.h>

#include <QDate>
#include <QRegularExpression>
#include <cmath>

namespace tessera::detail {

QVariant readWidget(const std::shared_ptr<WidgetStore>& store, const QString& id) {
    if (!store) return {};
    // A read inside a run of this session makes that run's scope depend on the widget.
    const auto& current = RunContext::current();
    if (current && current->core->widgets == store) store->recordRead(id, current->scope);
    return store->value(id);
}

namespace {

std::optional<bool> toBool(const QVariant& v) {
    if (v.typeId() == QMetaType::Bool) return v.toBool();
    const QString s = v.toString().trimmed().toLower();
    if (s == u"true" || s == u"1" || s == u"yes" || s == u"on") return true;
    if (s == u"false" || s == u"0" || s == u"no" || s == u"off") return false;
    return std::nullopt;
}

std::optional<double> toNumber(const QVariant& v) {
    bool ok = false;
    const double d =
        v.typeId() == QMetaType::QString ? v.toString().trimmed().toDouble(&ok) : v.toDouble(&ok);
    if (!ok || !std::isfinite(d)) return std::nullopt;
    return d;
}

QStringList toList(const QVariant& v) {
    if (v.typeId() == QMetaType::QString) {
        QStringList parts = v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString& p : parts) p = p.trimmed();
        return parts;
    }
    return v.toStringList();
}

QString outOfRange(double v, double min, double max) {
    return QStringLiteral("value %1 is outside the range [%2, %3]").arg(v).arg(min).arg(max);
}

/// A file uploader's value: a list of {name, type, bytes}, each file one the uploader takes.
QVariant coerceFiles(const QVariantMap& props, const QVariant& value, QString* error) {
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return QVariant();
    };
    if (value.typeId() != QMetaType::QVariantList)
        return fail(
            QStringLiteral("files come from the window or a browser, as a list of "
                           "{name, type, bytes}"));
    const QVariantList files = value.toList();
    if (files.size() > 1 && !props.value(prop::multiple).toBool())
        return fail(QStringLiteral("one file is taken here, not %1").arg(files.size()));
    UploadedFiles taken;
    for (const QVariant& item : files) {
        const QVariantMap file = item.toMap();
        const QVariant bytes = file.value(QStringLiteral("bytes"));
        if (bytes.typeId() != QMetaType::QByteArray)
            return fail(QStringLiteral("a file without its bytes"));
        // Only the name: a path would tell where the file was, and is no part of a name.
        QString name = file.value(QStringLiteral("name")).toString();
        name = name.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1).trimmed();
        if (const QString problem = fileUploadProblem(props, name, bytes.toByteArray().size());
            !problem.isEmpty())
            return fail(problem);
        taken.append({name, file.value(QStringLiteral("type")).toString(), bytes.toByteArray()});
    }
    return detail::toVariant(taken);
}

}  // namespace

QVariant shownValue(ElementKind kind, const QVariant& value) {
    if (kind != ElementKind::FileUploader) return value;
    QStringList names;
    for (const UploadedFile& file : detail::fromVariant<UploadedFiles>(value, {}))
        names << file.name;
    return names;
}

namespace {

bool isNumber(const QVariant& v) {
    switch (v.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Double:
        case QMetaType::Float:
            return true;
        default:
            return false;
    }
}

QString described(const QVariant& v) {
    if (v.typeId() == QMetaType::QString)
        return QStringLiteral("the text '%1'").arg(v.toString().left(40));
    if (!v.isValid() || v.isNull()) return QStringLiteral("nothing");
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("a %1").arg(QLatin1String(v.typeName()));
}

}  // namespace

QString typedValueProblem(ElementKind kind, const QVariant& value) {
    switch (kind) {
        case ElementKind::Button:
        case ElementKind::FormSubmitButton:
        case ElementKind::DownloadButton:
        case ElementKind::Checkbox:
        case ElementKind::Toggle:
            return value.typeId() == QMetaType::Bool
                       ? QString()
                       : QStringLiteral("expected true or false, got %1").arg(described(value));
        case ElementKind::Slider:
        case ElementKind::NumberInput:
            return isNumber(value)
                       ? QString()
                       : QStringLiteral("expected a number, got %1").arg(described(value));
        case ElementKind::RangeSlider: {
            const QVariantList list =
                value.typeId() == QMetaType::QVariantList ? value.toList() : QVariantList();
            const bool ok = list.size() == 2 && isNumber(list[0]) && isNumber(list[1]);
            return ok ? QString()
                      : QStringLiteral("expected a list of two numbers, got %1")
                            .arg(described(value));
        }
        default:
            return {};
    }
}

QVariant coerceWidgetValue(const WidgetSpec& spec, const QVariant& value, QString* error) {
    const QVariantMap& p = spec.props;
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return QVariant();
    };
    switch (spec.kind) {
        case ElementKind::Button:
        case ElementKind::FormSubmitButton:
        case ElementKind::DownloadButton:
        case ElementKind::Checkbox:
        case ElementKind::Toggle: {
            const auto b = toBool(value);
            return b ? QVariant(*b) : fail(QStringLiteral("expected true or false"));
        }
        case ElementKind::Slider:
        case ElementKind::NumberInput: {
            const auto d = toNumber(value);
            if (!d)
                return fail(QStringLiteral("expected a number, got '%1'").arg(value.toString()));
            const double min = p.value(prop::min).toDouble();
            const double max = p.value(prop::max).toDouble();
            if (*d < min || *d > max) return fail(outOfRange(*d, min, max));
            if (p.value(prop::integer).toBool()) {
                if (*d != std::floor(*d)) return fail(QStringLiteral("expected a whole number"));
                return QVariant(int(*d));
            }
            return QVariant(*d);
        }
        case ElementKind::RangeSlider: {
            const QStringList parts = toList(
                value.typeId() == QMetaType::QVariantList ? QVariant(value.toStringList()) : value);
            if (parts.size() != 2) return fail(QStringLiteral("expected two numbers 'low,high'"));
            const auto lo = toNumber(parts[0]);
            const auto hi = toNumber(parts[1]);
            if (!lo || !hi) return fail(QStringLiteral("expected two numbers 'low,high'"));
            const int min = p.value(prop::min).toInt();
            const int max = p.value(prop::max).toInt();
            if (*lo < min || *hi > max) return fail(outOfRange(*lo < min ? *lo : *hi, min, max));
            if (*lo > *hi) return fail(QStringLiteral("low end is above the high end"));
            return QVariantList{int(*lo), int(*hi)};
        }
        case ElementKind::Selectbox:
        case ElementKind::Radio: {
            const QStringList options = p.value(prop::options).toStringList();
            const QString s = value.toString();
            if (!options.contains(s))
                return fail(QStringLiteral("'%1' is not one of: %2").arg(s, options.join(u", ")));
            return s;
        }
        case ElementKind::Multiselect: {
            const QStringList options = p.value(prop::options).toStringList();
            const QStringList chosen = toList(value);
            for (const QString& s : chosen)
                if (!options.contains(s))
                    return fail(
                        QStringLiteral("'%1' is not one of: %2").arg(s, options.join(u", ")));
            return chosen;
        }
        case ElementKind::TextInput:
        case ElementKind::TextArea:
        case ElementKind::ChatInput:
            if (!value.canConvert<QString>()) return fail(QStringLiteral("expected text"));
            return value.toString();
        case ElementKind::DateInput: {
            const QDate d = value.typeId() == QMetaType::QDate
                                ? value.toDate()
                                : QDate::fromString(value.toString().trimmed(), Qt::ISODate);
            return d.isValid() ? QVariant(d) : fail(QStringLiteral("expected a date YYYY-MM-DD"));
        }
        case ElementKind::ColorPicker: {
            static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
            const QString s = value.toString().trimmed();
            return hex.match(s).hasMatch() ? QVariant(s.toLower())
                                           : fail(QStringLiteral("expected a color #rrggbb"));
        }
        case ElementKind::FileUploader:
            return coerceFiles(p, value, error);
        case ElementKind::DataEditor:
            if (!spec.data) return fail(QStringLiteral("the editor has no data"));
            return dataedits::checkEdits(p, *spec.data, value, error);
        case ElementKind::DataFrame:
        case ElementKind::LineChart:
        case ElementKind::AreaChart:
        case ElementKind::BarChart:
        case ElementKind::ScatterChart:
            if (!spec.data || !p.contains(prop::selectionMode))
                return fail(QStringLiteral("this %1 is not selectable").arg(kindName(spec.kind)));
            return dataedits::checkSelection(p.value(prop::selectionMode).toString(),
                                             spec.data->rowCount(), value, error);
        default:
            return fail(QStringLiteral("%1 is not a widget").arg(kindName(spec.kind)));
    }
}

QVariant WidgetStore::registerWidget(const QString& id, const WidgetSpec& spec) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        QVariant initial = spec.defaultValue;
        for (Preset& p : m_presets) {
            if (p.used ||
                (p.keyOrLabel != id && p.keyOrLabel != spec.key && p.keyOrLabel != spec.label))
                continue;
            p.used = true;
            const QVariant coerced = coerceWidgetValue(spec, p.value, &p.error);
            if (coerced.isValid()) initial = coerced;
        }
        m_entries.insert(id, Entry{spec, initial, 0});
        return initial;
    }
    it->spec = spec;
    // Props (options, bounds) may have changed since the value was set: keep it only if
    // it is still valid.
    QString ignored;
    QVariant kept = coerceWidgetValue(spec, it->value, &ignored);
    if (!kept.isValid()) kept = spec.defaultValue;
    it->value = kept;
    if (it->pending &&
        (spec.form.isEmpty() || !coerceWidgetValue(spec, *it->pending, &ignored).isValid()))
        it->pending.reset();
    return kept;
}

QVariant WidgetStore::value(const QString& id) const {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.constFind(id);
    return it == m_entries.cend() ? QVariant() : it->value;
}

QVariant WidgetStore::displayValue(const QString& id) const {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.constFind(id);
    if (it == m_entries.cend()) return {};
    return shownValue(it->spec.kind, it->pending ? *it->pending : it->value);
}

WidgetChange WidgetStore::set(const QString& id, const QVariant& value) {
    std::lock_guard lock(m_mutex);
    auto it = m_entries.find(id);
    if (it == m_entries.end()) return {QStringLiteral("no widget with id '%1'").arg(id)};
    QString error =
        it->spec.disabled ? QStringLiteral("disabled") : typedValueProblem(it->spec.kind, value);
    const QVariant coerced =
        error.isEmpty() ? coerceWidgetValue(it->spec, value, &error) : QVariant();
    if (!coerced.isValid())
        return {QStringLiteral("%1 '%2': %3").arg(kindName(it->spec.kind), it->spec.label, error)};
    const bool trigger = isTriggerKind(it->spec.kind);
    if (!it->spec.form.isEmpty() && !trigger) {
        it->pending = coerced;
        return {{}, true};
    }
    // A trigger fires on a press (a submitted chat message); anything else on a change.
    const bool fired = trigger && coerced != it->spec.defaultValue;
    const bool changed = trigger ? fired : coerced != it->value;
    it->value = coerced;
    if (fired) {
        it->triggerSeq = ++m_triggerSeq;
        if (it->spec.kind == ElementKind::FormSubmitButton)
            submitForm(it->spec.form, it->spec.clearOnSubmit);
    }
    if (!changed) return {{}, false, true};
    queueCallback(id, *it);
    return {};
}

void WidgetStore::submitForm(const QString& form, bool clear) {
    for (auto e = m_entries.begin(); e != m_entries.end(); ++e) {
        if (e->spec.form != form || isTriggerKind(e->spec.kind)) continue;
        if (e->pending) {
            if (*e->pending != e->value) {
                e->value = *e->pending;
                queueCallback(e.key(), *e);
            }
            e->pending.reset();
        }
        if (clear) {
            // The run the submit causes sees the submitted value; the form shows the default
            // at once, and runs see it once that run has completed.
            e->triggerSeq = m_triggerSeq;
            if (e->value != e->spec.defaultValue) e->pending = e->spec.defaultValue;
        }
    }
}

void WidgetStore::queueCallback(const QString& id, const Entry& entry) {
    if (entry.spec.onChange && !m_callbacksDue.contains(id)) m_callbacksDue << id;
}

QStringList WidgetStore::committedBy(const QStringList& ids) const {
    std::lock_guard lock(m_mutex);
    QStringList result;
    for (const QString& id : ids) {
        auto it = m_entries.constFind(id);
        if (it == m_entries.cend()) {
            result << id;
            continue;
        }
        if (!it->spec.form.isEmpty() && !isTriggerKind(it->spec.kind)) continue;  // held
        result << id;
        if (it->spec.kind != ElementKind::FormSubmitButton) continue;
        for (auto e = m_entries.cbegin(); e != m_entries.cend(); ++e)
            if (e->spec.form == it->spec.form && !isTriggerKind(e->spec.kind)) result << e.key();
    }
    return result;
}

QVector<WidgetCallback> WidgetStore::takeCallbacks(const ScopeId& scope) {
    std::lock_guard lock(m_mutex);
    QVector<WidgetCallback> due;
    for (auto id = m_callbacksDue.begin(); id != m_callbacksDue.end();) {
        auto e = m_entries.constFind(*id);
        if (e != m_entries.cend()) {
            const bool forThisRun = scope.isMain() || e->spec.ownerScope == scope ||
                                    m_readers.value(*id).contains(scope);
            if (!forThisRun) {
                ++id;
                continue;
            }
            if (e->spec.onChange)
                due << e->spec.onChange;  // it may have been drawn without one since
        }
        id = m_callbacksDue.erase(id);
    }
    return due;
}

QString WidgetStore::findByKeyOrLabel(const QString& keyOrLabel) const {
    std::lock_guard lock(m_mutex);
    QStringList byLabel;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (!it->spec.key.isEmpty() && it->spec.key == keyOrLabel) return it.key();
        if (it->spec.label == keyOrLabel) byLabel << it.key();
    }
    return byLabel.size() == 1 ? byLabel.first() : QString();
}

bool WidgetStore::contains(const QString& id) const {
    std::lock_guard lock(m_mutex);
    return m_entries.contains(id);
}

void WidgetStore::preset(const QString& keyOrLabel, const QVariant& value) {
    std::lock_guard lock(m_mutex);
    m_presets.append(Preset{keyOrLabel, value, {}, false});
}

QStringList WidgetStore::presetProblems() const {
    std::lock_guard lock(m_mutex);
    QStringList problems;
    for (const Preset& p : m_presets) {
        if (!p.used)
            problems << QStringLiteral("%1: no widget with that key or label").arg(p.keyOrLabel);
        else if (!p.error.isEmpty())
            problems << QStringLiteral("%1: %2").arg(p.keyOrLabel, p.error);
    }
    return problems;
}

void WidgetStore::recordRead(const QString& id, const ScopeId& scope) {
    std::lock_guard lock(m_mutex);
    m_readers[id].insert(scope);
}

void WidgetStore::clearReads(const ScopeId& scope) {
    std::lock_guard lock(m_mutex);
    for (QSet<ScopeId>& readers : m_readers) readers.remove(scope);
}

QSet<ScopeId> WidgetStore::dependents(const QString& id) const {
    std::lock_guard lock(m_mutex);
    auto entry = m_entries.constFind(id);
    if (entry == m_entries.cend()) return {};
    // A fresh set, not a shared copy: the run threads keep inserting into the stored one.
    QSet<ScopeId> scopes;
    for (const ScopeId& scope : m_readers.value(id)) scopes.insert(scope);
    if (!entry->spec.ownerScope.isMain()) scopes.insert(entry->spec.ownerScope);
    return scopes;
}

quint64 WidgetStore::triggerSequence() const {
    std::lock_guard lock(m_mutex);
    return m_triggerSeq;
}

void WidgetStore::resetTriggers(quint64 upTo) {
    std::lock_guard lock(m_mutex);
    for (Entry& e : m_entries) {
        if (e.triggerSeq == 0 || e.triggerSeq > upTo) continue;
        e.value = e.spec.defaultValue;
        e.triggerSeq = 0;
        if (e.pending && *e.pending == e.value) e.pending.reset();
    }
}

void WidgetStore::retainOnly(const QSet<QString>& ids, const QSet<ScopeId>& liveScopes) {
    std::lock_guard lock(m_mutex);
    eraseIf([&](const QString& id, const Entry& entry) {
        return !ids.contains(id) && !liveScopes.contains(entry.spec.ownerScope);
    });
}

void WidgetStore::forgetUndrawn(const ScopeId& scope, const QSet<QString>& drawn) {
    std::lock_guard lock(m_mutex);
    eraseIf([&](const QString& id, const Entry& entry) {
        return entry.spec.ownerScope == scope && !drawn.contains(id);
    });
}

void WidgetStore::eraseIf(const std::function<bool(const QString&, const Entry&)>& forget) {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!forget(it.key(), *it)) {
            ++it;
        } else {
            m_readers.remove(it.key());
            m_callbacksDue.removeAll(it.key());
            it = m_entries.erase(it);
        }
    }
}

}  // namespace tessera::detail
