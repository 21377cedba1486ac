import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';

// The setup file's app.asar, made on a machine that cannot download Electron: the app
// is built into a scratch project (main/build/bundle.mjs for main, vite for the renderer,
// as `npm run build` does), and electron-builder itself packs it with the config of
// electron-builder.yml, so the file set, the production dependencies and asarUnpack
// are electron-builder's own. Only what needs the Electron binary is left out: the
// binary is an empty stand-in (electronDist), the fuses (they are flipped in the
// binary) and the rebuild of better-sqlite3 for Electron's ABI (it needs Electron's
// headers), so the packed better-sqlite3 is the plain-Node build the tests can load.

export const ROOT = join(__dirname, '..', '..');

export interface Packed {
  project: string;
  asar: string;
  unpacked: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} ended with ${code}:\n${output.slice(-4000)}`))));
  });
}

// `npm run build` into project/dist: main and renderer side by side (two cores).
export async function buildApp(project: string): Promise<void> {
  mkdirSync(project, { recursive: true });
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  const renderer = join(project, 'dist', 'renderer');
  await Promise.all([
    run(process.execPath, [join('main', 'build', 'bundle.mjs'), '--outdir', join(project, 'dist')], ROOT),
    run(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--outDir', renderer, '--emptyOutDir', '--logLevel', 'warn'], ROOT, {
      TANGGAP_RENDERER_DIR: renderer,
    }),
  ]);
  copyFileSync(join(ROOT, 'package.json'), join(project, 'package.json'));
  copyFileSync(join(ROOT, 'package-lock.json'), join(project, 'package-lock.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
}

// electron-builder --linux dir with the stand-ins above; returns where app.asar is.
export async function packApp(project: string, out: string): Promise<Packed> {
  const fakeElectron = join(out, 'electron-dist');
  mkdirSync(fakeElectron, { recursive: true });
  writeFileSync(join(fakeElectron, 'electron'), '', { mode: 0o755 });
  const config = (await getConfig(ROOT, null, null)) as Configuration;
  const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  const { build, Platform, Arch } = await import('electron-builder');
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      ...config,
      electronFuses: undefined,
      npmRebuild: false,
      electronDist: fakeElectron,
      electronVersion,
      directories: { ...config.directories, output: join(out, 'installer') },
    },
  });
  const resources = join(out, 'installer', 'linux-unpacked', 'resources');
  return { project, asar: join(resources, 'app.asar'), unpacked: join(resources, 'app.asar.unpacked') };
}
