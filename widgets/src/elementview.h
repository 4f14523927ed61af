// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>

#include <QWidget>
#include <functional>
#include <memory>

namespace tessera::widgets {

using ValueSink = std::function<void(const QString& id, const QVariant& value)>;

/// The widget that shows one element. Views are updated in place by apply(); block views
/// also hold the views of their children.
class ElementView : public QWidget {
    Q_OBJECT
public:
    explicit ElementView(QWidget* parent = nullptr);

    ElementKind kind() const { return m_element ? m_element->kind : ElementKind::Empty; }
    const Element& element() const { return *m_element; }
    /// Shows `element` (same kind as before). Must not emit value changes.
    void apply(ElementPtr element);

    // Blocks only.
    virtual void insertChild(int index, ElementView* child);
    virtual void childChanged(int index, ElementView* child);

    void setValueSink(ValueSink sink) { m_sink = std::move(sink); }

protected:
    virtual void display(const Element& element) = 0;
    /// Sends a user change of this widget's value to the session.
    void sendValue(const QVariant& value);

private:
    ElementPtr m_element;
    ValueSink m_sink;
};

/// Creates the view for an element of `kind` (not yet applied); null for a kind no view
/// shows.
ElementView* createView(ElementKind kind);

// Factories per area, used by createView(); each returns null for kinds of other areas.
ElementView* createTextView(ElementKind kind);
ElementView* createStatusView(ElementKind kind);
ElementView* createChartView(ElementKind kind);
ElementView* createTableView(ElementKind kind);
ElementView* createInputView(ElementKind kind);
ElementView* createBlockView(ElementKind kind);

}  // namespace tessera::widgets
