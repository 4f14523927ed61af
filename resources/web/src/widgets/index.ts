// SPDX-License-Identifier: GPL-3.0-or-later
// Widgets. Each sends its new value as the window's do (docs/protocol.md, widget values) and
// takes the rerun's echo in place: a control the person is using keeps what they typed.
import { DataEditorView } from '../editor';
import { Element } from '../protocol';
import { View, ViewContext } from '../view';
import { ButtonView, DownloadView } from './buttons';
import { RangeView, SliderView } from './sliders';
import { UploadView } from './upload';
import { CheckView } from './check';
import { EntryView } from './entries';
import { ChoiceView, SelectView } from './choices';
import { ChatInputView } from './chatinput';

export function widgetView(element: Element, ctx: ViewContext): View | null {
  switch (element.kind) {
    case 'button':
    case 'form_submit_button':
      return new ButtonView(element, ctx);
    case 'chat_input':
      return new ChatInputView(element, ctx);
    case 'download_button':
      return new DownloadView(element, ctx);
    case 'file_uploader':
      return new UploadView(element, ctx);
    case 'data_editor':
      return new DataEditorView(element, ctx);
    case 'checkbox':
    case 'toggle':
      return new CheckView(element, ctx);
    case 'slider':
      return new SliderView(element, ctx);
    case 'range_slider':
      return new RangeView(element, ctx);
    case 'number_input':
    case 'text_input':
    case 'text_area':
    case 'date_input':
    case 'color_picker':
      return new EntryView(element, ctx);
    case 'selectbox':
      return new SelectView(element, ctx);
    case 'radio':
    case 'multiselect':
      return new ChoiceView(element, ctx);
    default:
      return null;
  }
}
