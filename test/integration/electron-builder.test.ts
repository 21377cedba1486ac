import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder.yml, read and checked exactly as `electron-builder` does before packaging.
const root = join(__dirname, '..', '..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

const patterns = () => (config.files as { filter?: string[] }[]).flatMap((set) => set.filter ?? []);

describe('electron-builder.yml', () => {
  it("passes app-builder-lib's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is real: an unknown fuse is rejected', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodeX: false } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar with native modules unpacked and rebuilt for Electron', () => {
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  it('names the app and keeps installers out of dist/', () => {
    expect(config.appId).toBe('id.go.tanggap.desktop');
    expect(config.productName).toBe('Tanggap');
    expect(config.directories?.output).toBe('out');
  });

  it('ships the compiled app and not maps, tests or the development-only native build', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/electron/main.js');
    expect(patterns()).toEqual(
      expect.arrayContaining(['package.json', 'dist/**/*', '!dist/**/*.map', '!dist/electron-native{,/**/*}']),
    );
    expect(patterns().some((p) => p.startsWith('!') && p.includes('node_modules') && p.includes('map'))).toBe(true);
  });

  it('builds an assisted Indonesian NSIS installer for Windows', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
    expect(config.nsis?.installerLanguages).toEqual(['id_ID']);
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('installs for every account of the PC, with the icon, and reads signing only from the environment', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, allowElevation: true, createDesktopShortcut: true, createStartMenuShortcut: true, shortcutName: 'Tanggap' });
    const icon = readFileSync(join(root, config.win!.icon!));
    // PNG, at least 256 × 256 (what electron-builder needs to make the .ico)
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
    expect(config.linux?.icon).toBe(config.win!.icon);
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSha1):/m);
  });
});
