// SPDX-License-Identifier: GPL-3.0-or-later
// Pies and donuts. uPlot draws x/y marks only, so arcs are drawn by Chart.js (its doughnut
// alone: about 60 kB minified, canvas-drawn, maintained), which lives in its own file,
// tessera-arcs.js, beside this page's script and loaded the first time a page shows an arc.
import { seriesColour } from './palette';
import { Layer } from './spec';

export interface ArcData {
  labels: string[];
  values: number[];
  colours: string[];
  cutout: number;
  border: string;
}

export interface ArcApi {
  draw(canvas: HTMLCanvasElement, data: ArcData): { destroy(): void };
}

declare global {
  interface Window {
    tesseraArcs?: ArcApi;
  }
}

/// Where this page's script came from: the arcs' file sits beside it (behind any base path).
const scriptSource =
  typeof document === 'undefined' ? '' : ((document.currentScript as HTMLScriptElement | null)?.src ?? '');

let loading: Promise<ArcApi> | null = null;

function load(): Promise<ArcApi> {
  if (window.tesseraArcs) return Promise.resolve(window.tesseraArcs);
  loading ??= new Promise<ArcApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('tessera-arcs.js', scriptSource || location.href).href;
    script.onload = () =>
      window.tesseraArcs ? resolve(window.tesseraArcs) : reject(new Error('tessera-arcs.js did not load'));
    script.onerror = () => {
      loading = null;
      reject(new Error('tessera-arcs.js could not be loaded'));
    };
    document.head.append(script);
  });
  return loading;
}

/// Draws `layer`'s slices into `host`, once Chart.js is there.
export async function drawArcs(host: HTMLElement, layer: Layer, dark: boolean, background: string) {
  const api = await load();
  const canvas = document.createElement('canvas');
  host.replaceChildren(canvas);
  const theta = layer.numbers('theta');
  const series = layer.spec.series.filter((s) => theta[s.start] > 0);
  return api.draw(canvas, {
    labels: series.map((s) => s.label),
    values: series.map((s) => theta[s.start]),
    colours: series.map((s) => seriesColour(s.color, dark)),
    cutout: layer.spec.innerRadius ?? 0,
    border: background,
  });
}
