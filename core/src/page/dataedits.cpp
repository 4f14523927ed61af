// SPDX-License-Identifier: GPL-3.0-or-later
#include <tessera/dataedits.h>
#include <tessera/schema.h>

#include <QJsonDocument>
#include <algorithm>
#include <cmath>
#include <optional>

namespace tessera::dataedits {

namespace {

QString typeName(EditorColumn::Type type, bool numeric) {
    switch (type) {
        case EditorColumn::Type::Auto:
            return numeric ? QStringLiteral("number") : QStringLiteral("text");
        case EditorColumn::Type::Number:
            return QStringLiteral("number");
        case EditorColumn::Type::Integer:
            return QStringLiteral("integer");
        case EditorColumn::Type::Checkbox:
            return QStringLiteral("checkbox");
        case EditorColumn::Type::Text:
            return QStringLiteral("text");
        case EditorColumn::Type::Choice:
            return QStringLiteral("choice");
    }
    return {};
}

bool isEmptyCell(const QVariant& v) {
    return !v.isValid() || v.isNull() ||
           (v.typeId() == QMetaType::QString && v.toString().isEmpty());
}

/// A JSON text (from the command line, --set) as the map it spells; anything else as it is.
QVariant parsedJson(const QVariant& value) {
    if (value.typeId() != QMetaType::QString) return value;
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    return doc.isNull() ? value : doc.toVariant();
}

std::optional<qsizetype> rowIndex(const QVariant& v) {
    bool ok = false;
    const double d =
        v.typeId() == QMetaType::QString ? v.toString().toDouble(&ok) : v.toDouble(&ok);
    if (!ok || d < 0 || d != std::floor(d) || d > 1e12) return std::nullopt;
    return qsizetype(d);
}

bool isList(const QVariant& v) {
    return v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList;
}

/// `value` (or the JSON text it holds) as a map with none but `keys`; `what` names it in the
/// error set when it is not one.
std::optional<QVariantMap> mapOf(const QVariant& value, const QStringList& keys,
                                 const QString& what, QString* error) {
    const QVariant parsed = parsedJson(value);
    if (parsed.typeId() != QMetaType::QVariantMap) {
        if (error) *error = QStringLiteral("%1 is a map of %2").arg(what, keys.join(u", "));
        return std::nullopt;
    }
    const QVariantMap map = parsed.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (keys.contains(it.key())) continue;
        if (error) *error = QStringLiteral("%1 has no '%2'").arg(what, it.key());
        return std::nullopt;
    }
    return map;
}

}  // namespace

QVariantList editorColumns(const DataFrame& data, const QMap<QString, EditorColumn>& config,
                           QString* error) {
    for (auto it = config.cbegin(); it != config.cend(); ++it) {
        const Column* column = data.column(it.key());
        if (!column) {
            if (error)
                *error = QStringLiteral("there is no column '%1' to configure").arg(it.key());
            return {};
        }
        using Type = EditorColumn::Type;
        const Type t = it->type;
        const bool numericType = t == Type::Number || t == Type::Integer || t == Type::Checkbox;
        const bool textType = t == Type::Text || t == Type::Choice;
        if ((numericType && !column->isNumeric()) || (textType && column->isNumeric())) {
            if (error)
                *error = QStringLiteral("column '%1' holds %2, so it cannot be a %3 column")
                             .arg(it.key(), column->isNumeric() ? u"numbers" : u"text",
                                  typeName(t, column->isNumeric()));
            return {};
        }
        if (!(it->min <= it->max)) {
            if (error) *error = QStringLiteral("column '%1': min is above max").arg(it.key());
            return {};
        }
        if (t == Type::Choice && it->options.isEmpty()) {
            if (error)
                *error = QStringLiteral("column '%1': a choice column needs options").arg(it.key());
            return {};
        }
    }
    QVariantList columns;
    for (const Column& column : data.columns()) {
        const EditorColumn c = config.value(column.name());
        QVariantMap m{{column::name, column.name()},
                      {column::type, typeName(c.type, column.isNumeric())}};
        if (std::isfinite(c.min)) m.insert(column::min, c.min);
        if (std::isfinite(c.max)) m.insert(column::max, c.max);
        if (!c.options.isEmpty()) m.insert(column::options, c.options);
        if (c.maxChars > 0) m.insert(column::maxChars, c.maxChars);
        if (c.required) m.insert(column::required, true);
        if (c.disabled) m.insert(column::disabled, true);
        columns << m;
    }
    return columns;
}

QVariant cellValue(const QVariantMap& column, const QVariant& value, QString* error) {
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return QVariant();
    };
    const QString type = column.value(column::type).toString();
    if (isEmptyCell(value)) {
        if (column.value(column::required).toBool())
            return fail(QStringLiteral("a value is required"));
        return type == u"text" || type == u"choice" ? QVariant(QString()) : QVariant();
    }
    if (type == u"text" || type == u"choice") {
        if (value.typeId() != QMetaType::QString) return fail(QStringLiteral("expected text"));
        const QString s = value.toString();
        const int maxChars = column.value(column::maxChars).toInt();
        if (maxChars > 0 && s.size() > maxChars)
            return fail(QStringLiteral("at most %1 characters").arg(maxChars));
        const QStringList options = column.value(column::options).toStringList();
        if (type == u"choice" && !options.contains(s))
            return fail(QStringLiteral("'%1' is not one of: %2").arg(s, options.join(u", ")));
        return s;
    }
    double d = 0;
    bool ok = false;
    if (value.typeId() == QMetaType::Bool) {
        d = value.toBool() ? 1 : 0;
        ok = type == u"checkbox";
    } else if (value.typeId() == QMetaType::QString) {
        d = value.toString().trimmed().toDouble(&ok);
    } else if (value.canConvert<double>()) {
        d = value.toDouble(&ok);
    }
    if (!ok || !std::isfinite(d))
        return fail(type == u"checkbox" ? QStringLiteral("expected checked or not")
                                        : QStringLiteral("expected a number"));
    if (type == u"checkbox") {
        if (d != 0 && d != 1) return fail(QStringLiteral("expected checked or not"));
        return d;
    }
    if (type == u"integer" && d != std::floor(d))
        return fail(QStringLiteral("expected a whole number"));
    const double min =
        column.value(column::min, -std::numeric_limits<double>::infinity()).toDouble();
    const double max =
        column.value(column::max, std::numeric_limits<double>::infinity()).toDouble();
    if (d < min || d > max) {
        if (std::isfinite(min) && std::isfinite(max))
            return fail(QStringLiteral("%1 is outside [%2, %3]").arg(d).arg(min).arg(max));
        return fail(std::isfinite(min) ? QStringLiteral("%1 is below %2").arg(d).arg(min)
                                       : QStringLiteral("%1 is above %2").arg(d).arg(max));
    }
    return d;
}

QVariant checkEdits(const QVariantMap& props, const DataFrame& data, const QVariant& value,
                    QString* error) {
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return QVariant();
    };
    const auto map = mapOf(value, {edited, added, deleted}, QStringLiteral("an edit"), error);
    if (!map) return {};
    const QVariantMap& in = *map;

    QHash<QString, QVariantMap> columns;
    for (const QVariant& c : props.value(prop::columns).toList())
        columns.insert(c.toMap().value(column::name).toString(), c.toMap());
    const qsizetype rowCount = data.rowCount();
    // One row's cells: each column it names must exist, be editable, and take the value.
    auto checkRow = [&](const QVariantMap& cells, const QString& where, bool addedRow,
                        QVariantMap* out) -> bool {
        for (auto cell = cells.cbegin(); cell != cells.cend(); ++cell) {
            if (!columns.contains(cell.key())) {
                fail(QStringLiteral("%1: there is no column '%2'").arg(where, cell.key()));
                return false;
            }
            if (!addedRow && columns[cell.key()].value(column::disabled).toBool()) {
                fail(QStringLiteral("%1: column '%2' cannot be edited").arg(where, cell.key()));
                return false;
            }
        }
        for (const Column& column : data.columns()) {
            if (!addedRow && !cells.contains(column.name())) continue;
            QString why;
            const QVariant v = cellValue(columns[column.name()], cells.value(column.name()), &why);
            if (!why.isEmpty()) {
                fail(QStringLiteral("%1, column '%2': %3").arg(where, column.name(), why));
                return false;
            }
            out->insert(column.name(), v);
        }
        return true;
    };

    QVariantMap editedOut;
    const QVariant editedIn = in.value(edited);
    if (editedIn.isValid() && editedIn.typeId() != QMetaType::QVariantMap)
        return fail(QStringLiteral("'edited' maps row numbers to changed cells"));
    const QVariantMap editedMap = editedIn.toMap();
    for (auto row = editedMap.cbegin(); row != editedMap.cend(); ++row) {
        const auto index = rowIndex(row.key());
        if (!index || *index >= rowCount)
            return fail(
                QStringLiteral("row %1 is not one of the %2 rows").arg(row.key()).arg(rowCount));
        if (row->typeId() != QMetaType::QVariantMap)
            return fail(QStringLiteral("row %1: the changed cells are a map").arg(*index));
        QVariantMap cells;
        if (!checkRow(row->toMap(), QStringLiteral("row %1").arg(*index), false, &cells)) return {};
        if (!cells.isEmpty()) editedOut.insert(QString::number(*index), cells);
    }

    QVariantList addedOut;
    const QVariant addedIn = in.value(added);
    if (addedIn.isValid() && !isList(addedIn))
        return fail(QStringLiteral("'added' lists the new rows"));
    const QVariantList addedList = addedIn.toList();
    if (!addedList.isEmpty() && !props.value(prop::addRows).toBool())
        return fail(QStringLiteral("rows cannot be added here"));
    for (int i = 0; i < addedList.size(); ++i) {
        if (addedList[i].typeId() != QMetaType::QVariantMap)
            return fail(QStringLiteral("new row %1 is not a map of cells").arg(i + 1));
        QVariantMap cells;
        if (!checkRow(addedList[i].toMap(), QStringLiteral("new row %1").arg(i + 1), true, &cells))
            return {};
        addedOut << cells;
    }

    QList<qsizetype> deletedRows;
    const QVariant deletedIn = in.value(deleted);
    if (deletedIn.isValid() && !isList(deletedIn))
        return fail(QStringLiteral("'deleted' lists row numbers"));
    const QVariantList deletedList = deletedIn.toList();
    if (!deletedList.isEmpty() && !props.value(prop::deleteRows).toBool())
        return fail(QStringLiteral("rows cannot be deleted here"));
    for (const QVariant& v : deletedList) {
        const auto index = rowIndex(v);
        if (!index || *index >= rowCount)
            return fail(
                QStringLiteral("row %1 is not one of the %2 rows").arg(v.toString()).arg(rowCount));
        deletedRows << *index;
    }
    std::sort(deletedRows.begin(), deletedRows.end());
    deletedRows.erase(std::unique(deletedRows.begin(), deletedRows.end()), deletedRows.end());
    QVariantList deletedOut;
    for (qsizetype r : deletedRows) deletedOut << double(r);

    if (error) error->clear();
    return QVariantMap{{edited, editedOut}, {added, addedOut}, {deleted, deletedOut}};
}

DataFrame applyEdits(const DataFrame& data, const QVariant& edits) {
    const QVariantMap m = edits.toMap();
    const QVariantMap editedMap = m.value(edited).toMap();
    const QVariantList addedList = m.value(added).toList();
    QVector<bool> keep(data.rowCount(), true);
    bool anyDeleted = false;
    for (const QVariant& v : m.value(deleted).toList()) {
        if (const auto row = rowIndex(v); row && *row < keep.size()) {
            keep[*row] = false;
            anyDeleted = true;
        }
    }

    DataFrame result;
    for (const Column& column : data.columns()) {
        // Only the cells of this column that changed.
        QVector<std::pair<qsizetype, QVariant>> changes;
        for (auto row = editedMap.cbegin(); row != editedMap.cend(); ++row) {
            const QVariantMap cells = row->toMap();
            const auto index = rowIndex(row.key());
            if (index && *index < data.rowCount() && cells.contains(column.name()))
                changes.append({*index, cells.value(column.name())});
        }
        if (changes.isEmpty() && !anyDeleted && addedList.isEmpty()) {
            result.add(column);  // shares the buffer
            continue;
        }
        if (column.isNumeric()) {
            std::vector<double> values = column.numbers();
            for (const auto& [row, v] : changes)
                values[size_t(row)] = v.isValid() ? v.toDouble() : std::nan("");
            std::vector<double> kept;
            kept.reserve(values.size() + size_t(addedList.size()));
            for (size_t i = 0; i < values.size(); ++i)
                if (keep[qsizetype(i)]) kept.push_back(values[i]);
            for (const QVariant& row : addedList) {
                const QVariant v = row.toMap().value(column.name());
                kept.push_back(v.isValid() ? v.toDouble() : std::nan(""));
            }
            result.add(column.name(), std::move(kept));
        } else {
            QStringList values = column.text();
            for (const auto& [row, v] : changes) values[row] = v.toString();
            QStringList kept;
            for (qsizetype i = 0; i < values.size(); ++i)
                if (keep[i]) kept << values[i];
            for (const QVariant& row : addedList)
                kept << row.toMap().value(column.name()).toString();
            result.add(column.name(), std::move(kept));
        }
    }
    return result;
}

QString selectionModeName(SelectionMode mode) {
    return mode == SelectionMode::None ? QString() : enumName(mode);
}

QVariant checkSelection(const QString& mode, qsizetype rowCount, const QVariant& value,
                        QString* error) {
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        return QVariant();
    };
    const auto map = mapOf(value, {rows, box}, QStringLiteral("a selection"), error);
    if (!map) return {};
    const QVariantMap& in = *map;
    const QVariant rowsIn = in.value(rows);
    if (rowsIn.isValid() && !isList(rowsIn))
        return fail(QStringLiteral("'rows' lists row numbers"));
    QList<qsizetype> selected;
    for (const QVariant& v : rowsIn.toList()) {
        const auto index = rowIndex(v);
        if (!index || *index >= rowCount)
            return fail(
                QStringLiteral("row %1 is not one of the %2 rows").arg(v.toString()).arg(rowCount));
        selected << *index;
    }
    std::sort(selected.begin(), selected.end());
    selected.erase(std::unique(selected.begin(), selected.end()), selected.end());
    if (mode == selectionModeName(SelectionMode::SingleRow) && selected.size() > 1)
        return fail(QStringLiteral("one row can be selected here, not %1").arg(selected.size()));
    QVariantList boxOut;
    const QVariant boxIn = in.value(box);
    if (boxIn.isValid() && !boxIn.isNull()) {
        if (mode != u"box") return fail(QStringLiteral("only a box selection has a box"));
        const QVariantList b = boxIn.toList();
        bool ok = b.size() == 4;
        for (const QVariant& v : b) {
            bool isNumber = false;
            const double d = v.toDouble(&isNumber);
            ok = ok && isNumber && std::isfinite(d);
            boxOut << d;
        }
        if (!ok) return fail(QStringLiteral("a box is four numbers [x0, x1, y0, y1]"));
        if (boxOut[0].toDouble() > boxOut[1].toDouble()) boxOut.swapItemsAt(0, 1);
        if (boxOut[2].toDouble() > boxOut[3].toDouble()) boxOut.swapItemsAt(2, 3);
    }
    if (error) error->clear();
    return selectionValue(selected, boxOut);
}

QVariantMap selectionValue(const QList<qsizetype>& selected, const QVariantList& selectionBox) {
    QVariantList list;
    for (qsizetype r : selected) list << double(r);
    QVariantMap value{{rows, list}};
    if (!selectionBox.isEmpty()) value.insert(box, selectionBox);
    return value;
}

QVariantMap withCell(QVariantMap edits, qsizetype row, const QString& column,
                     const QVariant& value) {
    if (row < 0) {
        QVariantList addedRows = edits.value(added).toList();
        if (-1 - row >= addedRows.size()) return edits;
        QVariantMap cells = addedRows[-1 - row].toMap();
        cells.insert(column, value);
        addedRows[-1 - row] = cells;
        edits.insert(added, addedRows);
    } else {
        QVariantMap editedRows = edits.value(edited).toMap();
        QVariantMap cells = editedRows.value(QString::number(row)).toMap();
        cells.insert(column, value);
        editedRows.insert(QString::number(row), cells);
        edits.insert(edited, editedRows);
    }
    return edits;
}

QList<qsizetype> rowsInBox(const DataFrame& data, const QString& x, const QStringList& y, double x0,
                           double x1, double y0, double y1) {
    if (x0 > x1) std::swap(x0, x1);
    if (y0 > y1) std::swap(y0, y1);
    const Column* xColumn = data.column(x);
    QVector<const Column*> series;
    for (const Column& c : data.columns()) {
        const bool wanted = y.isEmpty() ? c.name() != x : y.contains(c.name());
        if (wanted && c.isNumeric()) series << &c;
    }
    QList<qsizetype> rows;
    for (qsizetype r = 0; r < data.rowCount(); ++r) {
        const double px = xColumn && xColumn->isNumeric() ? xColumn->number(r) : double(r);
        if (!(px >= x0 && px <= x1)) continue;
        for (const Column* c : series) {
            const double py = c->number(r);
            if (py >= y0 && py <= y1) {
                rows << r;
                break;
            }
        }
    }
    return rows;
}

}  // namespace tessera::dataedits
