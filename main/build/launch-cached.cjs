'use strict';
// The start file of `npm run web` and of the desktop app's host process (copied by
// main/build/bundle.mjs to dist/main/http/cli.js and dist/main/host/entry.js): runs the
// bundle beside it (cli.bundle.js, entry.bundle.js) with V8's code cache, so a start does
// not parse and compile its 1.9 MB again (the server listened some 60 ms sooner on the
// 2-core test machine). The cache is V8's own data for this bundle and this Node or
// Electron; V8 rejects a cache of another V8 version, and the bundle then compiles as
// usual. V8 tells bundles apart by their length only, so the cache's first line also names
// the bundle it was made for (its size and time of change): a cache of a bundle since
// replaced by one of the same length (an update) is not used. The line's first character
// says who wrote the cache: B the build (compiled, never run), R a run (also every
// function the start and the first requests compiled), written once by a run that did
// not start from an R cache.
// The cache is kept beside the bundle, or where TANGGAP_CODE_CACHE says: the desktop app
// keeps its host's in the user's folder, as its bundle sits in the read-only app.asar.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS start file, run by plain Node as it is */
const { isAscii } = require('node:buffer');
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');
/* eslint-enable @typescript-eslint/no-require-imports */

const file = join(__dirname, `${basename(__filename, '.js')}.bundle.js`);
const cacheFile = process.env.TANGGAP_CODE_CACHE || `${file}.v8`;
// After the first page has been served, or when the process ends before that.
const WRITE_AFTER_MS = 20_000;

const made = statSync(file);
const bundleId = `${made.size}:${Math.trunc(made.mtimeMs)}`;

// [kind, V8's data] of a cache made for this bundle, else null.
function readCache() {
  let data;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return null; // none yet
  }
  const end = data.indexOf(0x0a);
  if (end < 1 || data.toString('latin1', 1, end) !== bundleId) return null;
  return [data.toString('latin1', 0, 1), data.subarray(end + 1)];
}
const cache = readCache();

// The bundle is ASCII (bundle.mjs refuses any other character), so its bytes are its
// characters: read as latin1 there is nothing to decode (1.9 MB: 0.5 ms instead of 6–20 ms
// as UTF-8 on the 2-core test machine). Any other file is read as UTF-8.
const bytes = readFileSync(file);
const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString('utf8');
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData: cache && cache[1].length > 0 ? cache[1] : undefined,
});

if (!cache || cache[0] !== 'R' || script.cachedDataRejected) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      const data = script.createCachedData();
      const tmp = `${cacheFile}.${process.pid}.sementara`;
      writeFileSync(tmp, Buffer.concat([Buffer.from(`R${bundleId}\n`, 'latin1'), data]));
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only folder: the next start compiles as this one did.
    }
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}

const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, __dirname);
