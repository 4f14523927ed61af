// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <array>
#include <limits>

namespace tessera::widgets {

/// A QLabel that measures its text once per change. QLabel lays its text out again at every
/// size query (a layout pass asks several times, and a rich text label lays out a whole
/// document each time); this one keeps the answers until its text or font changes.
class MeasuredLabel : public QLabel {
public:
    using QLabel::QLabel;

    /// Shows `text`; false when it was already shown.
    bool showText(const QString& text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent* event) override;

private:
    using QLabel::setText;  // showText() instead: it forgets the old measurement
    void forget() const;

    mutable QSize m_hint, m_minimum;
    /// Heights for the last few widths: a scroll area asks for two (with and without its
    /// scroll bar) at every layout pass.
    struct Height {
        int width = std::numeric_limits<int>::min();  ///< none yet
        int height = 0;
    };
    mutable std::array<Height, 4> m_heights;
    mutable size_t m_nextHeight = 0;
};

}  // namespace tessera::widgets
