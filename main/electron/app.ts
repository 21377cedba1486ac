import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { EVENT_CHANNEL, type ClientEvent } from '../../shared/events';
import { parseArgs } from '../args';
import { consoleLogger } from '../core/context';
import { createClientMode } from './client';
import { remoteCore, startHostProcess, type HostProcess } from './hostProcess';
import { createSenderCheck, registerIpc } from './ipc';
import { safeStorageVault } from './keyVault';
import { NAVIGATE_CHANNEL, notifyEvent } from './notify';
import { registerPdf } from './pdf';
import { PRIVILEGED_SCHEMES, registerAppProtocol } from './protocol';
import { APP_URL_PREFIX, denyAllPermissions, hardenWebContents } from './security';
import { applicationMenu, askBeforeLosingEdits, createMainWindow } from './window';

// The parts of Electron the desktop app uses; tests pass a fake of this shape.
export type ElectronApi = Pick<
  typeof import('electron'),
  | 'app'
  | 'BrowserWindow'
  | 'dialog'
  | 'ipcMain'
  | 'Menu'
  | 'Notification'
  | 'protocol'
  | 'safeStorage'
  | 'session'
  | 'shell'
  | 'utilityProcess'
>;

export interface DesktopDeps {
  // process.argv without the executable: ['.', '--demo'] under `electron .`
  argv: readonly string[];
  // app.getAppPath(): the folder (or app.asar) holding package.json and dist/
  appRoot: string;
  preloadPath: string;
  // dist/main/host/entry.js: the host process the core runs in (an Electron utilityProcess).
  hostEntryPath: string;
}

export const STARTUP_ERROR_TITLE = 'Tanggap tidak dapat dibuka';

// Where main/build/rebuild-electron.mjs puts better-sqlite3 built for Electron's ABI.
// node_modules keeps the plain-Node build for tests, `npm run web` and the bench.
export const ELECTRON_NATIVE_BINDING = join('dist', 'electron-native', 'better_sqlite3.node');

// The installer's node_modules is already rebuilt for Electron (electron-builder
// npmRebuild), so only a development run (`npm start`) needs the separate copy.
export function electronNativeBinding(appRoot: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = join(appRoot, ELECTRON_NATIVE_BINDING);
  return existsSync(file) ? file : undefined;
}

export function dataDirFor(args: { dataDir: string | null; demo: boolean }, userData: string): string {
  return args.dataDir ?? (args.demo ? join(userData, 'demo') : userData);
}

export function startupErrorMessage(err: unknown, isPackaged: boolean): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!isPackaged && /NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) {
    return (
      'Modul basis data (better-sqlite3) belum dibangun untuk Electron. Jalankan "node main/build/rebuild-electron.mjs" ' +
      '(npm start menjalankannya) lalu buka Tanggap lagi.\n\n' +
      message
    );
  }
  return message;
}

// Wires the desktop app. Called once, synchronously, at load time: privileged schemes,
// sandboxing and the single-instance lock must be set before Electron is ready.
// Resolves when the window is open or start-up has failed (an error box, then quit).
export function startDesktop(electron: ElectronApi, deps: DesktopDeps): Promise<void> {
  const { app } = electron;
  electron.protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
  app.enableSandbox();
  // Chromium's own widgets (date fields: dd/mm/yyyy) follow the office's language,
  // whatever the PC's Windows is set to.
  app.commandLine.appendSwitch('lang', 'id');
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }

  let window: BrowserWindow | null = null;
  // Live events reach only the window (and its page) whose session they were made for;
  // one addressed to the user personally is also a system notification.
  const pushEvent = (windowId: number, event: ClientEvent) => {
    const target = window;
    if (!target || target.isDestroyed() || target.webContents.id !== windowId) return;
    if (!target.webContents.getURL().startsWith(APP_URL_PREFIX)) return;
    target.webContents.send(EVENT_CHANNEL, event);
    notifyEvent(electron.Notification, event, {
      focus: () => {
        if (target.isMinimized()) target.restore();
        target.show();
        target.focus();
      },
      navigate: (path) => target.webContents.send(NAVIGATE_CHANNEL, path),
    });
  };
  // Quitting waits (bounded, in hostProcess) for the host to close the database, also
  // when it comes while the host is still opening it.
  const closeHostAtQuit = (starting: Promise<HostProcess>) => {
    let closed = false;
    let closing = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      if (closing) return;
      closing = true;
      void starting
        .then((host) => host.close(), () => undefined)
        .finally(() => {
          closed = true;
          app.quit();
        });
    });
  };
  // A PC paired with the office server shows that server's pages (client.ts).
  const client = createClientMode(electron, { log: consoleLogger, preloadPath: deps.preloadPath });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => electron.shell.openExternal(url), client.allowedOrigin);
    askBeforeLosingEdits(contents, () => electron.BrowserWindow.fromWebContents(contents), electron.dialog);
  });
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  const open = async () => {
    const args = parseArgs(deps.argv);
    // Paired with the office server (and not asked for local data): its pages, no host here.
    const paired = client.start(app.getPath('userData'), { localOnly: args.demo || args.dataDir !== null });
    if (paired) {
      denyAllPermissions(electron.session.defaultSession, client.allowedOrigin());
      window = paired;
      paired.on('closed', () => {
        window = null;
      });
      return;
    }
    const rendererDir = join(deps.appRoot, 'dist', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('Tampilan aplikasi belum dibangun (dist/renderer/index.html tidak ada). Jalankan "npm run build" lalu buka lagi.');
    }
    const dataDir = dataDirFor(args, app.getPath('userData'));
    const log = consoleLogger;
    // The core (and the demo's seeding) runs in its own process, so long work there
    // never freezes the window; its events go to the window whose session they are for.
    // The window opens while the host starts: the page loads beside it and its first
    // calls wait for the host, instead of the page starting only once the host is open.
    const starting = startHostProcess({
      fork: (modulePath, forkArgs, options) => electron.utilityProcess.fork(modulePath, forkArgs, options),
      modulePath: deps.hostEntryPath,
      codeCacheFile: join(app.getPath('userData'), 'kode-inti.v8'),
      start: { dataDir, rendererDir, demo: args.demo, nativeBinding: electronNativeBinding(deps.appRoot, app.isPackaged) },
      vault: safeStorageVault(electron.safeStorage, dataDir),
      onEvent: (windowId, event) => pushEvent(windowId, event),
      log,
    });
    // Taken up below; a failure meanwhile is not an unhandled rejection.
    starting.catch(() => undefined);
    closeHostAtQuit(starting);

    denyAllPermissions(electron.session.defaultSession);
    registerAppProtocol(electron.protocol, rendererDir);
    electron.Menu.setApplicationMenu(
      electron.Menu.buildFromTemplate(applicationMenu({ isPackaged: app.isPackaged, platform: process.platform })),
    );
    const ownContents = new Set<number>();
    const isTrustedSender = createSenderCheck(ownContents);
    client.registerIpc(electron.ipcMain, isTrustedSender);
    const ipc = registerIpc(
      electron.ipcMain,
      { call: async (name, input, session) => remoteCore(await starting).call(name, input, session) },
      isTrustedSender,
      log,
      Date.now,
      (id, token) => void starting.then((host) => host.watch(id, token), () => undefined),
    );
    registerPdf({
      ipcMain: electron.ipcMain,
      dialog: electron.dialog,
      isTrustedSender,
      windowOf: (contents) => electron.BrowserWindow.fromWebContents(contents),
      defaultDir: () => app.getPath('documents'),
      log,
    });

    const created = createMainWindow(electron, { preloadPath: deps.preloadPath, log });
    const contentsId = created.webContents.id;
    ownContents.add(contentsId);
    created.on('closed', () => {
      ownContents.delete(contentsId);
      void ipc.forget(contentsId);
      window = null;
    });
    window = created;
    try {
      await starting;
    } catch (err) {
      // Only the error box is left on screen, then the app quits.
      window = null;
      created.destroy();
      throw err;
    }
  };

  return app
    .whenReady()
    .then(open)
    .catch((err: unknown) => {
      electron.dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(err, app.isPackaged));
      app.quit();
    });
}
