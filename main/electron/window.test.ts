import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenu, mainWindowOptions } from './window';

const roles = (menu: MenuItemConstructorOptions[]) =>
  menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).map((i) => i.role).filter(Boolean);

describe('main window', () => {
  it('is 1280×800, at least 1024×700, hidden until ready, isolated', () => {
    const options = mainWindowOptions('/p/preload.js');
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, title: 'Tanggap', show: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/p/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('has a short Indonesian menu; developer tools only outside the installer', () => {
    const packaged = applicationMenu({ isPackaged: true, platform: 'win32' });
    expect(packaged.map((m) => m.label)).toEqual(['Berkas', 'Sunting', 'Tampilan']);
    expect(roles(packaged)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn']));
    expect(roles(packaged)).not.toContain('toggleDevTools');
    expect(roles(packaged)).not.toContain('reload');
    for (const item of packaged.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))) {
      if (item.type !== 'separator') expect(item.label, String(item.role)).toBeTruthy();
    }
    expect(roles(applicationMenu({ isPackaged: false, platform: 'linux' }))).toContain('toggleDevTools');
    expect(applicationMenu({ isPackaged: true, platform: 'darwin' })[0]!.label).toBe('Tanggap');
  });
});
