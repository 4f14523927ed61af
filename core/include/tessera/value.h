// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/export.h>

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>
#include <memory>
#include <optional>
#include <utility>

namespace tessera {

/// A file someone gave a Ui::fileUploader(): its name (no folders), its type as the viewer
/// said it (may be empty) and its bytes.
struct UploadedFile {
    QString name;      ///< the file's name, without folders
    QString type;      ///< its MIME type as the viewer gave it; may be empty
    QByteArray bytes;  ///< its content
};
using UploadedFiles = QVector<UploadedFile>;

/// What is selected in a chart or dataframe (DataHandle::selection()): the selected rows of
/// its data, in order, and for a box selection the box, in the chart's data coordinates.
struct DataSelection {
    /// A box dragged over a chart, in data coordinates: x0 ≤ x1, y0 ≤ y1.
    struct Box {
        ///@{
        /// A bound of the box.
        double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
        ///@}
    };
    QVector<qsizetype> rows;  ///< the selected rows of the data, in order
    std::optional<Box> box;   ///< the box, for a box selection
    bool isEmpty() const { return rows.isEmpty() && !box; }  ///< nothing is selected
};

namespace detail {
class WidgetStore;
/// Current value of widget `id` in `store` (invalid QVariant when the widget is unknown).
TESSERA_CORE_EXPORT QVariant readWidget(const std::shared_ptr<WidgetStore>& store,
                                        const QString& id);

template <typename T>
T fromVariant(const QVariant& v, const T& fallback) {
    return v.canConvert<T>() ? qvariant_cast<T>(v) : fallback;
}

template <>
inline std::pair<int, int> fromVariant(const QVariant& v, const std::pair<int, int>& fallback) {
    const QVariantList list = v.toList();
    if (list.size() != 2) return fallback;
    return {list[0].toInt(), list[1].toInt()};
}

/// A file uploader's value: a list of {name, type, bytes} maps.
template <>
inline UploadedFiles fromVariant(const QVariant& v, const UploadedFiles& fallback) {
    if (v.typeId() != QMetaType::QVariantList) return fallback;
    UploadedFiles files;
    for (const QVariant& item : v.toList()) {
        const QVariantMap m = item.toMap();
        files.append({m.value(QStringLiteral("name")).toString(),
                      m.value(QStringLiteral("type")).toString(),
                      m.value(QStringLiteral("bytes")).toByteArray()});
    }
    return files;
}
/// A selection's value: {"rows": [row], "box": [x0, x1, y0, y1]}.
template <>
inline DataSelection fromVariant(const QVariant& v, const DataSelection& fallback) {
    if (v.typeId() != QMetaType::QVariantMap) return fallback;
    const QVariantMap m = v.toMap();
    DataSelection selection;
    for (const QVariant& row : m.value(QStringLiteral("rows")).toList())
        selection.rows.append(qsizetype(row.toLongLong()));
    const QVariantList box = m.value(QStringLiteral("box")).toList();
    if (box.size() == 4)
        selection.box = DataSelection::Box{box[0].toDouble(), box[1].toDouble(), box[2].toDouble(),
                                           box[3].toDouble()};
    return selection;
}

/// The value a file uploader takes for `files`.
inline QVariant toVariant(const UploadedFiles& files) {
    QVariantList list;
    for (const UploadedFile& f : files)
        list.append(QVariantMap{{QStringLiteral("name"), f.name},
                                {QStringLiteral("type"), f.type},
                                {QStringLiteral("bytes"), f.bytes}});
    return list;
}
}  // namespace detail

/// The value a file uploader takes for `files`: what a viewer sets when files are dropped.
inline QVariant uploaderValue(const UploadedFiles& files) {
    return detail::toVariant(files);
}

/// The selection held by the value of a selectable chart or dataframe.
inline DataSelection selectionFromValue(const QVariant& value) {
    return detail::fromVariant<DataSelection>(value, {});
}

/// What a widget call returns: a handle to the widget, not a copy of its value. Reading it
/// (conversion to T, get() or *) returns the session's current value of that widget.
template <typename T>
class Value {
public:
    /// A handle not tied to any widget (e.g. after a duplicate-identity error).
    explicit Value(T fixed) : m_fallback(std::move(fixed)) {}

    ///@{
    /// The widget's current value (the session's, at the time of the call).
    T get() const {
        if (!m_store) return m_fallback;
        return detail::fromVariant<T>(detail::readWidget(m_store, m_id), m_fallback);
    }
    operator T() const { return get(); }
    T operator*() const { return get(); }
    ///@}

    /// Widget identity (kind + label + key + defining arguments).
    const QString& id() const { return m_id; }

private:
    friend class Ui;
    friend class DataHandle;
    Value(std::shared_ptr<detail::WidgetStore> store, QString id, T fallback)
        : m_store(std::move(store)), m_id(std::move(id)), m_fallback(std::move(fallback)) {}

    std::shared_ptr<detail::WidgetStore> m_store;
    QString m_id;
    T m_fallback;
};

}  // namespace tessera
