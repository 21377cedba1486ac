import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { parseArgs } from '../args';
import type { Core, CoreOptions } from '../core';
import type { CoreDeps } from '../core/context';
import { createSenderCheck, registerIpc } from './ipc';
import { safeStorageVault } from './keyVault';
import { registerPdf } from './pdf';
import { PRIVILEGED_SCHEMES, registerAppProtocol } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { applicationMenu, createMainWindow } from './window';

// The parts of Electron the desktop app uses; tests pass a fake of this shape.
export type ElectronApi = Pick<
  typeof import('electron'),
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'safeStorage' | 'session' | 'shell'
>;

export interface DesktopDeps {
  // process.argv without the executable: ['.', '--demo'] under `electron .`
  argv: readonly string[];
  // app.getAppPath(): the folder (or app.asar) holding package.json and dist/
  appRoot: string;
  preloadPath: string;
  createCore: (options: CoreOptions) => Core;
  seedDemo: (deps: CoreDeps) => Promise<{ complaints: number; users: number; password: string } | null>;
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
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => electron.shell.openExternal(url)));
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());

  const open = async () => {
    const args = parseArgs(deps.argv);
    const rendererDir = join(deps.appRoot, 'dist', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      throw new Error('Tampilan aplikasi belum dibangun (dist/renderer/index.html tidak ada). Jalankan "npm run build" lalu buka lagi.');
    }
    const dataDir = dataDirFor(args, app.getPath('userData'));
    const core = deps.createCore({
      dataDir,
      nativeBinding: electronNativeBinding(deps.appRoot, app.isPackaged),
      keyVault: safeStorageVault(electron.safeStorage, dataDir),
    });
    app.on('will-quit', () => core.close());
    if (args.demo) {
      const seeded = await deps.seedDemo(core.deps);
      if (seeded) {
        core.deps.log.info(`Data demo dibuat: ${seeded.complaints} pengaduan, ${seeded.users} pengguna (kata sandi semua: ${seeded.password}).`);
      }
    }

    denyAllPermissions(electron.session.defaultSession);
    registerAppProtocol(electron.protocol, rendererDir);
    electron.Menu.setApplicationMenu(
      electron.Menu.buildFromTemplate(applicationMenu({ isPackaged: app.isPackaged, platform: process.platform })),
    );
    const ownContents = new Set<number>();
    const isTrustedSender = createSenderCheck(ownContents);
    const ipc = registerIpc(electron.ipcMain, core, isTrustedSender, core.deps.log);
    registerPdf({
      ipcMain: electron.ipcMain,
      dialog: electron.dialog,
      isTrustedSender,
      windowOf: (contents) => electron.BrowserWindow.fromWebContents(contents),
      defaultDir: () => app.getPath('documents'),
      log: core.deps.log,
    });

    const created = createMainWindow(electron, { preloadPath: deps.preloadPath, log: core.deps.log });
    const contentsId = created.webContents.id;
    ownContents.add(contentsId);
    created.on('closed', () => {
      ownContents.delete(contentsId);
      void ipc.forget(contentsId);
      window = null;
    });
    window = created;
  };

  return app
    .whenReady()
    .then(open)
    .catch((err: unknown) => {
      electron.dialog.showErrorBox(STARTUP_ERROR_TITLE, startupErrorMessage(err, app.isPackaged));
      app.quit();
    });
}
