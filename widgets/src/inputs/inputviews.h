// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Views for widgets, one family per file. Each shows the value the run reported (with its
// signals blocked, so showing never echoes back) and sends user changes to the session
// through sendValue().
#include "elementwidget.h"
#include "measuredlabel.h"

#include <tessera/schema.h>

#include <QLabel>
#include <QVBoxLayout>

namespace tessera::widgets {

/// A prop of `e`.
inline QVariant read(const Element& e, const QString& name) {
    return e.props.value(name);
}

/// Base for widgets with a label above the control.
class LabelledView : public ElementWidget {
public:
    LabelledView() {
        m_layout = new QVBoxLayout(this);
        m_layout->setContentsMargins(0, 0, 0, 0);
        m_layout->setSpacing(4);
        m_label = new MeasuredLabel(this);
        m_layout->addWidget(m_label);
    }

protected:
    void showLabel(const Element& e, QWidget* control) {
        m_label->showText(read(e, prop::label).toString());
        setToolTip(read(e, prop::help).toString());
        control->setEnabled(!read(e, prop::disabled).toBool());
    }
    QVBoxLayout* m_layout;
    MeasuredLabel* m_label;
};

// The view of a widget of `kind` in each family, or nullptr for another kind.
ElementWidget* createButtonView(ElementKind kind);
ElementWidget* createCheckView(ElementKind kind);
ElementWidget* createSliderView(ElementKind kind);
ElementWidget* createChoiceView(ElementKind kind);
ElementWidget* createEntryView(ElementKind kind);
ElementWidget* createChatInputView();

}  // namespace tessera::widgets
