import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, MenuItemConstructorOptions, MessageBoxSyncOptions, WebContents } from 'electron';
import type { Logger } from '../core/context';
import { APP_ENTRY_URL, secureWebPreferences } from './security';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Tanggap',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

// Shown only once the first paint is ready, so the user never sees a blank frame.
export function createMainWindow(
  electron: { BrowserWindow: typeof BrowserWindow },
  options: { preloadPath: string; log: Logger },
): BrowserWindow {
  const window = new electron.BrowserWindow(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((err: unknown) => options.log.error('tampilan aplikasi gagal dimuat', err));
  return window;
}

export const LEAVE_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  title: 'Perubahan belum disimpan',
  message: 'Tinggalkan halaman ini?',
  detail: 'Perubahan yang belum disimpan akan hilang.',
  buttons: ['Tinggalkan tanpa menyimpan', 'Tetap di sini'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

// A page with unsaved edits asks before it is reloaded or its window closed (its
// beforeunload: renderer/components/LeaveGuard.tsx). Electron asks nothing by itself: it
// keeps the page, and the window would not close. The question is the page's own.
export function askBeforeLosingEdits(contents: Pick<WebContents, 'on'>, owner: () => BrowserWindow | null, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  contents.on('will-prevent-unload', (event) => {
    const window = owner();
    const choice = window ? dialog.showMessageBoxSync(window, LEAVE_QUESTION) : dialog.showMessageBoxSync(LEAVE_QUESTION);
    // Electron's reading: preventing this event lets the page go.
    if (choice === 0) event.preventDefault();
  });
}

// A short Indonesian menu: the edit roles keep copy and paste working on macOS, zoom
// helps on small office screens, reload and developer tools only outside the installer.
export function applicationMenu(options: { isPackaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const quit: MenuItemConstructorOptions = { role: 'quit', label: 'Keluar' };
  const first: MenuItemConstructorOptions =
    options.platform === 'darwin'
      ? { label: 'Tanggap', submenu: [{ role: 'about', label: 'Tentang Tanggap' }, { type: 'separator' }, quit] }
      : { label: 'Berkas', submenu: [quit] };
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: 'Perbesar' },
    { role: 'zoomOut', label: 'Perkecil' },
    { role: 'resetZoom', label: 'Ukuran normal' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Layar penuh' },
  ];
  if (!options.isPackaged) {
    view.push({ type: 'separator' }, { role: 'reload', label: 'Muat ulang' }, { role: 'toggleDevTools', label: 'Alat pengembang' });
  }
  return [
    first,
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    { label: 'Tampilan', submenu: view },
  ];
}
