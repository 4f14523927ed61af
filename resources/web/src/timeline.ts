// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline: one row per run of the last group, queued and running time drawn on a
// shared scale, as the window's timeline shows them.
import { el } from './dom';
import { RunStatus } from './schema';

/// One run: the main body or one fragment, run once (docs/protocol.md, groupFinished).
export interface RunTiming {
  name: string;
  scope: string;
  queuedMs: number;
  startedMs: number;
  finishedMs: number;
  status: RunStatus;
}

/// What one cause started: a full run, or the fragment reruns of one change.
export interface GroupRecord {
  groupId: string;
  full: boolean;
  totalMs: number;
  runs: RunTiming[];
  exceptions: string[];
  problems: string[];
}

/// How a run ended, for people.
const STATUS_TEXT: { readonly [S in RunStatus]: string } = {
  running: 'running',
  finished: '',
  failed: 'failed',
  interrupted: 'interrupted',
  timedOut: 'timed out',
  rerun: 'asked for a rerun',
};

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

export class Timeline {
  constructor(private panel: HTMLElement) {}

  show(record: GroupRecord): void {
    const total = Math.max(1, record.totalMs, ...record.runs.map((s) => s.finishedMs));
    const percent = (value: number) => `${(100 * Math.max(0, value)) / total}%`;
    const head = el('div', 'timeline-head');
    head.textContent = `${record.full ? 'Full run' : 'Partial run'} · ${ms(record.totalMs)} · ${record.runs.length} run${record.runs.length === 1 ? '' : 's'}`;
    const rows = record.runs.map((s) => {
      const row = el('div', `timeline-row ${s.status}`);
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
      const label = el('div', 'timeline-label', s.name);
      label.title = s.scope;
      const time = el('div', 'timeline-time', `${ms(s.finishedMs - started)} ${STATUS_TEXT[s.status]}`);
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
