// SPDX-License-Identifier: GPL-3.0-or-later
// The viewer page: connects to the bridge, keeps the page the server sends, and sends what
// the person does. Resumes its session after a lost connection (sessionStorage holds the
// resume token).
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { noteMessageArrived, redrawCharts } from './chart';
import { redrawGrammarCharts } from './grammar/grammarview';
import { el } from './dom';
import { mark, measure } from './metrics';
import { Page } from './page';
import { Buffers, ClientMessage, PROTOCOL_VERSION, ServerMessage, Welcome } from './protocol';
import { Timeline } from './timeline';

const RESUME_KEY = 'tessera-resume';
const THEME_KEY = 'tessera-theme';

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/// Light or dark: the system's choice until the toggle picks one (remembered).
function setUpTheme(button: HTMLButtonElement): void {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const current = () => localStorage.getItem(THEME_KEY) ?? (dark.matches ? 'dark' : 'light');
  const show = () => {
    document.documentElement.dataset.theme = current();
    button.textContent = current() === 'dark' ? 'Light theme' : 'Dark theme';
    redrawCharts();
    redrawGrammarCharts();
  };
  button.onclick = () => {
    localStorage.setItem(THEME_KEY, current() === 'dark' ? 'light' : 'dark');
    show();
  };
  dark.addEventListener('change', show);
  show();
}

/// The address's ?token=, removed from the address (and so from history, bookmarks and
/// screen shares) with history.replaceState.
function takeTokenFromAddress(): string {
  const url = new URL(location.href);
  const token = url.searchParams.get('token') ?? '';
  if (token) {
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url);
  }
  return token;
}

function setUpTimeline(toggle: HTMLButtonElement, panel: HTMLElement): void {
  toggle.onclick = () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
  };
}

class Viewer {
  private socket: WebSocket | null = null;
  private buffers = new Buffers();
  private page = new Page(byId('main'), byId('sidebar'), {
    buffers: this.buffers,
    send: (id, value) => this.send({ type: 'widget', id, value }),
    upload: (id, files, problem) => void this.upload(id, files, problem),
  });
  private limits = { maxMessageBytes: 1 << 20, maxUploadBytes: 200 * 2 ** 20 };
  /// What to tell an uploader whose upload the server refuses, by the upload's ref.
  private uploadProblems = new Map<number, (message: string) => void>();
  private nextUpload = 1;
  private timeline = new Timeline(byId('timeline'));
  private resume = sessionStorage.getItem(RESUME_KEY) ?? '';
  private attempt = 0;
  private dashboard = '';
  private dashboards: Welcome['dashboards'] = [];
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private reloadFailed = false;
  /// The token the address brought, if any. It leaves the address bar at once (a cookie the
  /// server set carries it for reloads); the socket is opened with it from memory.
  private token = takeTokenFromAddress();

  start(): void {
    byId<HTMLButtonElement>('rerun').onclick = () => this.send({ type: 'rerun' });
    byId<HTMLButtonElement>('stop').onclick = () => this.send({ type: 'stop' });
    byId<HTMLButtonElement>('clear-cache').onclick = () => {
      this.send({ type: 'clearCache' });
      this.send({ type: 'rerun' });
    };
    setUpTheme(byId<HTMLButtonElement>('theme'));
    setUpTimeline(byId<HTMLButtonElement>('timeline-toggle'), byId('timeline'));
    this.timeline.clear();
    addEventListener('popstate', () => {
      const id = new URLSearchParams(location.search).get('dashboard');
      if (id && id !== this.dashboard) this.switchTo(id);
    });
    // R reruns and Esc stops, as in the window, unless a control has the keyboard.
    addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select')) return;
      if (event.key === 'r' || event.key === 'R') this.send({ type: 'rerun' });
      else if (event.key === 'Escape') this.send({ type: 'stop' });
    });
    this.connect();
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  /// An upload (docs/protocol.md): `upload` names the files, binary frames of at most the
  /// server's message size bring their bytes (u32 id length, the file's index, bytes), and
  /// `uploadDone` ends it. A lost connection ends it too; the server then changes nothing.
  private async upload(id: string, files: File[], problem: (message: string) => void): Promise<void> {
    const socket = this.socket;
    const lost = () => this.socket !== socket || socket?.readyState !== WebSocket.OPEN;
    if (!socket || lost()) return problem('Not connected: nothing was uploaded.');
    const ref = this.nextUpload++;
    this.uploadProblems.set(ref, problem);
    if (this.uploadProblems.size > 20) this.uploadProblems.delete(this.uploadProblems.keys().next().value!);
    const described = files.map((f) => ({ name: f.name, type: f.type, size: f.size }));
    socket.send(JSON.stringify({ type: 'upload', id, files: described, ref } satisfies ClientMessage));
    const chunk = Math.max(1024, this.limits.maxMessageBytes - 64);
    for (let index = 0; index < files.length; index++) {
      const bytes = new Uint8Array(await files[index].arrayBuffer());
      const name = new TextEncoder().encode(String(index));
      for (let at = 0; at < bytes.length; at += chunk) {
        if (lost()) return problem('The connection was lost during the upload: nothing was changed.');
        const part = bytes.subarray(at, at + chunk);
        const frame = new Uint8Array(4 + name.length + part.length);
        new DataView(frame.buffer).setUint32(0, name.length, true);
        frame.set(name, 4);
        frame.set(part, 4 + name.length);
        socket.send(frame);
        // Let the socket drain before queueing more, so a large file does not sit in memory twice.
        while (!lost() && socket.bufferedAmount > 4 * chunk) await new Promise((r) => setTimeout(r, 10));
      }
    }
    if (lost()) return problem('The connection was lost during the upload: nothing was changed.');
    socket.send(JSON.stringify({ type: 'uploadDone', id, ref } satisfies ClientMessage));
  }

  private connect(): void {
    const query = new URLSearchParams(location.search);
    const url = new URL('/ws', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.token) url.searchParams.set('token', this.token);
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      const hello: ClientMessage = { type: 'hello', protocol: [PROTOCOL_VERSION] };
      if (query.has('mirror')) hello.mirror = true;
      const dashboard = this.dashboard || query.get('dashboard');
      if (dashboard) hello.dashboard = dashboard;
      if (this.resume) hello.resume = this.resume;
      this.send(hello);
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      const wait = Math.min(10_000, 250 * 2 ** this.attempt++);
      this.banner(`Connection lost. Reconnecting… (next try in ${Math.ceil(wait / 1000)} s)`);
      this.status('Disconnected', false);
      setTimeout(() => this.connect(), wait);
    };
    this.socket = socket;
  }

  private receive(data: string | ArrayBuffer): void {
    noteMessageArrived(performance.now());
    if (typeof data !== 'string') {
      this.buffers.receive(data);
      return;
    }
    const m = JSON.parse(data) as ServerMessage;
    switch (m.type) {
      case 'welcome':
        this.welcome(m);
        break;
      case 'snapshot':
      case 'ops': {
        const start = performance.now();
        if (m.type === 'snapshot') this.page.clear();
        this.page.applyAll(m.ops);
        this.layout();
        // How long applying took, for the benchmarks (tests/e2e/bench.mjs).
        measure('tessera-apply', start, { ops: m.ops.length });
        break;
      }
      case 'release':
        this.buffers.release(m.buffers);
        break;
      case 'status':
        this.status(m.running ? 'Running…' : 'Ready', m.running);
        if (m.dashboard && m.dashboard !== this.dashboard) {
          this.dashboard = m.dashboard;
          this.showPages();
        }
        break;
      case 'groupStarted':
        this.page.startGroup();
        break;
      case 'groupFinished':
        mark('tessera-run-finished');
        this.timeline.show(m.record);
        break;
      case 'reloaded':
        // A new build of the dashboard's plugin: a failed one before it no longer matters.
        if (this.reloadFailed) this.banner('');
        this.reloadFailed = false;
        this.notice('A new build of this dashboard is loaded.', 'info');
        break;
      case 'error':
        // Open in another tab (a duplicated tab has the same token): this tab starts its
        // own session when the server closes this connection.
        if (m.code === 'session-in-use') {
          this.resume = '';
          sessionStorage.removeItem(RESUME_KEY);
        }
        // A new build that failed stays in view until a good one arrives.
        if (m.code === 'plugin-reload') {
          this.reloadFailed = true;
          this.banner(m.message);
        } else if (m.code === 'dashboard-stopped' || m.code === 'dashboard-failed') {
          // Its worker process stopped: why stays in view, what it wrote last one click away.
          const [why, ...lines] = m.message.split('\n\n');
          this.banner(why, lines.join('\n\n'));
        } else {
          this.notice(m.message);
        }
        if (typeof m.ref === 'number') this.uploadProblems.get(m.ref)?.(m.message);
        console.warn('tessera:', m.code, m.message);
        break;
    }
  }

  private welcome(m: Welcome): void {
    const fresh = this.resume && !m.resumed;
    this.attempt = 0;
    this.limits = {
      maxMessageBytes: m.limits?.maxMessageBytes ?? this.limits.maxMessageBytes,
      maxUploadBytes: m.limits?.maxUploadBytes ?? this.limits.maxUploadBytes,
    };
    this.resume = m.resume;
    this.dashboard = m.dashboard;
    // This connection's buffers (before its snapshot) number afresh: the old ones are gone.
    this.buffers.clear();
    sessionStorage.setItem(RESUME_KEY, m.resume);
    this.banner(
      fresh
        ? 'The earlier session had ended, so this is a new one: widgets are back to their defaults.'
        : m.mirror
          ? "Following the window's session: this page shows it and takes no input."
          : '',
    );
    document.body.classList.toggle('mirror', m.mirror);
    // Offered only where the server takes it: a button it refuses would only disappoint.
    byId('clear-cache').hidden = !(m.processActions ?? []).includes('clearCache');
    this.dashboards = m.mirror ? [] : m.dashboards;
    this.showPages();
    // A resumed session keeps its dashboard; an address that names another one switches.
    const wanted = new URLSearchParams(location.search).get('dashboard');
    if (wanted && wanted !== m.dashboard && this.dashboards.some((d) => d.id === wanted)) this.switchTo(wanted);
  }

  /// Asks for another dashboard. A failed build of the one shown is no news there: the
  /// server tells again if the new one's newest build failed too.
  private switchTo(id: string): void {
    if (this.reloadFailed) this.banner('');
    this.reloadFailed = false;
    this.send({ type: 'dashboard', id });
  }

  /// The dashboard list (when there are several) with the current one marked.
  private showPages(): void {
    const current = this.dashboards.find((d) => d.id === this.dashboard);
    document.title = current ? `${current.title} · Tessera` : 'Tessera';
    byId('pages').replaceChildren(
      ...(this.dashboards.length > 1 ? this.dashboards : []).map((d) => {
        const link = el('a', 'page-link', d.title);
        link.href = `?dashboard=${encodeURIComponent(d.id)}`;
        if (d.id === this.dashboard) link.setAttribute('aria-current', 'page');
        link.onclick = (event) => {
          event.preventDefault();
          if (d.id === this.dashboard) return;
          history.pushState(null, '', link.href);
          this.switchTo(d.id);
        };
        return link;
      }),
    );
    this.layout();
  }

  /// The side panel shows when it has a dashboard list or sidebar elements.
  private layout(): void {
    byId('side').hidden = !byId('pages').childElementCount && !byId('sidebar').childElementCount;
  }

  private status(text: string, running: boolean): void {
    byId('status-text').textContent = text;
    byId('status').classList.toggle('running', running);
    byId<HTMLButtonElement>('stop').disabled = !running;
  }

  /// A short note in the bar: an error's colours unless it is news (`info`).
  private notice(text: string, kind: 'error' | 'info' = 'error'): void {
    const notice = byId('notice');
    notice.textContent = text;
    notice.classList.toggle('info', kind === 'info');
    notice.hidden = false;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (notice.hidden = true), 8000);
  }

  /// Shows `text` above the page (nothing: hides it), with `details` folded under it.
  private banner(text: string, details = ''): void {
    const b = byId('banner');
    b.replaceChildren(text);
    if (details) {
      const fold = el('details', 'banner-details');
      const [summary, ...rest] = details.split('\n');
      fold.append(el('summary', '', summary.replace(/:$/, '')), el('pre', '', rest.join('\n')));
      b.append(fold);
    }
    b.hidden = !text;
  }
}

new Viewer().start();
