'use strict';
// The start file of `npm run web` (copied by main/build/bundle.mjs to dist/main/http/cli.js):
// runs the bundle beside it (cli.bundle.js) with V8's code cache, so a start does not
// parse and compile its 3 MB again. The cache is V8's own data for this bundle and this
// Node; V8 checks both and rejects a cache that does not match (a rebuilt bundle, another
// Node), and the bundle then compiles as usual. The first byte says who wrote the cache:
// B the build (compiled, never run), R a run (also every function the start and the first
// requests compiled), written once by a run that did not start from an R cache.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS start file, run by plain Node as it is */
const { isAscii } = require('node:buffer');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');
/* eslint-enable @typescript-eslint/no-require-imports */

const file = join(__dirname, `${basename(__filename, '.js')}.bundle.js`);
const cacheFile = `${file}.v8`;
// After the first page has been served, or when the process ends before that.
const WRITE_AFTER_MS = 20_000;

let cache = null;
try {
  cache = readFileSync(cacheFile);
} catch {
  // none yet
}
// The bundle is ASCII (bundle.mjs refuses any other character), so its bytes are its
// characters: read as latin1 there is nothing to decode (1.9 MB: 0.2 ms instead of 6 ms as
// UTF-8 on the 2-core test machine). Any other file is read as UTF-8.
const bytes = readFileSync(file);
const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString('utf8');
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData: cache && cache.length > 1 ? cache.subarray(1) : undefined,
});

if (!cache || cache[0] !== 0x52 || script.cachedDataRejected) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      const data = script.createCachedData();
      const tmp = `${cacheFile}.${process.pid}.sementara`;
      writeFileSync(tmp, Buffer.concat([Buffer.from('R'), data]));
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
