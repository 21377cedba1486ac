// prestart: builds better-sqlite3 for Electron's ABI into dist/electron-native/, from a
// copy of node_modules/better-sqlite3, so the plain-Node build there (tests, `npm run web`,
// bench) stays untouched. main/electron/app.ts passes the result to better-sqlite3 as
// nativeBinding. The installer does not use it: electron-builder rebuilds node_modules.
//
// Needs Electron's headers (downloaded once from electronjs.org) and a C++ toolchain.
// When either is missing it says so ("Lewati: …") and exits 0, so `npm start` still runs
// and the app explains what is missing if it cannot open its database.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'dist', 'electron-native');
// Same path as ELECTRON_NATIVE_BINDING in main/electron/app.ts.
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'build-info.json');
const stage = join(outDir, '.build');
const HEADERS_URL = 'https://electronjs.org/headers';
const require = createRequire(join(root, 'package.json'));

function skip(reason) {
  console.log(`Lewati: ${reason}`);
  console.log('  Aplikasi desktop memerlukan better-sqlite3 yang dibangun untuk Electron; Tanggap akan memberi tahu bila belum ada.');
  console.log('  Coba lagi saat tersambung ke internet: node main/build/rebuild-electron.mjs');
  process.exit(0);
}

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return null;
  }
}

// require('electron') under plain Node gives the path of the Electron executable, and
// throws when the download that provides it never happened.
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

// npm passes its config to scripts as npm_config_* variables, and node-gyp obeys them:
// a nodedir (set on some machines for plain-Node builds) would silently compile against
// Node's headers instead of Electron's. Only the explicit arguments below may choose.
function forgetNpmBuildConfig() {
  for (const key of Object.keys(process.env)) {
    if (/^npm_config_(nodedir|target|dist_?url|runtime|arch|build_from_source)$/i.test(key)) delete process.env[key];
  }
}

async function rebuildWithElectronRebuild(electronVersion) {
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch {
    return false;
  }
  console.log(`Membangun better-sqlite3 untuk Electron ${electronVersion} dengan @electron/rebuild…`);
  await rebuild({
    buildPath: stage,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
    headerURL: HEADERS_URL,
  });
  return true;
}

function rebuildWithNodeGyp(electronVersion) {
  let nodeGyp;
  try {
    nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    throw new Error('node-gyp maupun @electron/rebuild tidak terpasang');
  }
  console.log(`Membangun better-sqlite3 untuk Electron ${electronVersion} dengan node-gyp…`);
  const result = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--dist-url=${HEADERS_URL}`, `--arch=${process.arch}`],
    { cwd: join(stage, 'node_modules', 'better-sqlite3'), stdio: 'inherit', timeout: 15 * 60_000 },
  );
  if (result.status !== 0) throw new Error(result.error?.message ?? `node-gyp berhenti dengan kode ${result.status}`);
}

async function main() {
  const electronVersion = packageVersion('electron');
  const sqliteVersion = packageVersion('better-sqlite3');
  if (!electronVersion) skip('paket electron belum terpasang (npm install).');
  if (!sqliteVersion) skip('paket better-sqlite3 belum terpasang (npm install).');

  const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
  const stamp = readStamp();
  if (existsSync(target) && stamp && Object.entries(wanted).every(([k, v]) => stamp[k] === v)) {
    console.log(`better-sqlite3 untuk Electron ${electronVersion} sudah ada (${relative(root, target)}).`);
    return;
  }
  if (!electronBinary()) {
    skip(`program Electron ${electronVersion} belum terunduh (node_modules/electron/dist kosong), jadi better-sqlite3 tidak dibangun untuknya.`);
  }

  rmSync(stage, { recursive: true, force: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const copy = join(stage, 'node_modules', 'better-sqlite3');
  // Everything but the plain-Node build output.
  cpSync(source, copy, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build') + sep) && path !== join(source, 'build') });
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify({ name: 'tanggap-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }),
  );

  forgetNpmBuildConfig();
  try {
    if (!(await rebuildWithElectronRebuild(electronVersion))) rebuildWithNodeGyp(electronVersion);
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    skip(
      `better-sqlite3 tidak dapat dibangun untuk Electron ${electronVersion} ` +
        `(header Electron dari ${HEADERS_URL} tidak terunduh, atau alat kompilasi C++ belum ada): ` +
        (err instanceof Error ? err.message.split('\n')[0] : String(err)),
    );
  }

  const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) {
    rmSync(stage, { recursive: true, force: true });
    skip(`pembangunan selesai tetapi ${relative(root, built)} tidak ada.`);
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, target);
  writeFileSync(stampFile, JSON.stringify(wanted, null, 2) + '\n');
  rmSync(stage, { recursive: true, force: true });
  console.log(`better-sqlite3 untuk Electron ${electronVersion} siap: ${relative(root, target)}`);
}

await main();
