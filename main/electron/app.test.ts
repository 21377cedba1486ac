import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, type ClientEvent } from '../../shared/events';
import type { FromHost, ToHost } from '../host/protocol';
import { ADMIN, addUser, setupOffice } from '../../test/support/core';
import { forkUtility, type ForkedUtility } from '../../test/support/utilityProcess';
import type { Core } from '../core';
import {
  dataDirFor,
  ELECTRON_NATIVE_BINDING,
  electronNativeBinding,
  startDesktop,
  startupErrorMessage,
  STARTUP_ERROR_TITLE,
  type DesktopDeps,
  type ElectronApi,
} from './app';
import { INVOKE_CHANNEL } from './ipc';
import { NAVIGATE_CHANNEL, NOTIFICATION_TITLE } from './notify';
import { PDF_CHANNEL } from './pdf';
import { PRIVILEGED_SCHEMES } from './protocol';
import { LEAVE_QUESTION } from './window';

type Fn = (...args: unknown[]) => unknown;

// The host process as the app sees it (a utilityProcess), answering in this process:
// a login sets a token, a logout clears it, every other call answers 'ok'.
// held: the start is answered only when the test calls release().
type HostScript = { startFailure?: string; dieAtStart?: number; held?: { release?: () => void } };
function fakeHostChild(script: HostScript = {}) {
  const emitter = new EventEmitter();
  const received: ToHost[] = [];
  let logins = 0;
  const reply = (m: FromHost) => queueMicrotask(() => emitter.emit('message', m));
  const child = {
    received,
    emitEvent: (windowId: number, event: ClientEvent) => reply({ type: 'event', windowId, event }),
    postMessage(m: ToHost) {
      received.push(m);
      if (m.type === 'start') {
        if (script.dieAtStart !== undefined) return void queueMicrotask(() => emitter.emit('exit', script.dieAtStart));
        const answer: FromHost = script.startFailure ? { type: 'startFailed', message: script.startFailure } : { type: 'ready' };
        if (script.held) return void (script.held.release = () => reply(answer));
        return reply(answer);
      }
      if (m.type === 'call') {
        const token = m.name === 'auth.login' ? `token-${++logins}` : m.name === 'auth.logout' ? null : m.token;
        return reply({ type: 'result', id: m.id, result: { ok: true, value: m.name === 'auth.login' ? { username: 'staf' } : 'ok' }, token });
      }
      if (m.type === 'close') {
        reply({ type: 'closed' });
        queueMicrotask(() => emitter.emit('exit', 0));
      }
    },
    on(event: string, listener: Fn) {
      emitter.on(event, listener);
      return child;
    },
    kill: vi.fn(() => true),
  };
  return child;
}

// Just enough of Electron for startDesktop: records what the app asked for, in order.
function fakeElectron(options: { lock?: boolean; isPackaged?: boolean; userData: string; host?: HostScript; realHost?: boolean }) {
  const calls: string[] = [];
  const appListeners = new Map<string, Fn[]>();
  const emit = (name: string, ...args: unknown[]) => (appListeners.get(name) ?? []).forEach((l) => l(...args));
  const app = {
    isPackaged: options.isPackaged ?? false,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    commandLine: { appendSwitch: vi.fn() },
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    quit: vi.fn(() => calls.push('quit')),
    on: vi.fn((name: string, listener: Fn) => void appListeners.set(name, [...(appListeners.get(name) ?? []), listener])),
    whenReady: vi.fn(async () => void calls.push('whenReady')),
    getPath: vi.fn((name: string) => (name === 'userData' ? options.userData : '/nowhere')),
  };

  class FakeWindow {
    static all: FakeWindow[] = [];
    readonly listeners = new Map<string, Fn>();
    readonly webContents = { id: 11 + FakeWindow.all.length, send: vi.fn(), getURL: vi.fn(() => 'app://tanggap/tugas') };
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    destroyed = false;
    isDestroyed = () => this.destroyed;
    destroy = vi.fn(() => {
      this.destroyed = true;
      calls.push('destroyWindow');
    });
    loadURL = vi.fn(async (_url: string) => undefined);
    static fromWebContents = vi.fn((contents: { id: number }) => FakeWindow.all.find((w) => w.webContents.id === contents.id) ?? null);
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.all.push(this);
    }
    once(name: string, listener: Fn) {
      this.listeners.set(name, listener);
      return this;
    }
    on(name: string, listener: Fn) {
      this.listeners.set(name, listener);
      return this;
    }
  }

  const ipcHandlers = new Map<string, Fn>();
  const children: ReturnType<typeof fakeHostChild>[] = [];
  const realChildren: ForkedUtility[] = [];
  class FakeNotification {
    static all: FakeNotification[] = [];
    static isSupported = vi.fn(() => true);
    readonly listeners = new Map<string, Fn>();
    show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      FakeNotification.all.push(this);
    }
    on(name: string, listener: Fn) {
      this.listeners.set(name, listener);
      return this;
    }
  }
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn((_title: string, _message: string) => calls.push('showErrorBox')),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showMessageBoxSync: vi.fn((..._args: unknown[]) => 1),
    },
    ipcMain: { handle: vi.fn((channel: string, listener: Fn) => void ipcHandlers.set(channel, listener)) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (t: string) => Buffer.from(t), decryptString: (b: Buffer) => b.toString() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setCertificateVerifyProc: vi.fn() } },
    shell: { openExternal: vi.fn(async () => undefined) },
    Notification: FakeNotification,
    utilityProcess: {
      fork: vi.fn((modulePath: string, args: string[]) => {
        calls.push('fork');
        if (options.realHost) {
          const child = forkUtility(modulePath, args);
          realChildren.push(child);
          return child;
        }
        const child = fakeHostChild(options.host);
        children.push(child);
        return child;
      }),
    },
  };
  return {
    electron,
    api: electron as unknown as ElectronApi,
    calls,
    emit,
    windows: FakeWindow.all,
    notifications: FakeNotification.all,
    ipcHandlers,
    children,
    realChildren,
  };
}

let appRoot: string;
let userData: string;
beforeEach(() => {
  appRoot = mkdtempSync(join(tmpdir(), 'tanggap-app-'));
  userData = join(appRoot, 'userData');
  mkdirSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html>');
});
afterEach(() => rmSync(appRoot, { recursive: true, force: true }));

function deps(over: Partial<DesktopDeps> = {}): DesktopDeps {
  return {
    argv: ['.'],
    appRoot,
    preloadPath: '/app/dist/main/electron/preload.js',
    hostEntryPath: '/app/dist/main/host/entry.js',
    ...over,
  };
}

const startMessage = (f: ReturnType<typeof fakeElectron>) => f.children[0]!.received.find((m) => m.type === 'start');

describe('desktop start-up', () => {
  it('registers the app scheme and the sandbox before Electron is ready', async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    expect(f.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    expect(f.calls.slice(0, 4)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'whenReady', 'fork']);
    expect(f.electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'id');
  });

  it('opens one hardened window on app://tanggap with the host process behind IPC', async () => {
    const f = fakeElectron({ userData });
    const d = deps();
    await startDesktop(f.api, d);

    expect(f.electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    // The host's code cache in the user's folder (the bundle's own folder is the read-only app.asar).
    const forkEnv = { env: expect.objectContaining({ TANGGAP_CODE_CACHE: join(userData, 'kode-inti.v8') }) };
    expect(f.electron.utilityProcess.fork).toHaveBeenCalledWith('/app/dist/main/host/entry.js', [], expect.objectContaining({ serviceName: 'Tanggap inti', ...forkEnv }));
    expect(startMessage(f)).toEqual({
      type: 'start',
      options: { dataDir: userData, rendererDir: join(appRoot, 'dist', 'renderer'), demo: false, nativeBinding: undefined, auditKeyHex: null },
    });
    expect(f.windows).toHaveLength(1);
    const [win] = f.windows;
    expect(win!.options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      title: 'Tanggap',
      show: false,
      webPreferences: { preload: '/app/dist/main/electron/preload.js', contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(win!.loadURL).toHaveBeenCalledWith('app://tanggap/index.html');
    expect(win!.show).not.toHaveBeenCalled();
    win!.listeners.get('ready-to-show')!();
    expect(win!.show).toHaveBeenCalled();

    expect(f.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(f.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(f.electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(f.electron.Menu.setApplicationMenu).toHaveBeenCalled();
    expect([...f.ipcHandlers.keys()]).toEqual(expect.arrayContaining([INVOKE_CHANNEL, PDF_CHANNEL]));
  });

  it('opens the window while the host starts: the page\'s calls wait for the host', async () => {
    const held: { release?: () => void } = {};
    const f = fakeElectron({ userData, host: { held } });
    const started = startDesktop(f.api, deps());
    await vi.waitFor(() => expect(f.windows).toHaveLength(1));
    const [win] = f.windows;
    expect(win!.loadURL).toHaveBeenCalledWith('app://tanggap/index.html');
    const host = f.children[0]!;
    expect(held.release).toBeDefined();

    const mainFrame = { processId: 3, routingId: 1, url: 'app://tanggap/index.html', parent: null };
    const event = { sender: { id: win!.webContents.id, mainFrame }, senderFrame: mainFrame };
    const invoke = f.ipcHandlers.get(INVOKE_CHANNEL)!;
    let answered = false;
    const status = Promise.resolve(invoke(event, 'setup.status', {})).then((r) => ((answered = true), r));
    const login = invoke(event, 'auth.login', { username: 'staf', password: 'x' });
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    expect(host.received.map((m) => m.type)).toEqual(['start']);

    held.release!();
    expect(await status).toEqual({ ok: true, value: 'ok' });
    expect(await login).toEqual({ ok: true, value: { username: 'staf' } });
    await started;
    // The calls went in the order the page made them, and the session's events were
    // asked for with its token.
    expect(host.received.filter((m) => m.type === 'call').map((m) => (m as { name: string }).name)).toEqual(['setup.status', 'auth.login']);
    await vi.waitFor(() => expect(host.received.at(-1)).toEqual({ type: 'watch', windowId: win!.webContents.id, token: 'token-1' }));
    expect(f.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(win!.destroy).not.toHaveBeenCalled();
  });

  it('quitting while the host starts closes it once it is open, then quits', async () => {
    const held: { release?: () => void } = {};
    const f = fakeElectron({ userData, host: { held } });
    const started = startDesktop(f.api, deps());
    await vi.waitFor(() => expect(held.release).toBeDefined());
    const quitting = { preventDefault: vi.fn() };
    f.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 20));
    expect(f.calls).not.toContain('quit');
    held.release!();
    await started;
    await vi.waitFor(() => expect(f.children[0]!.received.at(-1)).toEqual({ type: 'close' }));
    await vi.waitFor(() => expect(f.calls.at(-1)).toBe('quit'));
  });

  it('saves a PDF only for its own window, with the dialog modal to it and opening in Documents', async () => {
    const f = fakeElectron({ userData });
    f.electron.app.getPath.mockImplementation((name: string) => (name === 'documents' ? '/home/staf/Dokumen' : userData));
    await startDesktop(f.api, deps());
    const [win] = f.windows;
    const mainFrame = { processId: 3, routingId: 1, url: 'app://tanggap/dokumen/4', parent: null };
    const printToPDF = vi.fn(async () => Buffer.from('%PDF'));
    const event = { sender: { id: win!.webContents.id, mainFrame, printToPDF }, senderFrame: mainFrame };
    const savePdf = f.ipcHandlers.get(PDF_CHANNEL)!;
    const request = { fileName: 'Lembar disposisi', pageSize: { widthMm: 215, heightMm: 165 } };

    expect(await savePdf(event, request)).toMatchObject({ ok: false, code: 'cancelled' });
    expect(printToPDF).toHaveBeenCalledTimes(1);
    expect(f.electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ defaultPath: join('/home/staf/Dokumen', 'Lembar disposisi.pdf') }),
    );

    win!.listeners.get('closed')!();
    expect(await savePdf(event, request)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(printToPDF).toHaveBeenCalledTimes(1);
  });

  it('trusts IPC from its window until the window closes, then closes the host on quit', async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    const [win] = f.windows;
    const host = f.children[0]!;
    const mainFrame = { processId: 3, routingId: 1, url: 'app://tanggap/index.html', parent: null };
    const event = { sender: { id: win!.webContents.id, mainFrame }, senderFrame: mainFrame };
    const invoke = f.ipcHandlers.get(INVOKE_CHANNEL)!;
    const callsToHost = () => host.received.filter((m) => m.type === 'call');

    expect(await invoke(event, 'setup.status', {})).toEqual({ ok: true, value: 'ok' });
    expect(callsToHost()).toHaveLength(1);
    // The session lives in this process: the host gets its token with each call, the page never does.
    expect(await invoke(event, 'auth.login', { username: 'staf', password: 'x' })).toEqual({ ok: true, value: { username: 'staf' } });
    expect(host.received.at(-1)).toEqual({ type: 'watch', windowId: win!.webContents.id, token: 'token-1' });
    await invoke(event, 'tasks.mine', {});
    expect(callsToHost().at(-1)).toMatchObject({ name: 'tasks.mine', token: 'token-1' });

    win!.listeners.get('closed')!();
    expect(await invoke(event, 'setup.status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await vi.waitFor(() => expect(callsToHost().at(-1)).toMatchObject({ name: 'auth.logout', token: 'token-1' }));
    expect(host.received).toContainEqual({ type: 'unwatch', windowId: win!.webContents.id });

    expect(host.received.some((m) => m.type === 'close')).toBe(false);
    const quitting = { preventDefault: vi.fn() };
    f.emit('will-quit', quitting);
    // Quitting waits for the host to close the database, then quits for good.
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(host.received.at(-1)).toEqual({ type: 'close' }));
    await vi.waitFor(() => expect(f.calls.at(-1)).toBe('quit'));
    const again = { preventDefault: vi.fn() };
    f.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it("sends the host's events to the window they were made for, with a notification for what is addressed to the user", async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    const [win] = f.windows;
    const host = f.children[0]!;
    const event = (over: Partial<ClientEvent>): ClientEvent => ({
      kind: 'queues.changed',
      at: '2026-11-30T01:00:00.000Z',
      complaintId: null,
      registerNo: null,
      message: 'Antrean berubah.',
      forMe: false,
      ...over,
    });

    host.emitEvent(win!.webContents.id, event({}));
    await vi.waitFor(() => expect(win!.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, event({})));
    expect(f.notifications).toHaveLength(0);

    // Another window's event (one since closed) goes nowhere.
    host.emitEvent(99, event({ forMe: true }));
    const disposition = event({ kind: 'disposition.new', complaintId: 12, registerNo: '12/PGD/2026', message: 'Disposisi baru 12/PGD/2026: Segera.', forMe: true });
    host.emitEvent(win!.webContents.id, disposition);
    await vi.waitFor(() => expect(f.notifications).toHaveLength(1));
    expect(win!.webContents.send).toHaveBeenCalledTimes(2);
    const [shown] = f.notifications;
    expect(shown!.options).toMatchObject({ title: NOTIFICATION_TITLE, body: 'Disposisi baru 12/PGD/2026: Segera.' });
    expect(shown!.show).toHaveBeenCalled();
    shown!.listeners.get('click')!();
    expect(win!.focus).toHaveBeenCalled();
    expect(win!.webContents.send).toHaveBeenLastCalledWith(NAVIGATE_CHANNEL, '/pengaduan/12');

    // A window showing another page (blocked by the navigation guard anyway) gets nothing.
    win!.webContents.getURL.mockReturnValue('https://evil.example/');
    host.emitEvent(win!.webContents.id, event({}));
    await new Promise((r) => setTimeout(r, 10));
    expect(win!.webContents.send).toHaveBeenCalledTimes(3);
  });

  it('with the real host process: login then tasks over IPC, the token never in the page, quit ends the host', async () => {
    const f = fakeElectron({ userData, realHost: true });
    await startDesktop(f.api, deps({ hostEntryPath: join(__dirname, '..', 'host', 'entry.ts') }));
    expect(f.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    const [win] = f.windows;
    const mainFrame = { processId: 3, routingId: 1, url: 'app://tanggap/index.html', parent: null };
    const event = { sender: { id: win!.webContents.id, mainFrame }, senderFrame: mainFrame };
    const invoke = f.ipcHandlers.get(INVOKE_CHANNEL)! as (e: unknown, name: string, input: unknown) => Promise<unknown>;
    // The page's view of the core: what invoke returns, nothing else.
    const page: Core = { call: (name: unknown, input: unknown) => invoke(event, name as string, input) } as unknown as Core;
    const pageSession = { token: null, setToken: vi.fn() };

    expect(await invoke(event, 'setup.status', {})).toEqual({ ok: true, value: { needsSetup: true, officeName: '' } });
    const admin = await setupOffice(page);
    await addUser(page, admin, 'staf', 'staf');
    expect(await invoke(event, 'auth.logout', {})).toEqual({ ok: true, value: { ok: true } });
    const login = await invoke(event, 'auth.login', { username: 'staf', password: 'kata-sandi-123' });
    expect(login).toMatchObject({ ok: true, value: { username: 'staf', role: 'staf' } });
    expect(await invoke(event, 'tasks.mine', {})).toEqual({ ok: true, value: [] });
    // setupOffice's carriers were never handed a token: the session is kept by the main process.
    expect(admin.token).toBeNull();
    expect(pageSession.setToken).not.toHaveBeenCalled();
    expect(JSON.stringify(login)).not.toMatch(/token/i);
    expect(await invoke(event, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ADMIN.username).toBe('admin');

    const quitting = { preventDefault: vi.fn() };
    f.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    expect(await f.realChildren[0]!.exited).toBe(0);
    await vi.waitFor(() => expect(f.calls.at(-1)).toBe('quit'));
  });

  it('hardens every webContents the app creates', async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    const on = vi.fn();
    const setWindowOpenHandler = vi.fn();
    f.emit('web-contents-created', {}, { on, setWindowOpenHandler });
    expect(on.mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['will-navigate', 'will-attach-webview']));
    expect(setWindowOpenHandler).toHaveBeenCalled();
  });

  it('asks before a page with unsaved edits is reloaded or closed, and lets it go only when told to', async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    const win = f.windows[0]!;
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
    f.emit('web-contents-created', {}, { id: win.webContents.id, on: (name: string, fn: (event: { preventDefault(): void }) => void) => handlers.set(name, fn), setWindowOpenHandler: vi.fn() });
    const unload = handlers.get('will-prevent-unload')!;
    const ask = f.electron.dialog.showMessageBoxSync;
    ask.mockReturnValueOnce(1);
    const stay = { preventDefault: vi.fn() };
    unload(stay);
    // Modal to the page's own window, in Indonesian, "Tetap di sini" the default.
    expect(ask).toHaveBeenLastCalledWith(win, LEAVE_QUESTION);
    expect(LEAVE_QUESTION).toMatchObject({ title: 'Perubahan belum disimpan', buttons: ['Tinggalkan tanpa menyimpan', 'Tetap di sini'], defaultId: 1, cancelId: 1 });
    expect(stay.preventDefault).not.toHaveBeenCalled();
    ask.mockReturnValueOnce(0);
    const leave = { preventDefault: vi.fn() };
    unload(leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });

  it('--demo uses its own folder under user data and has the host seed it', async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps({ argv: ['.', '--demo'] }));
    expect(startMessage(f)).toMatchObject({ options: { dataDir: join(userData, 'demo'), demo: true } });
  });

  it('--data wins over user data', async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps({ argv: ['--data', 'kantor-data', '--demo'] }));
    expect(startMessage(f)).toMatchObject({ options: { dataDir: resolve('kantor-data') } });
  });

  it('loads the Electron build of better-sqlite3 when prestart made one', async () => {
    const native = join(appRoot, ELECTRON_NATIVE_BINDING);
    mkdirSync(join(native, '..'), { recursive: true });
    writeFileSync(native, '');
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    expect(startMessage(f)).toMatchObject({ options: { nativeBinding: native } });
    // the installer's node_modules is rebuilt for Electron by electron-builder instead
    expect(electronNativeBinding(appRoot, true)).toBeUndefined();
  });

  it('shows an Indonesian error box and quits when the host cannot open the database', async () => {
    const message = 'Basis data ini dibuat oleh Tanggap versi yang lebih baru (skema 9, aplikasi ini mengenal sampai 3).';
    const f = fakeElectron({ userData, host: { startFailure: message } });
    await startDesktop(f.api, deps());
    expect(f.electron.dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, message);
    expect(STARTUP_ERROR_TITLE).toBe('Tanggap tidak dapat dibuka');
    // The window opened while the host was starting is gone before the box shows.
    expect(f.calls.slice(-3)).toEqual(['destroyWindow', 'showErrorBox', 'quit']);
    expect(f.windows).toHaveLength(1);
    expect(f.children[0]!.kill).toHaveBeenCalled();
  });

  it('tries a host that dies while opening once more, then shows the error box', async () => {
    const f = fakeElectron({ userData, host: { dieAtStart: 139 } });
    await startDesktop(f.api, deps());
    expect(f.electron.utilityProcess.fork).toHaveBeenCalledTimes(2);
    expect(f.electron.dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, expect.stringMatching(/^Proses inti Tanggap berhenti saat dibuka \(kode 139\)/));
    expect(f.windows.map((w) => w.destroyed)).toEqual([true]);
  });

  it('says how to build the renderer when it is missing', async () => {
    rmSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    expect(f.electron.dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, expect.stringContaining('npm run build'));
    expect(f.electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('a second instance focuses the first instead of opening', async () => {
    const f = fakeElectron({ userData, lock: false });
    await startDesktop(f.api, deps());
    expect(f.electron.app.quit).toHaveBeenCalled();
    expect(f.electron.app.whenReady).not.toHaveBeenCalled();

    const first = fakeElectron({ userData });
    await startDesktop(first.api, deps());
    first.emit('second-instance');
    expect(first.windows[0]!.focus).toHaveBeenCalled();
  });
});

describe('start-up helpers', () => {
  it('data folder: --data, else user data, with demo apart', () => {
    expect(dataDirFor({ dataDir: '/srv/tanggap', demo: true }, '/u')).toBe('/srv/tanggap');
    expect(dataDirFor({ dataDir: null, demo: false }, '/u')).toBe('/u');
    expect(dataDirFor({ dataDir: null, demo: true }, '/u')).toBe(join('/u', 'demo'));
  });

  it('explains a better-sqlite3 built for plain Node during development', () => {
    const err = new Error("The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115.");
    expect(startupErrorMessage(err, false)).toMatch(/rebuild-electron\.mjs/);
    expect(startupErrorMessage(err, true)).toBe(err.message);
    expect(startupErrorMessage('x', false)).toBe('x');
  });
});
