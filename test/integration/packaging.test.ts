import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packApp, buildApp, ROOT, type Packed } from '../support/pack';

// The packaging check of `npm test`: app.asar built offline the way the setup file gets
// it (test/support/pack.ts), its contents checked, and its main process started from the
// extracted archive with a stand-in Electron; the core then runs in a real second
// process from the packed code, on the packed better-sqlite3.

const scratch = mkdtempSync(join(tmpdir(), 'tanggap-pack-'));
let packed: Packed;
let files: string[];
const extracted = join(scratch, 'app');

beforeAll(async () => {
  await buildApp(join(scratch, 'project'));
  packed = await packApp(join(scratch, 'project'), join(scratch, 'out'));
  files = listPackage(packed.asar, { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, ''));
  extractAll(packed.asar, extracted);
}, 600_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const has = (path: string) => files.includes(path);
const packages = () => new Set(files.flatMap((f) => f.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? []));

describe('app.asar of the setup file', () => {
  it('holds package.json, the main process, preload, host process and the renderer', () => {
    const pkg = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8')) as { main: string; version: string; devDependencies?: unknown };
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(root.version);
    expect(has(pkg.main)).toBe(true);
    for (const f of ['dist/main/electron/main.js', 'dist/main/electron/preload.js', 'dist/main/host/entry.js', 'dist/renderer/index.html']) expect(has(f), f).toBe(true);
    // Each process is one bundled file (main/build/bundle.mjs), the host's run by its start
    // file; `npm run web`'s server stays out.
    expect(files.filter((f) => f.startsWith('dist/main/') && /\.\w+$/.test(f)).sort()).toEqual([
      'dist/main/electron/main.js',
      'dist/main/electron/preload.js',
      'dist/main/host/entry.bundle.js',
      'dist/main/host/entry.js',
    ]);
    // Every script and stylesheet index.html names is in the archive.
    const html = readFileSync(join(extracted, 'dist', 'renderer', 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => `dist/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) expect(has(a), a).toBe(true);
    expect(files.filter((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f)).length).toBeGreaterThan(5);
  });

  it('bundles everything but modules the archive has: Node, Electron and production dependencies', () => {
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const bundle of ['dist/main/electron/main.js', 'dist/main/electron/preload.js', 'dist/main/host/entry.bundle.js']) {
      const required = [...readFileSync(join(extracted, bundle), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      const outside = [...new Set(required)].filter((name) => !name.startsWith('node:') && !Module.builtinModules.includes(name) && name !== 'electron');
      expect(outside.filter((name) => name.startsWith('.')), bundle).toEqual([]);
      // Each resolves inside the archive.
      const resolve = Module.createRequire(join(extracted, bundle)).resolve;
      for (const name of outside) expect(resolve(name).startsWith(join(extracted, 'node_modules')), `${bundle}: ${name}`).toBe(true);
    }
    // What is left outside on purpose is a production dependency of the app itself.
    const host = readFileSync(join(extracted, 'dist/main/host/entry.bundle.js'), 'utf8');
    for (const name of ['better-sqlite3', '@node-rs/argon2', 'docx', 'exceljs', 'qrcode']) {
      expect(host, name).toContain(`require("${name}")`);
      expect(Object.keys(root.dependencies)).toContain(name);
    }
    // The sandboxed preload may require nothing but Electron.
    expect([...readFileSync(join(extracted, 'dist/main/electron/preload.js'), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('leaves out tests, TypeScript sources, source maps, precompressed copies and the development-only native build', () => {
    const app = files.filter((f) => !f.startsWith('node_modules/'));
    expect(app.filter((f) => /\.test\.js$|\.ts$|\.tsx$/.test(f))).toEqual([]);
    expect(app.filter((f) => /\.map$|\.(br|gz)$|electron-native/.test(f))).toEqual([]);
    expect(app.filter((f) => /^(main|renderer|shared|test|docs)\//.test(f))).toEqual([]);
    // No source map anywhere carries the sources themselves.
    const withSources = files
      .filter((f) => f.endsWith('.map'))
      .filter((f) => {
        try {
          return (JSON.parse(readFileSync(join(extracted, f), 'utf8')) as { sourcesContent?: unknown[] }).sourcesContent?.length;
        } catch {
          return false;
        }
      });
    expect(withSources).toEqual([]);
    // Nor does a compiled file inline one.
    expect(app.filter((f) => f.endsWith('.js') && readFileSync(join(extracted, f), 'utf8').includes('sourceMappingURL=data:'))).toEqual([]);
  });

  it('has the production dependencies and none of the development ones', () => {
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const inside = packages();
    for (const name of Object.keys(root.dependencies)) expect(inside.has(name), name).toBe(true);
    for (const name of ['vite', 'react', 'react-dom', '@mantine/core', 'playwright', '@playwright/test', 'vitest', 'typescript', 'electron', 'electron-builder', 'eslint', 'tsx']) {
      expect(inside.has(name), name).toBe(false);
    }
    // Every package in the archive is a production one of the lockfile, by name and version
    // (electron-builder hoists a production copy such as qrcode's pngjs 5 to the top level
    // when the top-level one, pngjs 7, is for development only).
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; name?: string; dev?: boolean; devOptional?: boolean }> };
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([path, p]) => path.includes('node_modules/') && !p.dev && !p.devOptional)
        .map(([path, p]) => `${p.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${p.version}`),
    );
    const packed = files
      .filter((f) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(f))
      .map((f) => JSON.parse(readFileSync(join(extracted, f), 'utf8')) as { name?: string; version?: string })
      .filter((p) => p.name && p.version)
      .map((p) => `${p.name}@${p.version}`);
    expect(packed.length).toBeGreaterThan(100);
    expect(packed.filter((p) => !production.has(p))).toEqual([]);
  });

  it('unpacks better-sqlite3 native module beside the archive', () => {
    const node = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(has(node)).toBe(true);
    expect(existsSync(join(packed.unpacked, node))).toBe(true);
    expect(files.filter((f) => /better-sqlite3\/(deps|src)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('test_extension.node'))).toEqual([]);
  });

  it('starts from the extracted archive with a stand-in Electron, and its host answers over IPC', async () => {
    const userData = join(scratch, 'userData');
    const fake = fakeElectron(extracted, userData);
    const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
    (Module as unknown as { _load: typeof load })._load = (request, ...rest) => (request === 'electron' ? fake.electron : load(request, ...rest));
    try {
      Module.createRequire(join(extracted, 'package.json'))('./dist/main/electron/main.js');
    } finally {
      (Module as unknown as { _load: typeof load })._load = load;
    }
    await fake.ready;
    await waitFor(() => fake.windows.length === 1 || fake.errors.length > 0, 60_000);
    expect(fake.errors).toEqual([]);
    const [win] = fake.windows;
    const prefs = (win!.options as { webPreferences: { preload: string; sandbox: boolean; contextIsolation: boolean } }).webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(prefs.preload).toBe(join(extracted, 'dist', 'main', 'electron', 'preload.js'));
    expect(existsSync(prefs.preload)).toBe(true);
    expect(win!.loaded).toEqual(['app://tanggap/index.html']);
    expect(fake.protocols).toContain('app');

    // The window's first call, answered by the packed core in its own process.
    const mainFrame = { processId: 3, routingId: 1, url: 'app://tanggap/index.html', parent: null };
    const invoke = fake.ipcHandlers.get('tanggap:invoke')!;
    const answer = await invoke({ sender: { id: win!.webContents.id, mainFrame }, senderFrame: mainFrame }, 'setup.status', {});
    expect(answer).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(existsSync(join(userData, 'tanggap.sqlite'))).toBe(true);
    // The packed core carries every migration: the new database is at the newest schema.
    const { MIGRATIONS } = await import('../../main/core/db/migrations');
    const db = new Database(join(userData, 'tanggap.sqlite'), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    } finally {
      db.close();
    }
    expect(fake.forked).toEqual([join(extracted, 'dist', 'main', 'host', 'entry.js')]);

    await fake.quit();
    await fake.exited();
    // The host's start file left V8's code cache of the packed bundle in the user's folder
    // (written as the process ended), named for that bundle, for the next start.
    const bundle = statSync(join(extracted, 'dist', 'main', 'host', 'entry.bundle.js'));
    const cache = readFileSync(join(userData, 'kode-inti.v8'));
    expect(cache.toString('latin1', 0, cache.indexOf(0x0a))).toBe(`R${bundle.size}:${Math.trunc(bundle.mtimeMs)}`);
    expect(cache.length).toBeGreaterThan(100_000);
  }, 120_000);
});

async function waitFor(done: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Listener = (...args: unknown[]) => unknown;

// The parts of Electron the packaged main uses; utilityProcess.fork is a real Node child
// process (test/support/utilityChild.cjs gives it process.parentPort), without tsx: the
// packed JavaScript runs as it is.
function fakeElectron(appPath: string, userData: string) {
  const appListeners = new Map<string, Listener[]>();
  const emit = (name: string, ...args: unknown[]) => (appListeners.get(name) ?? []).forEach((l) => l(...args));
  const errors: string[] = [];
  const protocols: string[] = [];
  const forked: string[] = [];
  const ipcHandlers = new Map<string, Listener>();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  let quitting: (() => void) | null = null;
  const children: { kill(): boolean }[] = [];
  const exits: Promise<number>[] = [];

  class FakeWindow {
    static all: FakeWindow[] = [];
    readonly loaded: string[] = [];
    readonly webContents = { id: 21 + FakeWindow.all.length, send: () => undefined, getURL: () => 'app://tanggap/index.html', isDestroyed: () => false };
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.all.push(this);
    }
    static fromWebContents = (c: { id: number }) => FakeWindow.all.find((w) => w.webContents.id === c.id) ?? null;
    static getAllWindows = () => FakeWindow.all;
    once() {
      return this;
    }
    on() {
      return this;
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized = () => false;
    isDestroyed = () => false;
    loadURL = async (url: string) => void this.loaded.push(url);
  }

  const electron = {
    app: {
      isPackaged: true,
      enableSandbox: () => undefined,
      commandLine: { appendSwitch: () => undefined },
      requestSingleInstanceLock: () => true,
      quit: () => quitting?.(),
      exit: () => quitting?.(),
      on: (name: string, listener: Listener) => void appListeners.set(name, [...(appListeners.get(name) ?? []), listener]),
      once: (name: string, listener: Listener) => void appListeners.set(name, [...(appListeners.get(name) ?? []), listener]),
      whenReady: async () => {
        markReady();
      },
      getAppPath: () => appPath,
      getPath: (name: string) => (name === 'userData' ? userData : join(userData, '..', name)),
      getVersion: () => '0.0.0',
      setAppUserModelId: () => undefined,
    },
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (_title: string, message: string) => void errors.push(message),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showMessageBox: async () => ({ response: 0 }),
    },
    ipcMain: { handle: (channel: string, listener: Listener) => void ipcHandlers.set(channel, listener), on: () => undefined },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => undefined },
    Notification: Object.assign(function Notification() {}, { isSupported: () => false }),
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: (scheme: string) => void protocols.push(scheme) },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: (t: string) => Buffer.from(t), decryptString: (b: Buffer) => b.toString() },
    session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, setCertificateVerifyProc: () => undefined } },
    shell: { openExternal: async () => undefined },
    utilityProcess: {
      fork(modulePath: string, _args: string[], options: { env?: NodeJS.ProcessEnv }) {
        forked.push(modulePath);
        const child = fork(join(ROOT, 'test', 'support', 'utilityChild.cjs'), [], {
          env: { ...(options.env ?? process.env), TANGGAP_UTILITY_MODULE: modulePath },
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          execArgv: [],
        });
        children.push(child);
        const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
        exits.push(exited);
        const utility = {
          pid: child.pid,
          postMessage: (message: unknown) => void (child.connected && child.send(message as never)),
          on(event: string, listener: Listener) {
            if (event === 'message') child.on('message', listener);
            else void exited.then(listener);
            return utility;
          },
          kill: () => child.kill(),
        };
        return utility;
      },
    },
  };

  return {
    electron,
    ready,
    errors,
    protocols,
    forked,
    ipcHandlers,
    windows: FakeWindow.all,
    exited: () => Promise.all(exits),
    // will-quit as Electron sends it: the app may hold the quit until the host has closed.
    quit: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          children.forEach((c) => c.kill());
          resolve();
        }, 15_000);
        quitting = () => {
          clearTimeout(timer);
          resolve();
        };
        emit('will-quit', { preventDefault: () => undefined });
      }),
  };
}
