import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientConfig } from '../../shared/schemas/connect';
import { createCertificate } from '../host/certificate';
import { fingerprintOfPem } from '../host/fingerprint';
import { startDesktop, type DesktopDeps, type ElectronApi } from './app';
import {
  CERT_ACCEPT,
  CERT_DEFAULT,
  CERT_REJECT,
  CLIENT_CHANNEL,
  CLIENT_FILE,
  createCertificateVerifier,
  createClientMode,
  probeHost,
  readClientConfig,
  removeClientConfig,
  writeClientConfig,
  type ClientElectron,
} from './client';
import { INVOKE_CHANNEL } from './ipc';

type Fn = (...args: unknown[]) => unknown;
const silentLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

// Two real self-signed certificates (the LAN server's own kind): the pinned one and an impostor's.
const pinnedCert = createCertificate('Tanggap server kantor', ['127.0.0.1', 'localhost']);
const otherCert = createCertificate('Tanggap server kantor', ['127.0.0.1', 'localhost']);
const pinnedFingerprint = fingerprintOfPem(pinnedCert.cert);

const servers: Server[] = [];
async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// A TLS server answering like a Tanggap host: POST /api/setup.status with the x-tanggap header.
function tanggapHost(cert: { key: string; cert: string }, status: { needsSetup: boolean; officeName: string }) {
  return createHttpsServer(cert, (req, res) => {
    if (req.method === 'POST' && req.url === '/api/setup.status' && req.headers['x-tanggap'] === '1') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, value: status }));
      return;
    }
    res.statusCode = 404;
    res.end('tidak ada');
  });
}

let host: string;
let impostor: string;
beforeAll(async () => {
  host = await listen(tanggapHost(pinnedCert, { needsSetup: false, officeName: 'Kecamatan Pegantenan' }));
  impostor = await listen(tanggapHost(otherCert, { needsSetup: false, officeName: 'Kecamatan Pegantenan' }));
});
const openSockets: Socket[] = [];
afterAll(async () => {
  for (const socket of openSockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'tanggap-client-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('client.json', () => {
  it('keeps the pairing across a write and a read, and forgets it', () => {
    expect(readClientConfig(userData)).toEqual({ config: null, problem: null });
    const config: ClientConfig = { url: 'https://192.168.1.10:8443', fingerprint: pinnedFingerprint };
    writeClientConfig(userData, config);
    expect(JSON.parse(readFileSync(join(userData, CLIENT_FILE), 'utf8'))).toEqual(config);
    expect(readClientConfig(userData)).toEqual({ config, problem: null });
    removeClientConfig(userData);
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(false);
    expect(() => writeClientConfig(userData, { url: 'http://192.168.1.10:8443', fingerprint: pinnedFingerprint })).toThrow();
  });

  it('reports a corrupt file in Indonesian and ignores it', () => {
    const file = join(userData, CLIENT_FILE);
    const cases: Array<[string, RegExp]> = [
      ['{"url": "https://192.168.1.10:8443", "finger', /bukan JSON yang utuh/],
      [JSON.stringify({ url: 'https://192.168.1.10:8443', fingerprint: 'ab:cd' }), /fingerprint: Sidik jari sertifikat tidak dikenali/],
      [JSON.stringify({ url: 'http://192.168.1.10:8443', fingerprint: pinnedFingerprint }), /url: Alamat server harus berupa https/],
      [JSON.stringify({ url: 'https://192.168.1.10:8443/masuk', fingerprint: pinnedFingerprint }), /url: /],
    ];
    for (const [text, reason] of cases) {
      writeFileSync(file, text);
      const read = readClientConfig(userData);
      expect(read.config, text).toBeNull();
      expect(read.problem, text).toMatch(/^Berkas sambungan ke server kantor \(.*client\.json\) rusak dan diabaikan: /);
      expect(read.problem, text).toMatch(reason);
      expect(read.problem, text).toContain('Tanggap dibuka dengan data di komputer ini');
    }
    // Reported, not destroyed: the Admin can still look at it.
    expect(existsSync(file)).toBe(true);
  });
});

describe('certificate pinning', () => {
  const pin: ClientConfig = { url: 'https://192.168.1.10:8443', fingerprint: pinnedFingerprint };
  const verify = (paired: ClientConfig | null, hostname: string, cert: string) => {
    const mismatches: Array<string | null> = [];
    const results: number[] = [];
    createCertificateVerifier(() => paired, (found) => mismatches.push(found))({ hostname, certificate: { data: cert } }, (r) => results.push(r));
    return { result: results, mismatches };
  };

  it("accepts the paired server's pinned certificate", () => {
    expect(verify(pin, '192.168.1.10', pinnedCert.cert)).toEqual({ result: [CERT_ACCEPT], mismatches: [] });
  });

  it('refuses another certificate at the paired address, and says which one it was', () => {
    expect(verify(pin, '192.168.1.10', otherCert.cert)).toEqual({ result: [CERT_REJECT], mismatches: [fingerprintOfPem(otherCert.cert)] });
    expect(verify(pin, '192.168.1.10', 'not a certificate')).toEqual({ result: [CERT_REJECT], mismatches: [null] });
  });

  it("leaves every other host, and a PC without a pairing, to Chromium's own check", () => {
    expect(verify(pin, '192.168.1.11', pinnedCert.cert)).toEqual({ result: [CERT_DEFAULT], mismatches: [] });
    expect(verify(pin, 'www.lapor.go.id', otherCert.cert)).toEqual({ result: [CERT_DEFAULT], mismatches: [] });
    expect(verify(null, '192.168.1.10', pinnedCert.cert)).toEqual({ result: [CERT_DEFAULT], mismatches: [] });
  });

  it('matches an IPv6 or named host whatever its brackets and case', () => {
    expect(verify({ ...pin, url: 'https://[fe80::1]:8443' }, 'fe80::1', pinnedCert.cert).result).toEqual([CERT_ACCEPT]);
    expect(verify({ ...pin, url: 'https://server-kantor.lan:8443' }, 'SERVER-KANTOR.lan', otherCert.cert).result).toEqual([CERT_REJECT]);
  });
});

describe('probing the office server', () => {
  it("reads the certificate fingerprint and office of a real TLS server, trusting no CA", async () => {
    const result = await probeHost(`https://${host}`);
    expect(result).toEqual({ ok: true, value: { url: `https://${host}`, fingerprint: pinnedFingerprint, officeName: 'Kecamatan Pegantenan' } });
    const other = await probeHost(`https://${impostor}`);
    expect(other.ok && other.value.fingerprint).toBe(fingerprintOfPem(otherCert.cert));
  });

  it('explains in Indonesian what is wrong at the address', async () => {
    const messageOf = async (url: string, timeoutMs?: number) => {
      const r = await probeHost(url, timeoutMs);
      expect(r.ok, url).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    // Nobody listens: a port just closed.
    const closed = createTcpServer();
    const closedAt = await new Promise<string>((resolve) => closed.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(closed.address() as AddressInfo).port}`)));
    await new Promise((resolve) => closed.close(resolve));
    expect(await messageOf(`https://${closedAt}`)).toMatch(/Tidak ada server Tanggap di https:\/\/127\.0\.0\.1:\d+\. Pastikan/);

    const plain = await listen(createHttpServer((_req, res) => res.end('{}')));
    expect(await messageOf(`https://${plain}`)).toMatch(/menjawab tanpa https/);

    const web = await listen(createHttpsServer(otherCert, (_req, res) => res.end('<html>router</html>')));
    expect(await messageOf(`https://${web}`)).toMatch(/menjawab, tetapi bukan server Tanggap/);

    const fresh = await listen(tanggapHost(pinnedCert, { needsSetup: true, officeName: '' }));
    expect(await messageOf(`https://${fresh}`)).toMatch(/belum disiapkan/);

    // Accepts the connection and never answers the handshake.
    const silent = createTcpServer((socket) => void openSockets.push(socket));
    servers.push(silent as unknown as Server);
    const silentAt = await new Promise<string>((resolve) => silent.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(silent.address() as AddressInfo).port}`)));
    expect(await messageOf(`https://${silentAt}`, 300)).toMatch(/tidak menjawab dalam 1 detik/);
  });
});

// Just enough of Electron for client mode and startDesktop.
function fakeElectron() {
  const appListeners = new Map<string, Fn[]>();
  const emit = (name: string, ...args: unknown[]) => (appListeners.get(name) ?? []).forEach((l) => l(...args));
  const app = {
    isPackaged: true,
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    relaunch: vi.fn(),
    on: vi.fn((name: string, listener: Fn) => void appListeners.set(name, [...(appListeners.get(name) ?? []), listener])),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => (name === 'userData' ? userData : '/nowhere')),
  };
  class FakeWindow {
    static all: FakeWindow[] = [];
    readonly listeners = new Map<string, Fn>();
    readonly contentsListeners = new Map<string, Fn>();
    readonly webContents = {
      id: 21 + FakeWindow.all.length,
      on: (name: string, l: Fn) => void this.contentsListeners.set(name, l),
      reload: vi.fn(),
    };
    show = vi.fn();
    loadURL = vi.fn(async (_url: string) => undefined);
    static fromWebContents = vi.fn((contents: { id: number }) => FakeWindow.all.find((w) => w.webContents.id === contents.id) ?? null);
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.all.push(this);
    }
    once(name: string, l: Fn) {
      this.listeners.set(name, l);
      return this;
    }
    on(name: string, l: Fn) {
      this.listeners.set(name, l);
      return this;
    }
  }
  const ipcHandlers = new Map<string, Fn>();
  let verifyProc: ((request: unknown, callback: (r: number) => void) => void) | null = null;
  const menus: unknown[] = [];
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    },
    ipcMain: { handle: vi.fn((channel: string, listener: Fn) => void ipcHandlers.set(channel, listener)) },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn((menu: unknown) => void menus.push(menu)),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (t: string) => Buffer.from(t), decryptString: (b: Buffer) => b.toString() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setCertificateVerifyProc: vi.fn((proc: typeof verifyProc) => void (verifyProc = proc)),
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    utilityProcess: { fork: vi.fn() },
    Notification: class {},
  };
  return {
    electron,
    api: electron as unknown as ElectronApi & ClientElectron,
    emit,
    windows: FakeWindow.all,
    ipcHandlers,
    verify: (hostname: string, cert: string) =>
      new Promise<number>((resolve) => verifyProc!({ hostname, certificate: { data: cert } }, resolve)),
    lastMenu: () => (menus.at(-1) as { template: Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }> }).template,
  };
}

const deps = (argv: string[] = ['.']): DesktopDeps => ({
  argv,
  appRoot: userData,
  preloadPath: '/app/dist/main/electron/preload.js',
  hostEntryPath: '/app/dist/main/host/entry.js',
});

const menuItem = (template: ReturnType<ReturnType<typeof fakeElectron>['lastMenu']>, label: string) =>
  template.flatMap((m) => m.submenu ?? []).find((i) => i.label === label);

describe('the desktop app in client mode', () => {
  it('opens the paired server in a hardened window, pins its certificate and starts no core', async () => {
    const url = `https://${host}`;
    writeClientConfig(userData, { url, fingerprint: pinnedFingerprint });
    const f = fakeElectron();
    await startDesktop(f.api, deps());

    expect(f.electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(f.electron.protocol.handle).not.toHaveBeenCalled();
    expect(f.ipcHandlers.has(INVOKE_CHANNEL)).toBe(false);
    expect(f.windows).toHaveLength(1);
    const [win] = f.windows;
    expect(win!.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect(win!.loadURL).toHaveBeenCalledWith(`${url}/`);
    expect(f.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();

    expect(await f.verify('127.0.0.1', pinnedCert.cert)).toBe(CERT_ACCEPT);
    expect(f.electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(await f.verify('www.lapor.go.id', otherCert.cert)).toBe(CERT_DEFAULT);

    // The navigation guard lets this window show the server, and nothing beside it and the app.
    const on = vi.fn();
    f.emit('web-contents-created', {}, { on, setWindowOpenHandler: vi.fn() });
    const guard = on.mock.calls.find(([name]) => name === 'will-navigate')![1] as (e: { url: string; preventDefault(): void }) => void;
    const prevented = (target: string) => {
      const preventDefault = vi.fn();
      guard({ url: target, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    expect(prevented(`${url}/pengaduan/3`)).toBe(false);
    expect(prevented('app://tanggap/index.html')).toBe(false);
    expect(prevented('https://192.168.1.99:8443/')).toBe(true);
  });

  it('never accepts a changed certificate: it explains, and "Putuskan dari server" forgets the pairing', async () => {
    writeClientConfig(userData, { url: `https://${host}`, fingerprint: pinnedFingerprint });
    const f = fakeElectron();
    await startDesktop(f.api, deps());

    expect(await f.verify('127.0.0.1', otherCert.cert)).toBe(CERT_REJECT);
    await vi.waitFor(() => expect(f.electron.app.relaunch).toHaveBeenCalled());
    const [, box] = f.electron.dialog.showMessageBox.mock.calls[0] as [unknown, { title: string; message: string; detail: string; buttons: string[] }];
    expect(box.title).toBe('Sertifikat server kantor berubah');
    expect(box.detail).toContain(pinnedFingerprint.split(':').slice(0, 4).join(':'));
    expect(box.detail).toContain(fingerprintOfPem(otherCert.cert).split(':').slice(0, 4).join(':'));
    expect(box.detail).toContain('halaman Server kantor');
    expect(box.buttons).toEqual(['Putuskan dari server', 'Keluar']);
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(false);
    expect(f.electron.app.quit).toHaveBeenCalled();
  });

  it('explains a changed certificate again when a reload fails on the cached verdict', async () => {
    writeClientConfig(userData, { url: `https://${host}`, fingerprint: pinnedFingerprint });
    const f = fakeElectron();
    await startDesktop(f.api, deps());
    const [win] = f.windows;
    f.electron.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    expect(await f.verify('127.0.0.1', otherCert.cert)).toBe(CERT_REJECT);
    await vi.waitFor(() => expect(f.electron.app.quit).toHaveBeenCalledTimes(1));
    win!.contentsListeners.get('did-fail-load')!({}, -202, 'ERR_CERT_AUTHORITY_INVALID', `https://${host}/`, true);
    await vi.waitFor(() => expect(f.electron.app.quit).toHaveBeenCalledTimes(2));
    const titles = f.electron.dialog.showMessageBox.mock.calls.map((c) => (c[1] as { title: string }).title);
    expect(titles).toEqual(['Sertifikat server kantor berubah', 'Sertifikat server kantor berubah']);
    // "Keluar" keeps the pairing: nothing is forgotten without the user choosing it.
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(true);
  });

  it('offers "Putuskan dari server" in the menu, asking first', async () => {
    writeClientConfig(userData, { url: `https://${host}`, fingerprint: pinnedFingerprint });
    const f = fakeElectron();
    await startDesktop(f.api, deps());
    const item = menuItem(f.lastMenu(), 'Putuskan dari server');
    expect(item).toBeDefined();

    f.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    item!.click!();
    await vi.waitFor(() => expect(f.electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(true);

    item!.click!();
    await vi.waitFor(() => expect(f.electron.app.relaunch).toHaveBeenCalled());
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(false);
  });

  it('says so when the server cannot be reached, and tries again on request', async () => {
    writeClientConfig(userData, { url: `https://${host}`, fingerprint: pinnedFingerprint });
    const f = fakeElectron();
    await startDesktop(f.api, deps());
    const [win] = f.windows;
    f.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win!.contentsListeners.get('did-fail-load')!({}, -102, 'ERR_CONNECTION_REFUSED', `https://${host}/`, true);
    await vi.waitFor(() => expect(win!.loadURL).toHaveBeenCalledTimes(2));
    const [, box] = f.electron.dialog.showMessageBox.mock.calls[0] as [unknown, { title: string; buttons: string[] }];
    expect(box.title).toBe('Server kantor tidak dapat dihubungi');
    expect(box.buttons).toEqual(['Coba lagi', 'Putuskan dari server', 'Keluar']);
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(true);
  });

  it('uses the data of this PC when asked to (--demo, --data), and when client.json is corrupt', async () => {
    writeClientConfig(userData, { url: `https://${host}`, fingerprint: pinnedFingerprint });
    mkdirSync(join(userData, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(userData, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    for (const argv of [['.', '--demo'], ['.', '--data', join(userData, 'lain')]]) {
      const f = fakeElectron();
      // The host process never answers here: it is enough that it was started.
      f.electron.utilityProcess.fork.mockImplementation(() => ({ postMessage: vi.fn(), on: vi.fn(), kill: vi.fn() }));
      void startDesktop(f.api, deps(argv));
      await vi.waitFor(() => expect(f.electron.utilityProcess.fork, argv.join(' ')).toHaveBeenCalled());
      // The window opened beside the starting host is the app's own, not the server's pages.
      expect(f.windows.map((w) => w.loadURL.mock.calls)).toEqual([[['app://tanggap/index.html']]]);
      // Still pins nothing it has not been told to: the pairing stays unused for this start.
      expect(await f.verify('127.0.0.1', otherCert.cert)).toBe(CERT_DEFAULT);
    }

    writeFileSync(join(userData, CLIENT_FILE), 'rusak');
    const f = fakeElectron();
    f.electron.utilityProcess.fork.mockImplementation(() => ({ postMessage: vi.fn(), on: vi.fn(), kill: vi.fn() }));
    void startDesktop(f.api, deps());
    await vi.waitFor(() => expect(f.electron.utilityProcess.fork).toHaveBeenCalled());
    const [box] = f.electron.dialog.showMessageBox.mock.calls[0] as [{ title: string; message: string }];
    expect(box.title).toBe('Sambungan ke server kantor diabaikan');
    expect(box.message).toMatch(/rusak dan diabaikan: isinya bukan JSON yang utuh/);
  });
});

describe('pairing from the setup page', () => {
  const appFrame = (id: number) => {
    const mainFrame = { processId: 3, routingId: 1, url: 'app://tanggap/sambung', parent: null };
    return { sender: { id, mainFrame }, senderFrame: mainFrame };
  };

  function paired(trusted = true) {
    const f = fakeElectron();
    const client = createClientMode(f.api, { log: silentLog, preloadPath: '/p.js' });
    expect(client.start(userData, { localOnly: false })).toBeNull();
    client.registerIpc(f.electron.ipcMain, () => trusted);
    const win = new f.electron.BrowserWindow({});
    const handler = f.ipcHandlers.get(CLIENT_CHANNEL)!;
    return { f, client, win, call: (op: string, input: unknown) => handler(appFrame(win.webContents.id), op, input) as Promise<unknown> };
  }

  it('probes the typed address, stores the confirmed pairing and shows the server in the window', async () => {
    const { f, client, win, call } = paired();
    const [, port] = host.split(':');
    expect(await call('probe', { address: ` 127.0.0.1:${port} ` })).toEqual({
      ok: true,
      value: { url: `https://${host}`, fingerprint: pinnedFingerprint, officeName: 'Kecamatan Pegantenan' },
    });
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(false);
    expect(await f.verify('127.0.0.1', pinnedCert.cert)).toBe(CERT_DEFAULT);

    expect(await call('confirm', { url: `https://${host}`, fingerprint: pinnedFingerprint })).toEqual({ ok: true, value: { url: `https://${host}` } });
    expect(readClientConfig(userData).config).toEqual({ url: `https://${host}`, fingerprint: pinnedFingerprint });
    expect(client.allowedOrigin()).toBe(`https://${host}`);
    expect(await f.verify('127.0.0.1', pinnedCert.cert)).toBe(CERT_ACCEPT);
    expect(await f.verify('127.0.0.1', otherCert.cert)).toBe(CERT_REJECT);
    // Tanggap starts again, now as a client of the server (no host process of its own).
    await vi.waitFor(() => expect(f.electron.app.relaunch).toHaveBeenCalled());
    expect(f.electron.app.quit).toHaveBeenCalled();
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('confirms only what the last probe found', async () => {
    const { call, win } = paired();
    expect(await call('confirm', { url: `https://${host}`, fingerprint: pinnedFingerprint })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('probe', { address: impostor });
    expect(await call('confirm', { url: `https://${impostor}`, fingerprint: pinnedFingerprint })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Periksa server sekali lagi') },
    });
    expect(await call('confirm', { url: `https://${host}`, fingerprint: fingerprintOfPem(otherCert.cert) })).toMatchObject({ ok: false });
    expect(existsSync(join(userData, CLIENT_FILE))).toBe(false);
    expect(win.loadURL).not.toHaveBeenCalled();
  });

  it('checks the address and the sender', async () => {
    const { call } = paired();
    expect(await call('probe', { address: 'http://192.168.1.10:8443' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'address', message: expect.stringContaining('memakai https') },
    });
    expect(await call('probe', {})).toMatchObject({ ok: false, error: { field: 'address' } });
    expect(await call('lupakan', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });

    const untrusted = paired(false);
    expect(await untrusted.call('probe', { address: host })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
