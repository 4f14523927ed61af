// SPDX-License-Identifier: GPL-3.0-or-later
// The run timeline: one row per scope of the last run, queued and running time drawn on a
// shared scale, as the window's timeline shows them.
import { el } from './dom';

export interface ScopeTiming {
  scope: string;
  id: string;
  queuedMs: number;
  startedMs: number;
  finishedMs: number;
  status: string;
}

export interface RunRecord {
  runId: string;
  full: boolean;
  totalMs: number;
  scopes: ScopeTiming[];
  exceptions: string[];
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

export class Timeline {
  constructor(private panel: HTMLElement) {}

  show(record: RunRecord): void {
    const total = Math.max(1, record.totalMs, ...record.scopes.map((s) => s.finishedMs));
    const percent = (value: number) => `${(100 * Math.max(0, value)) / total}%`;
    const head = el('div', 'timeline-head');
    head.textContent = `${record.full ? 'Full run' : 'Partial run'} · ${ms(record.totalMs)} · ${record.scopes.length} scope${record.scopes.length === 1 ? '' : 's'}`;
    const rows = record.scopes.map((s) => {
      const row = el('div', `timeline-row ${s.status.replace(/\s+/g, '-')}`);
      row.dataset.scope = s.scope;
      const started = Math.max(s.queuedMs, s.startedMs);
      const track = el('div', 'timeline-track');
      const queued = el('div', 'timeline-queued');
      queued.style.left = percent(s.queuedMs);
      queued.style.width = percent(started - s.queuedMs);
      const running = el('div', 'timeline-bar');
      running.style.left = percent(started);
      running.style.width = `max(2px, ${percent(s.finishedMs - started)})`;
      track.append(queued, running);
      const label = el('div', 'timeline-label', s.scope);
      label.title = s.id;
      const time = el('div', 'timeline-time', `${ms(s.finishedMs - started)} ${s.status === 'finished' ? '' : s.status}`);
      row.append(label, track, time);
      return row;
    });
    const exceptions = record.exceptions.map((e) => el('div', 'timeline-exception', e));
    this.panel.replaceChildren(head, ...rows, ...exceptions);
  }

  clear(): void {
    this.panel.replaceChildren(el('div', 'caption', 'No run yet.'));
  }
}
