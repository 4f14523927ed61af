// SPDX-License-Identifier: GPL-3.0-or-later
// Timings the browser tests and benchmarks read from the Performance timeline. A page open
// for days (periodic fragments) would keep every entry, so each name keeps the latest few.

const KEEP = 200;
const counts = new Map<string, number>();

function room(name: string): void {
  const count = (counts.get(name) ?? 0) + 1;
  counts.set(name, count > KEEP ? 1 : count);
  if (count > KEEP) {
    performance.clearMeasures(name);
    performance.clearMarks(name);
  }
}

/// A measure named `name` from `start` until now.
export function measure(name: string, start: number, detail?: unknown): void {
  room(name);
  performance.measure(name, { start, end: performance.now(), detail });
}

/// A mark named `name` now.
export function mark(name: string): void {
  room(name);
  performance.mark(name);
}
