// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

namespace tessera::app {

namespace {
const QColor kAccent(0xff, 0x4b, 0x4b);
}

QPalette lightPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::WindowText, QColor(0x31, 0x33, 0x3f));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf9));
    p.setColor(QPalette::Text, QColor(0x31, 0x33, 0x3f));
    p.setColor(QPalette::Button, QColor(0xf0, 0xf2, 0xf6));
    p.setColor(QPalette::ButtonText, QColor(0x31, 0x33, 0x3f));
    p.setColor(QPalette::Mid, QColor(0xc8, 0xcb, 0xd3));
    p.setColor(QPalette::Highlight, kAccent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x84, 0x95));
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x33, 0x3f));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x00, 0x68, 0xc9));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xa3, 0xa8, 0xb8));
    return p;
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x0e, 0x11, 0x17));
    p.setColor(QPalette::WindowText, QColor(0xfa, 0xfa, 0xfa));
    p.setColor(QPalette::Base, QColor(0x16, 0x1a, 0x23));
    p.setColor(QPalette::AlternateBase, QColor(0x1c, 0x21, 0x2c));
    p.setColor(QPalette::Text, QColor(0xfa, 0xfa, 0xfa));
    p.setColor(QPalette::Button, QColor(0x26, 0x27, 0x30));
    p.setColor(QPalette::ButtonText, QColor(0xfa, 0xfa, 0xfa));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4d, 0x5a));
    p.setColor(QPalette::Highlight, kAccent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xad));
    p.setColor(QPalette::ToolTipBase, QColor(0xfa, 0xfa, 0xfa));
    p.setColor(QPalette::ToolTipText, QColor(0x0e, 0x11, 0x17));
    p.setColor(QPalette::Link, QColor(0x83, 0xc9, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x70, 0x73, 0x80));
    return p;
}

}  // namespace tessera::app
