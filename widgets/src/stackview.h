// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "elementwidget.h"

#include <QPointer>
#include <vector>

class QAbstractScrollArea;
class QVBoxLayout;

namespace tessera::widgets {

/// A vertical stack: a container, column, tab page, fragment or form. Its children live in
/// chunks of at most kChunk views, so that a page of 10,000 elements is not one parent of
/// 10,000 widgets (Qt's repaint and geometry code walks a widget's siblings).
///
/// Only the chunks in or near the visible part of the scroll area have views. A chunk far
/// out of sight is an empty widget as tall as its children were when last seen, or are
/// estimated to be, so the scroll bar covers the whole page; it gets its views when it
/// comes near the viewport (or when Tab moves into it), and loses them again when it is
/// far away and holds no focus. Outside a scroll area every chunk has its views; in a
/// window not shown yet, the chunks at the top of the page.
class StackView : public ElementWidget, public LazyChildren {
public:
    StackView();

    LazyChildren* lazyChildren() override { return this; }
    void setChildSource(ChildSource* source) override { m_source = source; }
    void childAdded(int index) override;
    void childRemoved(int index) override;
    void childReplaced(int index) override;
    ElementWidget* ensureChildView(int index) override;
    void keepChildView(int index) override;

protected:
    void display(const Element&) override {}
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static constexpr int kChunk = 16;
    static constexpr int kSpacing = 10;

    struct Chunk {
        QWidget* widget = nullptr;
        int count = 0;
        bool live = false;    ///< its children have views
        bool shown = false;   ///< its widget was shown (new chunks are, all at once)
        bool resized = true;  ///< without views: its height is its children's
    };
    struct Place {
        int chunk;
        int first;  ///< index of the chunk's first child
    };

    Place placeOf(int index) const;
    int addChunk(int position);
    void settleChunks();
    void showChunk(int chunk, int first);
    void hideChunk(int chunk, int first);
    void resizeHidden(int chunk, int first);
    int heightOf(int index) const;
    void orderFocus(QWidget* chunk);
    void deleteView(ElementWidget* view);
    bool mayHide(int chunk, int first) const;

    void scheduleUpdate();
    void updateShownChunks();
    void showTop(int height);
    QAbstractScrollArea* scrollArea();

    QVBoxLayout* m_layout;
    ChildSource* m_source = nullptr;
    std::vector<Chunk> m_chunks;
    std::vector<ElementWidget*> m_views;  ///< per child; null when its chunk has no views
    std::vector<int> m_heights;           ///< per child: its view's height when last seen, or -1
    std::vector<bool> m_kept;             ///< per child: its view stays (keepChildView())
    QPointer<QAbstractScrollArea> m_area;
    bool m_updateQueued = false;
    bool m_updating = false;
};

/// How tall the view of `element` is likely to be, before it has one.
int estimatedHeight(const Element& element, const QWidget& stack);

}  // namespace tessera::widgets
