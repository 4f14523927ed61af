// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>

#include <QWidget>
#include <functional>
#include <memory>

class QLabel;

namespace tessera::widgets {

using ValueSink = std::function<void(const QString& id, const QVariant& value)>;

/// The widget that shows one element. Views are updated in place by apply(); block views
/// also hold the views of their children.
class ElementWidget : public QWidget {
    Q_OBJECT
public:
    explicit ElementWidget(QWidget* parent = nullptr);

    ElementKind kind() const { return m_element ? m_element->kind : ElementKind::Empty; }
    const Element& element() const { return *m_element; }
    /// Shows `element` (same kind as before). Must not emit value changes.
    void apply(ElementPtr element);
    /// Shows `element`, which is the current element with `rows` added below its data. Views
    /// of data override addRows() to add them in place; by default the view shows `element`.
    void addRows(ElementPtr element, const DataFrame& rows);

    // Blocks only.
    virtual void insertChild(int index, ElementWidget* child);
    virtual void childChanged(int index, ElementWidget* child);

    void setValueSink(ValueSink sink) { m_sink = std::move(sink); }

protected:
    virtual void display(const Element& element) = 0;
    /// Called by addRows() after element() has become the element with the rows.
    virtual void displayRows(const DataFrame& rows) {
        (void)rows;
        display(element());
    }
    /// Sends a user change of this widget's value to the session.
    void sendValue(const QVariant& value);

private:
    ElementPtr m_element;
    ValueSink m_sink;
};

/// The property that marks a form's view (a widget inside finds its form by it).
inline constexpr char kFormProperty[] = "tesseraForm";
/// The property that marks a form's submit button.
inline constexpr char kSubmitProperty[] = "tesseraSubmit";
/// Presses the submit button of the form `field` is in, if it is in one: Enter in a text
/// field of a form submits it, as in a web form.
void pressFormSubmit(QWidget* field);

/// A hidden label for what a view refuses (a file, a cell), in red, with `objectName`.
QLabel* problemLabel(QWidget* parent, const QString& objectName);

/// Creates the view for an element of `kind` (not yet applied); null for a kind no view
/// shows.
ElementWidget* createView(ElementKind kind);

// Factories per area, used by createView(); each returns null for kinds of other areas.
ElementWidget* createTextView(ElementKind kind);
ElementWidget* createStatusView(ElementKind kind);
ElementWidget* createChartView(ElementKind kind);
ElementWidget* createTableView(ElementKind kind);
ElementWidget* createInputView(ElementKind kind);
ElementWidget* createBlockView(ElementKind kind);
ElementWidget* createFileUploaderView();
ElementWidget* createDataEditorView();

}  // namespace tessera::widgets
