// SPDX-License-Identifier: GPL-3.0-or-later
// The viewer page: connects to the bridge, keeps the page the server sends, and sends what
// the person does. Resumes its session after a lost connection (sessionStorage holds the
// resume token).
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { redrawCharts } from './chart';
import { el } from './dom';
import { Page } from './page';
import { Buffers, ClientMessage, PROTOCOL_VERSION, ServerMessage } from './protocol';

const RESUME_KEY = 'tessera-resume';
const THEME_KEY = 'tessera-theme';

/// Light or dark: the system's choice until the toggle picks one (remembered).
function setUpTheme(button: HTMLButtonElement): void {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const current = () => localStorage.getItem(THEME_KEY) ?? (dark.matches ? 'dark' : 'light');
  const show = () => {
    document.documentElement.dataset.theme = current();
    button.textContent = current() === 'dark' ? 'Light theme' : 'Dark theme';
    redrawCharts();
  };
  button.onclick = () => {
    localStorage.setItem(THEME_KEY, current() === 'dark' ? 'light' : 'dark');
    show();
  };
  dark.addEventListener('change', show);
  show();
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

class Viewer {
  private socket: WebSocket | null = null;
  private buffers = new Buffers();
  private page = new Page(byId('main'), byId('sidebar'), this.buffers, (id, value) =>
    this.send({ type: 'widget', id, value }),
  );
  private resume = sessionStorage.getItem(RESUME_KEY) ?? '';
  private attempt = 0;

  start(): void {
    byId<HTMLButtonElement>('rerun').onclick = () => this.send({ type: 'rerun' });
    byId<HTMLButtonElement>('stop').onclick = () => this.send({ type: 'stop' });
    const list = byId<HTMLSelectElement>('dashboards');
    list.onchange = () => this.send({ type: 'dashboard', id: list.value });
    setUpTheme(byId<HTMLButtonElement>('theme'));
    this.connect();
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    const query = new URLSearchParams(location.search);
    const url = new URL('/ws', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = query.get('token');
    if (token) url.searchParams.set('token', token);
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      this.banner('');
      const hello: ClientMessage = { type: 'hello', protocol: [PROTOCOL_VERSION] };
      if (query.has('mirror')) hello.mirror = true;
      const dashboard = query.get('dashboard');
      if (dashboard) hello.dashboard = dashboard;
      if (this.resume) hello.resume = this.resume;
      this.send(hello);
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => {
      this.banner('Reconnecting…');
      setTimeout(() => this.connect(), Math.min(10_000, 250 * 2 ** this.attempt++));
    };
    this.socket = socket;
  }

  private receive(data: string | ArrayBuffer): void {
    if (typeof data !== 'string') {
      this.buffers.receive(data);
      return;
    }
    const m = JSON.parse(data) as ServerMessage;
    switch (m.type) {
      case 'welcome': {
        const notice = this.resume && !m.resumed ? 'The earlier session had ended; this is a new one.' : '';
        this.attempt = 0;
        this.resume = m.resume;
        sessionStorage.setItem(RESUME_KEY, m.resume);
        const list = byId<HTMLSelectElement>('dashboards');
        list.replaceChildren(
          ...m.dashboards.map((d) => {
            const o = el('option', '', d.title);
            o.value = d.id;
            o.selected = d.id === m.dashboard;
            return o;
          }),
        );
        this.banner(notice);
        break;
      }
      case 'snapshot':
        this.page.clear();
        m.ops.forEach((op) => this.page.apply(op));
        break;
      case 'ops':
        m.ops.forEach((op) => this.page.apply(op));
        break;
      case 'release':
        this.buffers.release(m.buffers);
        break;
      case 'status':
        byId('status').textContent = m.running ? 'running…' : 'ready';
        break;
      case 'error':
        console.warn('tessera:', m.code, m.message);
        break;
    }
  }

  private banner(text: string): void {
    const b = byId('banner');
    b.textContent = text;
    b.hidden = !text;
  }
}

new Viewer().start();
