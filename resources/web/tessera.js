// SPDX-License-Identifier: GPL-3.0-or-later
// A plain viewer for the Tessera bridge protocol (docs/protocol.md): it keeps the page as
// the server sends it and draws every element as text, never as HTML.
'use strict';

const buffers = new Map();
const roots = [document.getElementById('main'), document.getElementById('sidebar')];
let socket = null;
let resume = sessionStorage.getItem('tessera-resume') || '';
let attempt = 0;

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = String(text);
  return e;
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function numbers(column) {
  if (column.type !== 'f64') return null;
  const bytes = column.buffer ? buffers.get(column.buffer)
    : Uint8Array.from(atob(column.base64), c => c.charCodeAt(0)).buffer;
  return bytes ? new Float64Array(bytes.slice(0)) : new Float64Array(0);
}

function drawChart(canvas, element) {
  const data = element.data || { columns: [] };
  const p = element.props;
  const cols = data.columns;
  const xCol = cols.find(c => c.name === p.x);
  const series = cols.filter(c => c !== xCol && c.type === 'f64' && (!p.y || p.y.length === 0 || p.y.includes(c.name)));
  const w = canvas.width = canvas.clientWidth || 600, h = canvas.height = 260;
  const g = canvas.getContext('2d');
  const ys = series.map(numbers);
  const xs = xCol ? numbers(xCol) : null;
  const n = ys.length ? ys[0].length : 0;
  if (!n) return;
  let lo = Infinity, hi = -Infinity;
  ys.forEach(y => y.forEach(v => { if (isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }));
  if (element.kind === 'bar_chart' || element.kind === 'area_chart') lo = Math.min(lo, 0);
  const x0 = xs ? xs[0] : 0, x1 = xs ? xs[n - 1] : n - 1;
  const px = i => 40 + ((xs ? xs[i] : i) - x0) / ((x1 - x0) || 1) * (w - 50);
  const py = v => h - 20 - (v - lo) / ((hi - lo) || 1) * (h - 30);
  const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];
  const step = Math.max(1, Math.floor(n / (w * 2)));
  ys.forEach((y, s) => {
    g.strokeStyle = g.fillStyle = colours[s % colours.length];
    g.beginPath();
    for (let i = 0; i < n; i += step) {
      if (element.kind === 'scatter_chart') g.fillRect(px(i) - 1, py(y[i]) - 1, 3, 3);
      else if (element.kind === 'bar_chart') g.fillRect(px(i) - 2 + s * 4, py(y[i]), 4, py(lo) - py(y[i]));
      else if (i === 0) g.moveTo(px(i), py(y[i])); else g.lineTo(px(i), py(y[i]));
    }
    if (element.kind === 'line_chart' || element.kind === 'area_chart') g.stroke();
  });
  g.fillStyle = getComputedStyle(document.body).color;
  g.fillText(String(hi.toPrecision(4)), 2, 12);
  g.fillText(String(lo.toPrecision(4)), 2, h - 20);
}

function drawTable(element) {
  const table = el('table');
  const cols = (element.data || { columns: [] }).columns;
  const head = el('tr');
  cols.forEach(c => head.append(el('th', '', c.name)));
  table.append(head);
  const values = cols.map(c => c.type === 'f64' ? numbers(c) : c.values);
  const rows = Math.min(element.data ? element.data.rows : 0, 200);
  for (let r = 0; r < rows; ++r) {
    const tr = el('tr');
    values.forEach(v => tr.append(el('td', '', v[r])));
    table.append(tr);
  }
  return table;
}

function input(element, build) {
  const p = element.props;
  const label = el('label', '', p.label || '');
  const control = build(p);
  control.disabled = !!p.disabled;
  label.append(control);
  return label;
}

function widget(element) {
  const p = element.props, id = element.id;
  const set = value => send({ type: 'widget', id, value });
  switch (element.kind) {
    case 'button': { const b = el('button', '', p.label); b.type = 'button'; b.disabled = !!p.disabled; b.onclick = () => set(true); return b; }
    case 'checkbox': case 'toggle':
      return input(element, () => { const c = el('input'); c.type = 'checkbox'; c.checked = !!p.value; c.onchange = () => set(c.checked); return c; });
    case 'slider': case 'number_input':
      return input(element, () => { const c = el('input'); c.type = element.kind === 'slider' ? 'range' : 'number'; c.min = p.min; c.max = p.max; c.step = p.step || 1; c.value = p.value; c.onchange = () => set(Number(c.value)); return c; });
    case 'selectbox': case 'radio': case 'multiselect':
      return input(element, () => {
        const c = el('select'); c.multiple = element.kind === 'multiselect';
        (p.options || []).forEach(o => { const opt = el('option', '', o); opt.value = o; opt.selected = c.multiple ? (p.value || []).includes(o) : p.value === o; c.append(opt); });
        c.onchange = () => set(c.multiple ? [...c.selectedOptions].map(o => o.value) : c.value); return c;
      });
    case 'text_input': case 'text_area': case 'date_input': case 'color_picker': case 'range_slider':
      return input(element, () => {
        const c = el(element.kind === 'text_area' ? 'textarea' : 'input');
        if (element.kind === 'date_input') c.type = 'date';
        if (element.kind === 'color_picker') c.type = 'color';
        c.value = Array.isArray(p.value) ? p.value.join(',') : (p.value || '');
        c.onchange = () => set(c.value);
        return c;
      });
    default: return el('div', 'error', 'This page cannot show ' + element.kind + ' elements.');
  }
}

function render(element) {
  const p = element.props, k = element.kind;
  switch (k) {
    case 'title': return el('h1', '', p.text);
    case 'header': return el('h2', '', p.text);
    case 'subheader': return el('h3', '', p.text);
    case 'text': case 'markdown': return el('p', '', p.text);
    case 'caption': return el('div', 'caption', p.text);
    case 'code': case 'json': { const pre = el('pre'); pre.append(el('code', '', p.text)); return pre; }
    case 'divider': return el('hr');
    case 'metric': { const d = el('div', 'metric'); d.append(el('div', 'caption', p.label), el('div', 'value', p.value), el('div', 'caption', p.delta || '')); return d; }
    case 'info': case 'success': case 'warning': case 'error': case 'exception': return el('div', k, (p.type ? p.type + ': ' : '') + (p.text || ''));
    case 'line_chart': case 'area_chart': case 'bar_chart': case 'scatter_chart': {
      const d = el('div'); if (p.title) d.append(el('strong', '', p.title));
      const c = el('canvas'); d.append(c); requestAnimationFrame(() => drawChart(c, element)); return d;
    }
    case 'table': case 'dataframe': return drawTable(element);
    case 'progress': { const b = el('progress'); b.max = 100; b.value = p.value; return b; }
    case 'spinner': return el('div', 'caption', (p.text || 'Running') + '…');
    case 'skeleton': return el('div', 'skeleton');
    case 'image': {
      const img = el('img'); const b = element.bytes;
      const bytes = b && (b.buffer ? buffers.get(b.buffer) : Uint8Array.from(atob(b.base64), c => c.charCodeAt(0)));
      if (bytes) img.src = URL.createObjectURL(new Blob([bytes]));
      img.alt = p.caption || ''; return img;
    }
    case 'empty': return el('div');
    case 'container': case 'column': case 'tab': case 'fragment': return el('div', 'block');
    case 'columns': return el('div', 'columns');
    case 'tabs': return el('div', 'block');
    case 'expander': { const d = el('details'); d.open = !!p.expanded; d.append(el('summary', '', p.label)); return d; }
    default: return widget(element);
  }
}

// Each DOM node keeps its children's nodes in `kids`, in page order.
function nodeAt(path) {
  let node = roots[path[0]];
  for (let i = 1; i < path.length; ++i) { node = node && node.kids && node.kids[path[i]]; }
  return node;
}

function childHost(node) { return node.tagName === 'DETAILS' || node.classList.contains('block') || node.classList.contains('columns') || roots.includes(node) ? node : null; }

function applyOp(op) {
  const parent = nodeAt(op.path.slice(0, -1));
  const index = op.path[op.path.length - 1];
  if (!parent) return;
  parent.kids = parent.kids || [];
  if (op.op === 'upsert') {
    const fresh = render(op.element);
    fresh.classList.add('el');
    fresh.kind = op.element.kind;
    const old = parent.kids[index];
    if (old && old.kind === op.element.kind && childHost(old)) {
      // The same block: keep its children.
      fresh.kids = old.kids;
      (old.kids || []).forEach(k => fresh.append(k));
    }
    if (old) old.replaceWith(fresh); else parent.append(fresh);
    parent.kids[index] = fresh;
  } else if (op.op === 'remove') {
    const old = parent.kids[index];
    if (old) { old.remove(); parent.kids.splice(index, 1); }
  } else if (op.op === 'stale') {
    const node = parent.kids[index];
    if (node) node.classList.toggle('stale', op.stale);
  }
}

function onMessage(event) {
  if (typeof event.data !== 'string') {
    const view = new DataView(event.data);
    const length = view.getUint32(0, true);
    const id = new TextDecoder().decode(new Uint8Array(event.data, 4, length));
    buffers.set(id, event.data.slice(4 + length));
    return;
  }
  const m = JSON.parse(event.data);
  switch (m.type) {
    case 'welcome': {
      const notice = resume && !m.resumed ? 'The earlier session had ended; this is a new one.' : '';
      attempt = 0; resume = m.resume; sessionStorage.setItem('tessera-resume', resume);
      const list = document.getElementById('dashboards'); list.replaceChildren();
      m.dashboards.forEach(d => { const o = el('option', '', d.title); o.value = d.id; o.selected = d.id === m.dashboard; list.append(o); });
      banner(notice);
      break;
    }
    case 'snapshot': roots.forEach(r => { r.replaceChildren(); r.kids = []; }); m.ops.forEach(applyOp); break;
    case 'ops': m.ops.forEach(applyOp); break;
    case 'release': m.buffers.forEach(id => buffers.delete(id)); break;
    case 'status': document.getElementById('status').textContent = m.running ? 'running…' : 'ready'; break;
    case 'error': console.warn('tessera:', m.code, m.message); break;
  }
}

function banner(text) { const b = document.getElementById('banner'); b.textContent = text; b.hidden = !text; }

function connect() {
  const url = new URL('/ws', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token');
  if (token) url.searchParams.set('token', token);
  socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => {
    banner('');
    const hello = { type: 'hello', protocol: [1] };
    const mirror = new URLSearchParams(location.search).has('mirror');
    if (mirror) hello.mirror = true;
    const dashboard = new URLSearchParams(location.search).get('dashboard');
    if (dashboard) hello.dashboard = dashboard;
    if (resume) hello.resume = resume;
    send(hello);
  };
  socket.onmessage = onMessage;
  socket.onclose = () => {
    banner('Reconnecting…');
    setTimeout(connect, Math.min(10000, 250 * 2 ** attempt++));
  };
}

document.getElementById('rerun').onclick = () => send({ type: 'rerun' });
document.getElementById('stop').onclick = () => send({ type: 'stop' });
document.getElementById('dashboards').onchange = e => send({ type: 'dashboard', id: e.target.value });
connect();
