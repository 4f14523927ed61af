// SPDX-License-Identifier: GPL-3.0-or-later
// Markdown with HTML off: markdown-it escapes any HTML in the source, and links may only be
// http(s) or mailto (markdown-it's default validation refuses javascript: and data:).
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): HTMLElement {
  const div = document.createElement('div');
  div.className = 'markdown';
  // The only HTML this page inserts: markdown-it's output for text the server sent, with
  // HTML in that text escaped (html: false).
  div.innerHTML = md.render(source);
  return div;
}
