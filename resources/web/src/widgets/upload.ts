// SPDX-License-Identifier: GPL-3.0-or-later
// The file uploader: a drop zone with a file input; the files go to the server over the
// socket, and the names it took come back as the value.
import { el, tell } from '../dom';
import { ElementOfKind } from '../protocol';
import { PropsOf } from '../schema';
import { ViewContext } from '../view';
import { WidgetView } from './widgetview';

/// `bytes` for people, as the window writes them: 512 bytes, 1.5 kB, 200.0 MB.
export function amount(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB'];
  let u = 0;
  while (bytes >= 1024 && u < units.length - 1) ((bytes /= 1024), u++);
  return u === 0 ? `${bytes} bytes` : `${bytes.toFixed(1)} ${units[u]}`;
}

/// Why the uploader `props` (types, maxBytes) refuses a file, or '' when it takes it; the
/// same rule as the server's, which checks again.
export function fileProblem(props: PropsOf['file_uploader'], name: string, size: number): string {
  const limit = Number(props.maxBytes ?? 0);
  if (limit > 0 && size > limit) return `'${name}' is ${amount(size)}; files up to ${amount(limit)} are taken here`;
  const types: string[] = props.types ?? [];
  if (types.length === 0) return '';
  const suffix = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const taken = types.some((t) => t.trim().toLowerCase().replace(/^\./, '') === suffix && suffix !== '');
  return taken ? '' : `'${name}' is not one of the types taken here: ${types.join(', ')}`;
}

/// A file uploader: a drop zone with a file input; the files go to the server over the
/// socket (ViewContext.upload), and the names it took come back as the value.
export class UploadView extends WidgetView<'file_uploader'> {
  private input = el('input');
  private zone = el('div', 'upload-zone');
  private hint = el('span', 'caption');
  private browse = el('button', 'widget-button', 'Browse files');
  private remove = el('button', 'widget-button', 'Remove');
  private files = el('ul', 'upload-files');
  private note = el('div', 'upload-note');
  private shown = '';

  constructor(element: ElementOfKind<'file_uploader'>, ctx: ViewContext) {
    super(element, ctx);
    this.input.type = 'file';
    this.input.id = this.frame.controlId;
    this.input.className = 'visually-hidden';
    this.input.onchange = () => {
      this.give([...(this.input.files ?? [])]);
      this.input.value = '';
    };
    this.browse.type = this.remove.type = 'button';
    this.browse.onclick = () => this.input.click();
    this.remove.onclick = () => this.send([]);
    this.note.setAttribute('role', 'status');
    this.zone.append(this.hint, this.remove, this.browse, this.input);
    this.zone.ondragover = (event) => {
      event.preventDefault();
      this.zone.classList.add('over');
    };
    this.zone.ondragleave = () => this.zone.classList.remove('over');
    this.zone.ondrop = (event) => {
      event.preventDefault();
      this.zone.classList.remove('over');
      this.give([...(event.dataTransfer?.files ?? [])]);
    };
    this.frame.body.append(this.zone, this.files, this.note);
    this.show(element);
  }

  private give(files: File[]): void {
    if (files.length === 0) return;
    const props = this.element.props;
    if (files.length > 1 && !props.multiple) return this.tell(`One file is taken here, not ${files.length}.`, true);
    for (const f of files) {
      const problem = fileProblem(props, f.name, f.size);
      if (problem) return this.tell(problem, true);
    }
    this.tell(`Uploading ${files.map((f) => f.name).join(', ')}…`, false);
    this.ctx.upload(this.element.id ?? '', files, (message) => this.tell(message, true));
  }

  private tell(message: string, problem: boolean): void {
    tell(this.note, message, problem);
  }

  show(element: ElementOfKind<'file_uploader'>): void {
    const p = element.props;
    const types: string[] = p.types ?? [];
    this.input.multiple = !!p.multiple;
    this.input.accept = types.map((t) => (t.startsWith('.') ? t : `.${t}`)).join(',');
    const parts = [p.multiple ? 'Drop files here' : 'Drop a file here'];
    if (types.length) parts.push(types.join(', ').toUpperCase());
    if (p.maxBytes) parts.push(`up to ${amount(Number(p.maxBytes))}`);
    this.hint.textContent = parts.join(' · ');
    const names: string[] = p.value ?? [];
    this.files.replaceChildren(...names.map((n) => el('li', '', n)));
    this.remove.hidden = names.length === 0;
    this.frame.show(element, [this.input, this.browse, this.remove]);
    // New files taken: the upload is over.
    const key = JSON.stringify(names);
    if (key !== this.shown && !this.note.classList.contains('problem')) this.tell('', false);
    this.shown = key;
  }
}
