// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <tessera/element.h>

#include <QWidget>
#include <functional>
#include <memory>

class QLabel;

namespace tessera::widgets {

using ValueSink = std::function<void(const QString& id, const QVariant& value)>;

class ElementWidget;

/// Where a block that creates its children's views only when they can be seen (see
/// LazyChildren) gets them: the renderer, which keeps every child's element.
class ChildSource {
public:
    /// Creates the view of child `index`, with the views of its own children, and
    /// remembers it. The block places it.
    virtual ElementWidget* createChildView(int index) = 0;
    /// The view of child `index` is about to be deleted by the block: forget it (and the
    /// views under it).
    virtual void forgetChildView(int index) = 0;
    virtual const Element& childElement(int index) const = 0;

protected:
    ~ChildSource() = default;
};

/// A block with children that have no view until they are in or near the visible part of
/// the page. The renderer tells it of each child by index; the block asks its ChildSource
/// for the views it needs and deletes the ones far out of sight.
class LazyChildren {
public:
    virtual void setChildSource(ChildSource* source) = 0;
    /// A child came at `index` (the ones from `index` on move down by one).
    virtual void childAdded(int index) = 0;
    /// Child `index` goes; its view, if it has one, is deleted.
    virtual void childRemoved(int index) = 0;
    /// Child `index` is now of another kind: its view, if it has one, is replaced.
    virtual void childReplaced(int index) = 0;
    /// Creates the view of child `index` now if it has none (for tests, screenshots and
    /// focus), and returns it.
    virtual ElementWidget* ensureChildView(int index) = 0;
    /// Child `index` holds something that acts beyond its place (a dialog, a toast): it gets
    /// its view now and keeps it, wherever the page is scrolled, until it is replaced or goes.
    virtual void keepChildView(int index) = 0;

protected:
    ~LazyChildren() = default;
};

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

    // Blocks only. A block either creates its children's views itself, when they can be
    // seen (lazyChildren() is not null), or is given every one with insertChild().
    virtual LazyChildren* lazyChildren() { return nullptr; }
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
ElementWidget* createGrammarChartView();  ///< for ElementKind::Chart
ElementWidget* createTableView(ElementKind kind);
ElementWidget* createInputView(ElementKind kind);
ElementWidget* createBlockView(ElementKind kind);
ElementWidget* createFileUploaderView();
ElementWidget* createDataEditorView();

}  // namespace tessera::widgets
