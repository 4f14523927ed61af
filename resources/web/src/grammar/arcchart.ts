// SPDX-License-Identifier: GPL-3.0-or-later
// The entry of tessera-arcs.js: Chart.js's doughnut, for pies and donuts (arcs.ts loads it).
import { ArcElement, Chart, DoughnutController, Tooltip } from 'chart.js';
import { ArcApi, ArcData } from './arcs';

Chart.register(DoughnutController, ArcElement, Tooltip);

const api: ArcApi = {
  draw(canvas: HTMLCanvasElement, d: ArcData) {
    return new Chart(canvas, {
      type: 'doughnut',
      data: {
        labels: d.labels,
        datasets: [{ data: d.values, backgroundColor: d.colours, borderColor: d.border, borderWidth: 2 }],
      },
      options: {
        cutout: `${Math.round(d.cutout * 100)}%`,
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { enabled: true } },
      },
    });
  },
};
window.tesseraArcs = api;
