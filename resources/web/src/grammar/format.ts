// SPDX-License-Identifier: GPL-3.0-or-later
// How chart values are written: numbers by a spec's format (".2f", ".1%", "s"), times in a
// time zone, by how far apart the ticks are (as the window's axes do).

export function formatNumber(v: number, format?: string): string {
  if (!Number.isFinite(v)) return '–';
  const fixed = /^\.(\d+)f$/.exec(format ?? '');
  if (fixed) return v.toFixed(Number(fixed[1]));
  const percent = /^\.(\d+)%$/.exec(format ?? '');
  if (percent) return (v * 100).toFixed(Number(percent[1])) + '%';
  if (format === 's') {
    const prefixes = ['', 'k', 'M', 'G', 'T'];
    let i = 0;
    while (Math.abs(v) >= 1000 && i < prefixes.length - 1) ((v /= 1000), i++);
    return String(Number(v.toPrecision(3))) + prefixes[i];
  }
  return String(Number(v.toPrecision(6)));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/// `ms` as a date or time in `timeZone`, with as much detail as `spacing` (ms between ticks,
/// or 0 for a tooltip) needs.
export function formatTime(ms: number, timeZone: string, spacing: number): string {
  const style: Intl.DateTimeFormatOptions =
    spacing === 0
      ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : spacing < 86_400_000
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : spacing < 60 * 86_400_000
          ? { month: 'short', day: 'numeric' }
          : { year: 'numeric', month: 'short' };
  const key = timeZone + JSON.stringify(style);
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { ...style, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { ...style, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f.format(new Date(ms));
}

/// A time axis's tick: the time of day, or the date at midnight and for ticks a day or more
/// apart.
export function formatTick(ms: number, timeZone: string, spacing: number): string {
  if (spacing >= 86_400_000) return formatTime(ms, timeZone, spacing);
  const time = formatTime(ms, timeZone, 1);
  return time === '00:00' ? formatTime(ms, timeZone, 86_400_000) : time;
}
