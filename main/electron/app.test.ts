import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
import { PDF_CHANNEL } from './pdf';
import { PRIVILEGED_SCHEMES } from './protocol';

type Fn = (...args: unknown[]) => unknown;
const silentLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

// Just enough of Electron for startDesktop: records what the app asked for, in order.
function fakeElectron(options: { lock?: boolean; isPackaged?: boolean; userData: string }) {
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
    readonly webContents = { id: 11 + FakeWindow.all.length };
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
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
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn((_title: string, _message: string) => calls.push('showErrorBox')),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    },
    ipcMain: { handle: vi.fn((channel: string, listener: Fn) => void ipcHandlers.set(channel, listener)) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (t: string) => Buffer.from(t), decryptString: (b: Buffer) => b.toString() },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
  return { electron, api: electron as unknown as ElectronApi, calls, emit, windows: FakeWindow.all, ipcHandlers };
}

function fakeCore() {
  return {
    deps: { log: silentLog },
    db: {},
    call: vi.fn(async () => ({ ok: true, value: 'ok' })),
    close: vi.fn(),
  } as unknown as Core & { call: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> };
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

function deps(over: Partial<DesktopDeps> = {}): DesktopDeps & { createCore: ReturnType<typeof vi.fn>; seedDemo: ReturnType<typeof vi.fn> } {
  return {
    argv: ['.'],
    appRoot,
    preloadPath: '/app/dist/main/electron/preload.js',
    createCore: vi.fn(() => fakeCore()),
    seedDemo: vi.fn(async () => ({ complaints: 300, users: 8, password: 'demo-tanggap' })),
    ...over,
  } as never;
}

describe('desktop start-up', () => {
  it('registers the app scheme and the sandbox before Electron is ready', async () => {
    const f = fakeElectron({ userData });
    await startDesktop(f.api, deps());
    expect(f.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    expect(f.calls.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'whenReady']);
    expect(f.electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'id');
  });

  it('opens one hardened window on app://tanggap with the core behind IPC', async () => {
    const f = fakeElectron({ userData });
    const d = deps();
    await startDesktop(f.api, d);

    expect(d.createCore).toHaveBeenCalledWith({ dataDir: userData, nativeBinding: undefined, keyVault: expect.objectContaining({ load: expect.any(Function) }) });
    expect(d.seedDemo).not.toHaveBeenCalled();
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
    expect([...f.ipcHandlers.keys()]).toEqual([INVOKE_CHANNEL, PDF_CHANNEL]);
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

  it('trusts IPC from its window until the window closes, then closes the database on quit', async () => {
    const f = fakeElectron({ userData });
    const core = fakeCore();
    await startDesktop(f.api, deps({ createCore: () => core }));
    const [win] = f.windows;
    const mainFrame = { processId: 3, routingId: 1, url: 'app://tanggap/index.html', parent: null };
    const event = { sender: { id: win!.webContents.id, mainFrame }, senderFrame: mainFrame };
    const invoke = f.ipcHandlers.get(INVOKE_CHANNEL)!;

    expect(await invoke(event, 'setup.status', {})).toEqual({ ok: true, value: 'ok' });
    expect(core.call).toHaveBeenCalledTimes(1);
    win!.listeners.get('closed')!();
    expect(await invoke(event, 'setup.status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.call).toHaveBeenCalledTimes(1);

    expect(core.close).not.toHaveBeenCalled();
    f.emit('will-quit');
    expect(core.close).toHaveBeenCalled();
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

  it('--demo uses its own folder under user data and seeds it', async () => {
    const f = fakeElectron({ userData });
    const d = deps({ argv: ['.', '--demo'] });
    await startDesktop(f.api, d);
    expect(d.createCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir: join(userData, 'demo') }));
    expect(d.seedDemo).toHaveBeenCalledTimes(1);
  });

  it('--data wins over user data', async () => {
    const f = fakeElectron({ userData });
    const d = deps({ argv: ['--data', 'kantor-data', '--demo'] });
    await startDesktop(f.api, d);
    expect(d.createCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir: resolve('kantor-data') }));
  });

  it('loads the Electron build of better-sqlite3 when prestart made one', async () => {
    const native = join(appRoot, ELECTRON_NATIVE_BINDING);
    mkdirSync(join(native, '..'), { recursive: true });
    writeFileSync(native, '');
    const f = fakeElectron({ userData });
    const d = deps();
    await startDesktop(f.api, d);
    expect(d.createCore).toHaveBeenCalledWith(expect.objectContaining({ nativeBinding: native }));
    // the installer's node_modules is rebuilt for Electron by electron-builder instead
    expect(electronNativeBinding(appRoot, true)).toBeUndefined();
  });

  it('shows an Indonesian error box and quits when the database cannot be opened', async () => {
    const f = fakeElectron({ userData });
    const message = 'Basis data ini dibuat oleh Tanggap versi yang lebih baru (skema 9, aplikasi ini mengenal sampai 3).';
    await startDesktop(f.api, deps({ createCore: () => { throw new Error(message); } }));
    expect(f.electron.dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, message);
    expect(STARTUP_ERROR_TITLE).toBe('Tanggap tidak dapat dibuka');
    expect(f.calls.slice(-2)).toEqual(['showErrorBox', 'quit']);
    expect(f.windows).toHaveLength(0);
  });

  it('says how to build the renderer when it is missing', async () => {
    rmSync(join(appRoot, 'dist', 'renderer'), { recursive: true });
    const f = fakeElectron({ userData });
    const d = deps();
    await startDesktop(f.api, d);
    expect(f.electron.dialog.showErrorBox).toHaveBeenCalledWith(STARTUP_ERROR_TITLE, expect.stringContaining('npm run build'));
    expect(d.createCore).not.toHaveBeenCalled();
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
