// SPDX-License-Identifier: GPL-3.0-or-later
// Generated from the element schema (core/src/page/schema.cpp) by tessera-schema-ts:
// do not edit. `cmake --build build --target update-web-schema` writes it again; the
// web_schema_current test fails when it is stale.

/// A JSON value, as a prop of type Json carries it.
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/// Every element kind, in the core's order.
export const KINDS = [
  'title',
  'header',
  'subheader',
  'text',
  'markdown',
  'caption',
  'code',
  'divider',
  'metric',
  'info',
  'success',
  'warning',
  'error',
  'exception',
  'json',
  'line_chart',
  'area_chart',
  'bar_chart',
  'scatter_chart',
  'table',
  'dataframe',
  'progress',
  'spinner',
  'skeleton',
  'image',
  'empty',
  'toast',
  'button',
  'checkbox',
  'toggle',
  'slider',
  'range_slider',
  'selectbox',
  'radio',
  'multiselect',
  'text_input',
  'text_area',
  'number_input',
  'date_input',
  'color_picker',
  'form_submit_button',
  'chat_input',
  'download_button',
  'file_uploader',
  'data_editor',
  'container',
  'columns',
  'column',
  'tabs',
  'tab',
  'expander',
  'fragment',
  'form',
  'status',
  'popover',
  'dialog',
  'chat_message',
  'chart',
] as const;

export type Kind = (typeof KINDS)[number];

// The SDK's named enums (enums.h), by the names the protocol gives their values.
export type Family = 'text' | 'data' | 'status' | 'widget' | 'block';
export type RunStatus = 'running' | 'finished' | 'failed' | 'interrupted' | 'timedOut' | 'rerun';
export type RerunTarget = 'app' | 'fragment';
export type SelectionMode = 'none' | 'singleRow' | 'multiRow' | 'point' | 'box';
export type StatusState = 'running' | 'complete' | 'error';
export type Mark = 'line' | 'area' | 'bar' | 'point' | 'rect' | 'arc' | 'boxplot' | 'errorband' | 'errorbar' | 'rule' | 'text' | 'candlestick';
export type FieldType = 'quantitative' | 'temporal' | 'nominal' | 'ordinal';
export type ScaleType = 'linear' | 'log' | 'time' | 'band';
export type Aggregate = 'count' | 'sum' | 'mean' | 'median' | 'min' | 'max' | 'q1' | 'q3';
export type StackMode = 'none' | 'zero' | 'normalize';

/// Each kind's family.
export const FAMILY: { readonly [K in Kind]: Family } = {
  title: 'text',
  header: 'text',
  subheader: 'text',
  text: 'text',
  markdown: 'text',
  caption: 'text',
  code: 'text',
  divider: 'text',
  metric: 'text',
  info: 'status',
  success: 'status',
  warning: 'status',
  error: 'status',
  exception: 'status',
  json: 'text',
  line_chart: 'data',
  area_chart: 'data',
  bar_chart: 'data',
  scatter_chart: 'data',
  table: 'data',
  dataframe: 'data',
  progress: 'status',
  spinner: 'status',
  skeleton: 'status',
  image: 'data',
  empty: 'status',
  toast: 'status',
  button: 'widget',
  checkbox: 'widget',
  toggle: 'widget',
  slider: 'widget',
  range_slider: 'widget',
  selectbox: 'widget',
  radio: 'widget',
  multiselect: 'widget',
  text_input: 'widget',
  text_area: 'widget',
  number_input: 'widget',
  date_input: 'widget',
  color_picker: 'widget',
  form_submit_button: 'widget',
  chat_input: 'widget',
  download_button: 'widget',
  file_uploader: 'widget',
  data_editor: 'widget',
  container: 'block',
  columns: 'block',
  column: 'block',
  tabs: 'block',
  tab: 'block',
  expander: 'block',
  fragment: 'block',
  form: 'block',
  status: 'block',
  popover: 'block',
  dialog: 'block',
  chat_message: 'block',
  chart: 'data',
};

/// The kinds of each family.
export type TextKind = 'title' | 'header' | 'subheader' | 'text' | 'markdown' | 'caption' | 'code' | 'divider' | 'metric' | 'json';
export type DataKind = 'line_chart' | 'area_chart' | 'bar_chart' | 'scatter_chart' | 'table' | 'dataframe' | 'image' | 'chart';
export type StatusKind = 'info' | 'success' | 'warning' | 'error' | 'exception' | 'progress' | 'spinner' | 'skeleton' | 'empty' | 'toast';
export type WidgetKind = 'button' | 'checkbox' | 'toggle' | 'slider' | 'range_slider' | 'selectbox' | 'radio' | 'multiselect' | 'text_input' | 'text_area' | 'number_input' | 'date_input' | 'color_picker' | 'form_submit_button' | 'chat_input' | 'download_button' | 'file_uploader' | 'data_editor';
export type BlockKind = 'container' | 'columns' | 'column' | 'tabs' | 'tab' | 'expander' | 'fragment' | 'form' | 'status' | 'popover' | 'dialog' | 'chat_message';

/// The kinds that carry a data frame (`data`), and those that carry bytes (`bytes`).
export type FrameKind = 'line_chart' | 'area_chart' | 'bar_chart' | 'scatter_chart' | 'table' | 'dataframe' | 'data_editor' | 'chart';
export type BytesKind = 'image' | 'download_button';

/// Each kind's props, with their types; a prop the server leaves out has its default.
export interface PropsOf {
  title: {
    text?: string;
  };
  header: {
    text?: string;
  };
  subheader: {
    text?: string;
  };
  text: {
    text?: string;
  };
  markdown: {
    text?: string;
  };
  caption: {
    text?: string;
  };
  code: {
    text?: string;
    language?: string;
  };
  divider: Record<string, never>;
  metric: {
    label?: string;
    value?: string;
    delta?: string;
  };
  info: {
    text?: string;
  };
  success: {
    text?: string;
  };
  warning: {
    text?: string;
  };
  error: {
    text?: string;
  };
  exception: {
    type?: string;
    text?: string;
  };
  json: {
    text?: string;
  };
  line_chart: {
    x?: string;
    y?: string[];
    title?: string;
    xLabel?: string;
    yLabel?: string;
    height?: number;
    rows?: number;
    selectionMode?: SelectionMode;
    value?: JsonValue;
    key?: string;
  };
  area_chart: {
    x?: string;
    y?: string[];
    title?: string;
    xLabel?: string;
    yLabel?: string;
    height?: number;
    rows?: number;
    selectionMode?: SelectionMode;
    value?: JsonValue;
    key?: string;
  };
  bar_chart: {
    x?: string;
    y?: string[];
    title?: string;
    xLabel?: string;
    yLabel?: string;
    height?: number;
    rows?: number;
    selectionMode?: SelectionMode;
    value?: JsonValue;
    key?: string;
  };
  scatter_chart: {
    x?: string;
    y?: string[];
    title?: string;
    xLabel?: string;
    yLabel?: string;
    height?: number;
    rows?: number;
    selectionMode?: SelectionMode;
    value?: JsonValue;
    key?: string;
  };
  table: {
    rows?: number;
  };
  dataframe: {
    rows?: number;
    height?: number;
    selectionMode?: SelectionMode;
    value?: JsonValue;
    key?: string;
  };
  progress: {
    value?: number;
    text?: string;
  };
  spinner: {
    text?: string;
  };
  skeleton: {
    height?: number;
  };
  image: {
    caption?: string;
    width?: number;
  };
  empty: Record<string, never>;
  toast: {
    text?: string;
    icon?: string;
  };
  button: {
    label?: string;
    value?: boolean;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  checkbox: {
    label?: string;
    value?: boolean;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  toggle: {
    label?: string;
    value?: boolean;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  slider: {
    label?: string;
    value?: number;
    key?: string;
    help?: string;
    disabled?: boolean;
    min?: number;
    max?: number;
    step?: number;
    integer?: boolean;
  };
  range_slider: {
    label?: string;
    value?: [number, number];
    key?: string;
    help?: string;
    disabled?: boolean;
    min?: number;
    max?: number;
    step?: number;
  };
  selectbox: {
    label?: string;
    value?: string;
    key?: string;
    help?: string;
    disabled?: boolean;
    options?: string[];
  };
  radio: {
    label?: string;
    value?: string;
    key?: string;
    help?: string;
    disabled?: boolean;
    options?: string[];
  };
  multiselect: {
    label?: string;
    value?: string[];
    key?: string;
    help?: string;
    disabled?: boolean;
    options?: string[];
  };
  text_input: {
    label?: string;
    value?: string;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  text_area: {
    label?: string;
    value?: string;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  number_input: {
    label?: string;
    value?: number;
    key?: string;
    help?: string;
    disabled?: boolean;
    min?: number;
    max?: number;
    step?: number;
  };
  date_input: {
    label?: string;
    value?: string;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  color_picker: {
    label?: string;
    value?: string;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  form_submit_button: {
    label?: string;
    value?: boolean;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  chat_input: {
    label?: string;
    value?: string;
    key?: string;
    help?: string;
    disabled?: boolean;
  };
  download_button: {
    label?: string;
    value?: boolean;
    key?: string;
    help?: string;
    disabled?: boolean;
    fileName?: string;
    mime?: string;
    deferred?: boolean;
  };
  file_uploader: {
    label?: string;
    value?: string[];
    key?: string;
    help?: string;
    disabled?: boolean;
    types?: string[];
    maxBytes?: number;
    multiple?: boolean;
  };
  data_editor: {
    label?: string;
    value?: JsonValue;
    key?: string;
    help?: string;
    disabled?: boolean;
    columns?: JsonValue;
    addRows?: boolean;
    deleteRows?: boolean;
    height?: number;
    rows?: number;
  };
  container: Record<string, never>;
  columns: {
    count?: number;
  };
  column: {
    weight?: number;
  };
  tabs: {
    labels?: string[];
  };
  tab: {
    label?: string;
  };
  expander: {
    label?: string;
    expanded?: boolean;
  };
  fragment: {
    id?: string;
    parallel?: boolean;
  };
  form: {
    key?: string;
    clearOnSubmit?: boolean;
    border?: boolean;
  };
  status: {
    label?: string;
    state?: StatusState;
    expanded?: boolean;
  };
  popover: {
    label?: string;
  };
  dialog: {
    title?: string;
  };
  chat_message: {
    role?: string;
    avatar?: string;
  };
  chart: {
    spec?: JsonValue;
    title?: string;
    height?: number;
    rows?: number;
  };
}
