// SPDX-License-Identifier: GPL-3.0-or-later
// Editable and selectable data: the rules every viewer and the session share. A data editor's
// value is its edits, kept apart from the data it was given; a selectable chart's or
// dataframe's value is its selection. Both travel as plain maps (docs/protocol.md), and the
// session checks every one it is sent against these rules.
#pragma once

#include <tessera/dataframe.h>
#include <tessera/enums.h>
#include <tessera/export.h>

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <limits>

namespace tessera {

/// How people may edit one column of a Ui::dataEditor().
struct EditorColumn {
    /// What a cell of the column takes.
    enum class Type {
        Auto,      ///< Number for a numeric column, Text for a text column
        Number,    ///< any number within [min, max]
        Integer,   ///< a whole number within [min, max]
        Checkbox,  ///< 1 (checked) or 0, in a numeric column
        Text,      ///< any text up to maxChars
        Choice,    ///< one of `options`, in a text column
    };
    Type type = Type::Auto;                                 ///< what a cell takes
    double min = -std::numeric_limits<double>::infinity();  ///< Number, Integer: the least
    double max = std::numeric_limits<double>::infinity();   ///< Number, Integer: the most
    QStringList options;                                    ///< Choice: the values taken
    int maxChars = 0;                                       ///< 0 = no limit
    bool required = false;                                  ///< a cell may not be left empty
    bool disabled = false;                                  ///< shown, not editable
};

namespace dataedits {

// Names in the maps the viewers send and the page carries.
inline const QString edited = QStringLiteral("edited");    ///< {"row": {"column": value}}
inline const QString added = QStringLiteral("added");      ///< [{"column": value}]
inline const QString deleted = QStringLiteral("deleted");  ///< [row]
inline const QString rows = QStringLiteral("rows");        ///< a selection's rows
inline const QString box = QStringLiteral("box");          ///< a selection's [x0, x1, y0, y1]

/// Names in one column's map of an editor's `columns` prop (editorColumns()).
namespace column {
///@{
/// A member of one column's map.
inline const QString name = QStringLiteral("name");
inline const QString type = QStringLiteral("type");  // number, integer, checkbox, text, choice
inline const QString min = QStringLiteral("min");
inline const QString max = QStringLiteral("max");
inline const QString options = QStringLiteral("options");
inline const QString maxChars = QStringLiteral("maxChars");
inline const QString required = QStringLiteral("required");
inline const QString disabled = QStringLiteral("disabled");
///@}
}  // namespace column

/// The columns of an editor over `data`, as its `columns` prop carries them: one map per
/// column, in the data's order, with the column's name and its resolved type ("number",
/// "integer", "checkbox", "text", "choice") and bounds. Sets `error` (and returns an empty
/// list) when `config` names a column the data lacks or a type that does not fit its column.
TESSERA_CORE_EXPORT QVariantList editorColumns(const DataFrame& data,
                                               const QMap<QString, EditorColumn>& config,
                                               QString* error);

/// Checks `value` for the cell of `column` (one map of editorColumns()) and returns it as
/// the page keeps it: a double for number columns, a string for text columns, an invalid
/// QVariant for an empty cell. Sets `error` when the column does not take it.
TESSERA_CORE_EXPORT QVariant cellValue(const QVariantMap& column, const QVariant& value,
                                       QString* error);

/// Checks the edits `value` against an editor's props (columns, addRows, deleteRows) and its
/// data, and returns them in the form the session keeps: rows in range, each cell checked,
/// added rows with every column. Sets `error` (and returns an invalid QVariant) when one is
/// wrong; the message names the row and column.
TESSERA_CORE_EXPORT QVariant checkEdits(const QVariantMap& props, const DataFrame& data,
                                        const QVariant& value, QString* error);

/// `data` with `edits` (as checkEdits() returns them) applied: cells changed, deleted rows
/// left out, added rows below. Columns no edit touches share their buffers with `data`.
TESSERA_CORE_EXPORT DataFrame applyEdits(const DataFrame& data, const QVariant& edits);

/// `edits` with the cell of `column` in data row `row` (or, for row < 0, in added row
/// -1 - row) set to `value`, unchecked; unchanged when there is no such added row.
TESSERA_CORE_EXPORT QVariantMap withCell(QVariantMap edits, qsizetype row, const QString& column,
                                         const QVariant& value);

/// The wire name of `mode` (its enumName(): "singleRow", "multiRow", "point", "box"), or ""
/// for None: an element that is not selectable has no selectionMode prop.
TESSERA_CORE_EXPORT QString selectionModeName(SelectionMode mode);

/// The selection value of `rows` (and a box selection's `box`, [x0, x1, y0, y1]), as viewers
/// send it.
TESSERA_CORE_EXPORT QVariantMap selectionValue(const QList<qsizetype>& rows,
                                               const QVariantList& box = {});

/// Checks the selection `value` ({rows, box}) for a data element of `rowCount` rows with
/// `mode`, and returns it with its rows sorted and unique. Sets `error` when it does not fit.
TESSERA_CORE_EXPORT QVariant checkSelection(const QString& mode, qsizetype rowCount,
                                            const QVariant& value, QString* error);

/// The rows of `data` with a point inside the box [x0, x1] × [y0, y1]: a point is the row's
/// x (its `x` column, or its index when `x` is empty) and its value in one of the `y`
/// columns (every numeric column but x when `y` is empty). What a box selection selects.
TESSERA_CORE_EXPORT QList<qsizetype> rowsInBox(const DataFrame& data, const QString& x,
                                               const QStringList& y, double x0, double x1,
                                               double y0, double y1);

}  // namespace dataedits

}  // namespace tessera
