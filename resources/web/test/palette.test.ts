// SPDX-License-Identifier: GPL-3.0-or-later
// The page's chart palettes are the window's (widgets/src/chartpalette.h), and the number and
// time formats follow the spec's formats.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatNumber, formatTick, formatTime } from '../src/grammar/format';
import { PALETTES, rampColour } from '../src/grammar/palette';

/// The hex colours of the C++ array `name` in the window's palette header.
function windowColours(name: string): string[] {
  const header = readFileSync(`${process.env.TESSERA_SOURCE_DIR}/widgets/src/chartpalette.h`, 'utf8');
  const array = new RegExp(`${name}\\[\\] = \\{([^}]*)\\}`).exec(header);
  assert.ok(array, `no ${name}[] in chartpalette.h`);
  return [...array[1].matchAll(/0x([0-9a-f]{6})/gi)].map((m) => `#${m[1].toLowerCase()}`);
}

test('the page and the window share their palettes', () => {
  assert.deepEqual(PALETTES.light, windowColours('light'));
  assert.deepEqual(PALETTES.dark, windowColours('night'));
  assert.deepEqual(PALETTES.ramp, windowColours('stops'));
});

test('the ramp runs from its first colour to its last', () => {
  assert.deepEqual(rampColour(0), [0x44, 0x01, 0x54]);
  assert.deepEqual(rampColour(1), [0xfd, 0xe7, 0x25]);
  assert.deepEqual(rampColour(Number.NaN), [0x44, 0x01, 0x54]);
});

test('numbers follow the spec formats', () => {
  assert.equal(formatNumber(3.14159, '.2f'), '3.14');
  assert.equal(formatNumber(0.256, '.1%'), '25.6%');
  assert.equal(formatNumber(1_234_000, 's'), '1.23M');
  assert.equal(formatNumber(0.1 + 0.2), '0.3');
  assert.equal(formatNumber(Infinity), '–');
});

test('times are written in their zone, dates at midnight', () => {
  const noon = Date.UTC(2026, 11, 7, 12, 0);
  assert.equal(formatTime(noon, 'UTC', 3_600_000), '12:00');
  assert.equal(formatTime(noon, 'Europe/Paris', 3_600_000), '13:00');
  assert.equal(formatTick(Date.UTC(2026, 11, 7, 23, 0), 'Europe/Paris', 3_600_000), 'Dec 8');
  assert.equal(formatTick(noon, 'UTC', 7 * 86_400_000), 'Dec 7');
  assert.equal(formatTime(noon, 'No/Such_Zone', 3_600_000), '12:00');
});
