// `npm run build:main`: the main process, its preload, the host process and the
// `npm run web` server, each bundled into one file with esbuild (the compiler tsx and vite
// already bring), so a start reads one file instead of resolving and compiling several
// hundred modules of our own and of zod and date-fns. Left outside, loaded from
// node_modules: the native modules, Electron, and the libraries only a file export needs
// (docx, exceljs, qrcode; the core imports them when the first file is made). Types are
// checked by `npm run typecheck`, not here.
//
// node main/build/bundle.mjs [--outdir <dir>] [--if-changed]   (default: dist)
// The layout matches the sources: <outdir>/main/electron/main.js (package.json "main"),
// main/electron/preload.js, and two small start files that run their bundle beside them
// with V8's code cache (main/build/launch-cached.cjs): main/host/entry.js (the desktop
// app's host process) runs main/host/entry.bundle.js, main/http/cli.js (`npm run web`)
// main/http/cli.bundle.js.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));

export const EXTERNAL = ['electron', 'better-sqlite3', '@node-rs/argon2', 'docx', 'exceljs', 'qrcode'];
const ENTRIES = {
  'main/electron/main': 'main/electron/main.ts',
  'main/electron/preload': 'main/electron/preload.ts',
  'main/host/entry.bundle': 'main/host/entry.ts',
  'main/http/cli.bundle': 'main/http/cli.ts',
};
// Everything that can change the bundles' output.
const INPUTS = ['main', 'shared', 'package-lock.json', 'tsconfig.json', 'tsconfig.node.json'];
const STAMP = '.main-source-hash';

function filesOf(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

// Every file under the inputs (tests left out: they do not reach a build), hashed with
// their paths; also the renderer's build stamp (web.mjs).
export function sourceHash(inputs = INPUTS) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesOf(join(root, input))).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

// esbuild writes every other character outside ASCII as an escape, but not inside a
// regular expression. One such character makes Node read the whole bundle as a two-byte
// string: the server's bundle of 1.9 MB then took 22–34 ms to read instead of about 6 ms
// on the 2-core test machine, at every start.
function refuseNonAscii(file) {
  const text = readFileSync(file, 'latin1');
  const at = text.search(/[\x80-\xff]/);
  if (at < 0) return;
  const line = text.slice(0, at).split('\n').length;
  const near = Buffer.from(text.slice(Math.max(0, at - 60), at + 20), 'latin1').toString('utf8');
  throw new Error(`${relative(root, file)}, baris ${line}: karakter di luar ASCII di dekat «${near}». Tulis karakter itu di sumbernya sebagai escape \\uXXXX (biasanya di dalam regular expression).`);
}

export async function bundleMain(outdir = join(root, 'dist')) {
  const esbuild = require('esbuild');
  const hash = sourceHash();
  // A previous build's files (also the one-file-per-module output of tsc) would otherwise
  // stay beside the bundles and be packed into the setup file.
  rmSync(join(outdir, 'main'), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: EXTERNAL,
    // import('docx') and the like become require() inside a promise, so the bundle runs as
    // plain CommonJS anywhere (Electron's utility process, vm.Script with a code cache).
    supported: { 'dynamic-import': false },
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    // Whitespace and syntax only: each start reads and checks a third fewer bytes (the
    // server listened some 35 ms sooner on the 2-core test machine), while names stay as
    // written, so a stack trace in the log still reads as the code does.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  for (const entry of Object.keys(ENTRIES)) refuseNonAscii(join(outdir, `${entry}.js`));
  for (const start of ['main/host/entry', 'main/http/cli']) copyFileSync(join(root, 'main', 'build', 'launch-cached.cjs'), join(outdir, `${start}.js`));
  // `npm run web`'s first start's code cache (B: compiled here, not run; launch-cached.cjs
  // explains). None for the host process: Electron's V8 would refuse one made by Node.
  const cli = join(outdir, 'main', 'http', 'cli.bundle.js');
  const Module = require('node:module');
  const script = new vm.Script(Module.wrap(readFileSync(cli, 'latin1')), { filename: cli });
  // Named for this bundle by its size and time of change, as the start file names it.
  const made = statSync(cli);
  writeFileSync(`${cli}.v8`, Buffer.concat([Buffer.from(`B${made.size}:${Math.trunc(made.mtimeMs)}\n`, 'latin1'), script.createCachedData()]));
  writeFileSync(join(outdir, 'main', STAMP), `${hash}\n`);
}

// `npm run web`'s first half (with web.mjs): bundles only when a source changed since the
// bundles in dist/main were made.
export async function bundleMainIfChanged() {
  const stampFile = join(root, 'dist', 'main', STAMP);
  const built = existsSync(join(root, 'dist', 'main', 'http', 'cli.bundle.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === sourceHash();
  if (built) return false;
  await bundleMain();
  return true;
}

// Run as a script (also through a symlinked, junctioned or subst'ed checkout path, which
// Node resolves for import.meta.url but not for argv).
const invoked = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invoked === realpathSync(fileURLToPath(import.meta.url))) {
  const at = process.argv.indexOf('--outdir');
  const outdir = at >= 0 ? resolve(process.argv[at + 1] ?? '') : join(root, 'dist');
  // --if-changed: only when a source changed since the bundles in dist/main (the bench).
  (process.argv.includes('--if-changed') ? bundleMainIfChanged() : bundleMain(outdir)).catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
