// SPDX-License-Identifier: GPL-3.0-or-later
// The chart palettes, the same as the window's (widgets/src/chartpalette.h; a unit test
// compares them): eight series colours for light and for dark pages, and a sequential ramp.

const LIGHT = ['#0068c9', '#ff2b2b', '#29b09d', '#ff8700', '#83c9ff', '#7d353b', '#6d3fc0', '#ffd16a'];
const DARK = ['#3d9df3', '#ff4b4b', '#29b09d', '#ffa421', '#83c9ff', '#ff8c8c', '#9a6dd7', '#ffd16a'];
/// Viridis: legible on light and dark backgrounds.
const RAMP = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

export const PALETTES = { light: LIGHT, dark: DARK, ramp: RAMP };

export function seriesColour(index: number, dark: boolean): string {
  const colours = dark ? DARK : LIGHT;
  return colours[((index % colours.length) + colours.length) % colours.length];
}

function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

let rampTable: Uint32Array | null = null;

/// The ramp in 256 steps, as opaque RGBA pixels (little-endian ABGR words) for ImageData.
export function rampPixels(): Uint32Array {
  if (!rampTable) {
    rampTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      const [r, g, b] = rampColour(i / 255);
      rampTable[i] = (255 << 24) | (b << 16) | (g << 8) | r;
    }
  }
  return rampTable;
}

/// The ramp's colour at `t` (0 to 1) as [r, g, b].
export function rampColour(t: number): [number, number, number] {
  const last = RAMP.length - 1;
  const clamped = Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, t));
  const i = Math.min(last - 1, Math.floor(clamped * last));
  const f = clamped * last - i;
  const a = channels(RAMP[i]);
  const b = channels(RAMP[i + 1]);
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * f)) as [number, number, number];
}
