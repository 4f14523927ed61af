// SPDX-License-Identifier: GPL-3.0-or-later
#include "stackview.h"

#include <tessera/schema.h>

#include <QAbstractScrollArea>
#include <QApplication>
#include <QFocusEvent>
#include <QScrollBar>
#include <QVBoxLayout>

namespace tessera::widgets {

namespace {

/// An empty chunk widget: its children have no views yet (or no more).
QWidget* emptyChunk(QWidget* parent, QObject* filter) {
    auto* chunk = new QWidget(parent);
    chunk->setFocusPolicy(Qt::TabFocus);  // Tab into it creates its views (see eventFilter)
    chunk->installEventFilter(filter);
    return chunk;
}

bool holdsFocus(const QWidget* chunk) {
    const QWidget* focus = QApplication::focusWidget();
    return focus && (focus == chunk || chunk->isAncestorOf(focus));
}

/// The widgets of `chunk` that Tab stops at, in the order they are on the page.
QWidgetList tabStops(QWidget* chunk) {
    QWidgetList stops;
    for (QWidget* w : chunk->findChildren<QWidget*>())
        if ((w->focusPolicy() & Qt::TabFocus) && !w->focusProxy()) stops.append(w);
    return stops;
}

}  // namespace

StackView::StackView() {
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(kSpacing);
    m_layout->setAlignment(Qt::AlignTop);
}

/// The chunk child `index` is in (or, one past the end, the last one). The chunks' counts
/// add up to m_views.size().
StackView::Place StackView::placeOf(int index) const {
    if (m_chunks.empty()) return {-1, 0};
    // Children are mostly added at the end: the last chunk first.
    const int lastFirst = int(m_views.size()) - m_chunks.back().count;
    if (index >= lastFirst) return {int(m_chunks.size()) - 1, lastFirst};
    int first = 0;
    for (int c = 0; c < int(m_chunks.size()); ++c) {
        const int count = m_chunks[size_t(c)].count;
        if (index < first + count || c == int(m_chunks.size()) - 1) return {c, first};
        first += count;
    }
    return {-1, 0};
}

int StackView::addChunk(int position) {
    QWidget* chunk = emptyChunk(this, this);
    chunk->hide();  // shown with the others by settleChunks(), not by a call of its own
    m_chunks.insert(m_chunks.begin() + position, Chunk{chunk, 0, false, false, false});
    m_layout->insertWidget(position, chunk);
    return position;
}

/// Shows the chunks added since the last time, and sizes the ones without views whose
/// children changed. Showing a widget in a visible parent lays out every layout above it
/// again; with this stack's layout off while they are shown, that happens once for all.
void StackView::settleChunks() {
    const bool unsettled = std::any_of(m_chunks.cbegin(), m_chunks.cend(),
                                       [](const Chunk& c) { return !c.shown || !c.resized; });
    if (!unsettled) return;
    m_layout->setEnabled(false);
    for (int c = 0, first = 0; c < int(m_chunks.size()); first += m_chunks[size_t(c)].count, ++c) {
        Chunk& chunk = m_chunks[size_t(c)];
        if (!chunk.resized) resizeHidden(c, first);
        if (!chunk.shown) chunk.widget->show();
        chunk.shown = true;
    }
    m_layout->setEnabled(true);
    m_layout->invalidate();
}

void StackView::childAdded(int index) {
    const bool append = index == int(m_views.size());
    if (m_chunks.empty() || (append && m_chunks.back().count >= kChunk))
        addChunk(int(m_chunks.size()));
    const Place place = placeOf(index);  // before the child counts: placeOf() reads m_views
    m_views.insert(m_views.begin() + index, nullptr);
    m_heights.insert(m_heights.begin() + index, -1);
    m_kept.insert(m_kept.begin() + index, false);
    Chunk& chunk = m_chunks[size_t(place.chunk)];
    ++chunk.count;
    if (chunk.live) {
        ElementWidget* view = m_source->createChildView(index);
        m_views[size_t(index)] = view;
        static_cast<QVBoxLayout*>(chunk.widget->layout())->insertWidget(index - place.first, view);
        view->show();
    } else {
        chunk.resized = false;
    }
    scheduleUpdate();
}

void StackView::childRemoved(int index) {
    const Place place = placeOf(index);
    if (place.chunk < 0) return;
    if (ElementWidget* view = m_views[size_t(index)]) deleteView(view);
    m_views.erase(m_views.begin() + index);
    m_heights.erase(m_heights.begin() + index);
    m_kept.erase(m_kept.begin() + index);
    Chunk& chunk = m_chunks[size_t(place.chunk)];
    if (--chunk.count == 0) {
        chunk.widget->hide();
        chunk.widget->deleteLater();
        m_chunks.erase(m_chunks.begin() + place.chunk);
    } else if (!chunk.live) {
        chunk.resized = false;
    }
    scheduleUpdate();
}

void StackView::childReplaced(int index) {
    const Place place = placeOf(index);
    if (place.chunk < 0) return;
    m_heights[size_t(index)] = -1;
    m_kept[size_t(index)] = false;
    Chunk& chunk = m_chunks[size_t(place.chunk)];
    if (!chunk.live) {
        chunk.resized = false;
        scheduleUpdate();
        return;
    }
    deleteView(m_views[size_t(index)]);
    ElementWidget* view = m_source->createChildView(index);
    m_views[size_t(index)] = view;
    static_cast<QVBoxLayout*>(chunk.widget->layout())->insertWidget(index - place.first, view);
    view->show();
}

ElementWidget* StackView::ensureChildView(int index) {
    if (index < 0 || index >= int(m_views.size())) return nullptr;
    if (!m_views[size_t(index)]) {
        settleChunks();
        const Place place = placeOf(index);
        showChunk(place.chunk, place.first);
    }
    return m_views[size_t(index)];
}

void StackView::keepChildView(int index) {
    if (index < 0 || index >= int(m_views.size())) return;
    m_kept[size_t(index)] = true;
    ensureChildView(index);
}

/// A chunk may lose its views when none holds the focus or is kept.
bool StackView::mayHide(int chunk, int first) const {
    const Chunk& c = m_chunks[size_t(chunk)];
    for (int i = first; i < first + c.count; ++i)
        if (m_kept[size_t(i)]) return false;
    return !holdsFocus(c.widget);
}

void StackView::deleteView(ElementWidget* view) {
    view->hide();
    view->setParent(nullptr);  // leaves the layout now, so that indexes stay right
    view->deleteLater();       // not now: it may be busy (a dialog it opened, a click)
}

int StackView::heightOf(int index) const {
    const int measured = m_heights[size_t(index)];
    return measured >= 0 ? measured : estimatedHeight(m_source->childElement(index), *this);
}

void StackView::resizeHidden(int chunk, int first) {
    const int count = m_chunks[size_t(chunk)].count;
    int height = count > 0 ? (count - 1) * kSpacing : 0;
    for (int i = first; i < first + count; ++i) height += heightOf(i);
    m_chunks[size_t(chunk)].widget->setFixedHeight(height);
    m_chunks[size_t(chunk)].resized = true;
}

/// Gives chunk `chunk` its views. They are built in a new widget that is not shown yet and
/// then shown at once, as one tree: a widget added to a visible parent is shown by a call
/// of its own, with a layout pass of its own, which for a page of thousands is most of the
/// cost of building it.
void StackView::showChunk(int chunk, int first) {
    Chunk& c = m_chunks[size_t(chunk)];
    if (c.live) return;
    QWidget* old = c.widget;
    auto* live = new QWidget(this);
    auto* layout = new QVBoxLayout(live);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(kSpacing);
    for (int i = first; i < first + c.count; ++i) {
        ElementWidget* view = m_source->createChildView(i);
        m_views[size_t(i)] = view;
        layout->addWidget(view);
    }
    delete m_layout->replaceWidget(old, live);
    c = Chunk{live, c.count, true, true, true};
    live->show();
    // Tab goes through the new views in page order, from where the empty chunk was (Qt
    // orders only widgets that take focus: the empty chunk does, the new one does not).
    QWidget* previous = old;
    const QWidgetList stops = tabStops(live);
    for (QWidget* stop : stops) {
        QWidget::setTabOrder(previous, stop);
        previous = stop;
    }
    if (holdsFocus(old) && !stops.isEmpty()) stops.first()->setFocus(Qt::TabFocusReason);
    old->hide();
    old->deleteLater();
}

/// Takes chunk `chunk`'s views away and keeps their heights.
void StackView::hideChunk(int chunk, int first) {
    Chunk& c = m_chunks[size_t(chunk)];
    if (!c.live) return;
    QWidget* old = c.widget;
    for (int i = first; i < first + c.count; ++i) {
        if (ElementWidget* view = m_views[size_t(i)]; view && view->height() > 0)
            m_heights[size_t(i)] = view->height();
        m_source->forgetChildView(i);
        m_views[size_t(i)] = nullptr;
    }
    QWidget* empty = emptyChunk(this, this);
    delete m_layout->replaceWidget(old, empty);
    c = Chunk{empty, c.count, false, true, true};
    resizeHidden(chunk, first);
    empty->show();
    // The empty chunk takes the place of the views in the Tab order: after the last widget
    // before them that takes focus.
    const QWidgetList stops = tabStops(old);
    QWidget* start = stops.isEmpty() ? old : stops.first();
    QWidget* before = start->previousInFocusChain();
    while (before != start && !(before->focusPolicy() & Qt::TabFocus))
        before = before->previousInFocusChain();
    if (before != start) QWidget::setTabOrder(before, empty);
    old->hide();
    old->deleteLater();  // with the views in it
}

void StackView::scheduleUpdate() {
    if (m_updateQueued) return;
    m_updateQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { updateShownChunks(); }, Qt::QueuedConnection);
}

QAbstractScrollArea* StackView::scrollArea() {
    QAbstractScrollArea* area = nullptr;
    for (QWidget* w = parentWidget(); w && !area; w = w->parentWidget())
        area = qobject_cast<QAbstractScrollArea*>(w);
    if (area != m_area) {
        if (m_area) {
            m_area->verticalScrollBar()->disconnect(this);
            m_area->viewport()->removeEventFilter(this);
        }
        m_area = area;
        if (area) {
            connect(area->verticalScrollBar(), &QScrollBar::valueChanged, this,
                    [this] { updateShownChunks(); });
            area->viewport()->installEventFilter(this);
        }
    }
    return area;
}

/// Gives views to the chunks near the viewport (one viewport above and two below) and takes
/// them from the chunks far from it (more than four away). Runs after the page changed and
/// at once when it scrolls, so that what comes into view is drawn in the same frame.
void StackView::updateShownChunks() {
    m_updateQueued = false;
    if (m_updating || !m_source) return;
    m_updating = true;
    QAbstractScrollArea* area = scrollArea();
    QScrollBar* bar = area ? area->verticalScrollBar() : nullptr;
    // Scrolled to the end: it stays there as views replace estimates and the page grows.
    const bool atEnd = bar && bar->maximum() > 0 && bar->value() == bar->maximum();
    settleChunks();
    if (!isVisible()) {
        // A window not shown yet gets the top of its page, as it will first be seen (and
        // as grab() draws it); a closed expander or a tab not chosen, nothing until shown.
        if (!window()->isVisible()) showTop(2 * (area ? area->viewport()->height() : 800));
        m_updating = false;
        return;
    }
    const bool everything = !area;
    for (int pass = 0; pass < 4; ++pass) {
        if (!everything) QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (atEnd && bar->value() != bar->maximum()) bar->setValue(bar->maximum());
        const int top = everything ? 0 : -mapTo(area->viewport(), QPoint(0, 0)).y();
        const int height = everything ? 0 : area->viewport()->height();
        std::vector<std::pair<QWidget*, int>> above;  // chunks above the viewport, shown now
        bool changed = false;
        int first = 0;
        for (int c = 0; c < int(m_chunks.size()); ++c) {
            const Chunk& chunk = m_chunks[size_t(c)];
            const QRect r = chunk.widget->geometry();
            const bool near =
                everything || (r.bottom() >= top - height && r.top() <= top + 2 * height);
            const bool far =
                !everything && (r.bottom() < top - 4 * height || r.top() > top + 5 * height);
            if (near && !chunk.live) {
                const bool isAbove = r.bottom() < top;
                showChunk(c, first);
                if (isAbove) above.emplace_back(m_chunks[size_t(c)].widget, r.height());
                changed = true;
            } else if (far && chunk.live && mayHide(c, first)) {
                hideChunk(c, first);
                changed = true;
            }
            first += chunk.count;
        }
        if (!changed || everything) break;
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (atEnd) continue;
        // Chunks above the viewport that got their views are rarely as tall as estimated:
        // keep what is in view where it was.
        int delta = 0;
        for (const auto& [widget, before] : above) delta += widget->height() - before;
        if (delta != 0) bar->setValue(bar->value() + delta);
    }
    m_updating = false;
}

void StackView::showTop(int height) {
    int y = 0;
    for (int c = 0, first = 0; c < int(m_chunks.size()) && y < height;
         first += m_chunks[size_t(c)].count, ++c) {
        showChunk(c, first);
        for (int i = first; i < first + m_chunks[size_t(c)].count; ++i) y += heightOf(i) + kSpacing;
    }
}

bool StackView::event(QEvent* event) {
    switch (event->type()) {
        case QEvent::Show:
        case QEvent::Resize:
        case QEvent::Move:
        case QEvent::ParentChange:
            scheduleUpdate();
            break;
        default:
            break;
    }
    return ElementWidget::event(event);
}

bool StackView::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize && m_area && watched == m_area->viewport()) {
        scheduleUpdate();
    } else if (event->type() == QEvent::FocusIn) {
        // Tab (or Shift+Tab) came to a chunk without views: give it its views and move on
        // to its first (or last) one that takes focus.
        for (int c = 0, first = 0; c < int(m_chunks.size());
             first += m_chunks[size_t(c)].count, ++c) {
            if (m_chunks[size_t(c)].widget != watched || m_chunks[size_t(c)].live) continue;
            const bool back = static_cast<QFocusEvent*>(event)->reason() == Qt::BacktabFocusReason;
            showChunk(c, first);
            const QWidgetList stops = tabStops(m_chunks[size_t(c)].widget);
            if (!stops.isEmpty()) {
                (back ? stops.last() : stops.first())
                    ->setFocus(back ? Qt::BacktabFocusReason : Qt::TabFocusReason);
            } else {
                // Nothing to stop at here: go on as if the chunk had not been there.
                QWidget* chunk = m_chunks[size_t(c)].widget;
                QWidget* next = chunk;
                do {
                    next = back ? next->previousInFocusChain() : next->nextInFocusChain();
                } while (next != chunk && !((next->focusPolicy() & Qt::TabFocus) &&
                                            next->isVisible() && next->isEnabled()));
                if (next != chunk)
                    next->setFocus(back ? Qt::BacktabFocusReason : Qt::TabFocusReason);
            }
            return true;
        }
    }
    return ElementWidget::eventFilter(watched, event);
}

int estimatedHeight(const Element& element, const QWidget& stack) {
    const int line = stack.fontMetrics().lineSpacing();
    const QString text = element.props.value(prop::text).toString();
    const int lines = int(text.count(QLatin1Char('\n'))) + 1;
    switch (element.kind) {
        case ElementKind::Title:
            return 2 * line + 12;
        case ElementKind::Header:
            return line * 16 / 10 + 12;
        case ElementKind::Subheader:
            return line * 13 / 10 + 6;
        case ElementKind::Text:
        case ElementKind::Markdown:
        case ElementKind::Caption:
            return lines * line;
        case ElementKind::Code:
        case ElementKind::Json:
            return qMin(lines, 24) * line + 20;
        case ElementKind::Divider:
            return 14;
        case ElementKind::Metric:
            return line * 43 / 10 + 4;
        case ElementKind::Info:
        case ElementKind::Success:
        case ElementKind::Warning:
        case ElementKind::Error:
        case ElementKind::Exception:
            return lines * line + 22;
        case ElementKind::LineChart:
        case ElementKind::AreaChart:
        case ElementKind::BarChart:
        case ElementKind::ScatterChart:
        case ElementKind::Chart:
            return element.props.value(prop::height, 280).toInt();
        case ElementKind::Table:
        case ElementKind::DataFrame:
        case ElementKind::DataEditor:
            return element.props.value(prop::height, 300).toInt();
        case ElementKind::Dialog:
        case ElementKind::Empty:
            return 0;
        default:
            return isWidgetKind(element.kind) ? 2 * line + 14 : 3 * line;
    }
}

}  // namespace tessera::widgets
