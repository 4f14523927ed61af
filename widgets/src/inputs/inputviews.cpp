// SPDX-License-Identifier: GPL-3.0-or-later
// The view of each widget kind, from its family (widgets/src/inputs).
#include "inputs/inputviews.h"

namespace tessera::widgets {

ElementWidget* createInputView(ElementKind kind) {
    switch (kind) {
        case ElementKind::ChatInput:
            return createChatInputView();
        case ElementKind::FileUploader:
            return createFileUploaderView();
        case ElementKind::DataEditor:
            return createDataEditorView();
        default:
            break;
    }
    for (auto create :
         {createButtonView, createCheckView, createSliderView, createChoiceView, createEntryView})
        if (ElementWidget* view = create(kind)) return view;
    return nullptr;
}

}  // namespace tessera::widgets
