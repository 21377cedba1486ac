import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

// What a fresh process loads before its first request, as `npm run web` and the Electron
// app start: the core, the demo seed and the HTTP server, in a Node of their own (this
// test's own module cache would not tell).
function packagesLoadedAtStart(): string[] {
  const script = `
    require('./main/core/index.ts');
    require('./main/core/demo/seed.ts');
    require('./main/http/server.ts');
    const names = new Set();
    for (const file of Object.keys(require.cache)) {
      const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
      if (m) names.add(m[1].replace('\\\\', '/'));
    }
    console.log(JSON.stringify([...names]));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
}

describe('cold start', () => {
  it('loads the DOCX, XLSX and QR libraries only when a file is made, and argon2 at the first login, not at start', () => {
    const loaded = packagesLoadedAtStart();
    // The check sees packages at all: the schemas and the database are there.
    expect(loaded).toEqual(expect.arrayContaining(['zod', 'better-sqlite3']));
    expect(loaded).not.toContain('docx');
    expect(loaded).not.toContain('exceljs');
    expect(loaded).not.toContain('qrcode');
    // The password hash's native module waits for the first login.
    expect(loaded).not.toContain('@node-rs/argon2');
  }, 60_000);

  // `npm run web` as it starts: the bundle of main/build/bundle.mjs, run by its start file
  // with V8's code cache. A preloaded probe lists, at exit, the modules that came from
  // node_modules rather than from the bundle.
  const scratch = mkdtempSync(join(tmpdir(), 'tanggap-bundle-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function startBundled(dataDir: string): Promise<{ packages: string[]; setup: unknown; page: string }> {
    const probe = join(scratch, 'probe.cjs');
    writeFileSync(
      probe,
      `process.on('exit', () => {
        const names = new Set();
        for (const file of Object.keys(require.cache)) {
          const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(file);
          if (m) names.add(m[1].replace('\\\\', '/'));
        }
        console.log('PACKAGES ' + JSON.stringify([...names]));
      });`,
    );
    const proc = spawn(process.execPath, ['-r', probe, join(scratch, 'dist', 'main', 'http', 'cli.js'), '--data', dataDir, '--port', '0'], {
      cwd: scratch,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    return new Promise((resolve, reject) => {
      let setup: unknown = null;
      let page = '';
      const onData = (chunk: Buffer) => {
        const before = output;
        output += chunk.toString();
        const url = /berjalan di (http:\/\/\S+)/.exec(output)?.[1];
        if (url && !/berjalan di/.test(before)) {
          void fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tanggap': '1' }, body: '{}' })
            .then(async (res) => (setup = await res.json()))
            // The renderer beside the bundle (dist/renderer), as `npm run web` serves it.
            .then(async () => (page = await (await fetch(`${url}/register`)).text()))
            .catch((err: unknown) => (setup = String(err)))
            .finally(() => proc.kill('SIGTERM'));
        }
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      proc.on('error', reject);
      proc.on('exit', (code) => {
        const line = /PACKAGES (.+)/.exec(output)?.[1];
        if (code !== 0 || !line) reject(new Error(`server berhenti (${code}):\n${output}`));
        else resolve({ packages: JSON.parse(line) as string[], setup, page });
      });
    });
  }

  it('starts npm run web from one bundle, with DOCX, XLSX and QR left for the first file', async () => {
    const build = spawnSync(process.execPath, [join(root, 'main', 'build', 'bundle.mjs'), '--outdir', join(scratch, 'dist')], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
    mkdirSync(join(scratch, 'dist', 'renderer'));
    writeFileSync(join(scratch, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Tanggap</title><div id="root">renderer terbangun</div>');
    const cache = join(scratch, 'dist', 'main', 'http', 'cli.bundle.js.v8');
    // The build's cache: compiled, never run.
    expect(readFileSync(cache).subarray(0, 1).toString()).toBe('B');

    const first = await startBundled(join(scratch, 'data'));
    expect(first.setup).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(first.page).toContain('renderer terbangun');
    // Only what cannot be bundled comes from node_modules: the native SQLite binding.
    expect(first.packages).toContain('better-sqlite3');
    for (const name of ['zod', 'date-fns', 'docx', 'exceljs', 'qrcode', '@node-rs/argon2']) expect(first.packages).not.toContain(name);
    // The run left its own cache (also the functions it ran) for the next start.
    expect(readFileSync(cache).subarray(0, 1).toString()).toBe('R');

    const written = readFileSync(cache);
    const second = await startBundled(join(scratch, 'data'));
    expect(second.setup).toMatchObject({ ok: true, value: { needsSetup: true } });
    // Taken as it was: a cache V8 had refused would have been written again.
    expect(readFileSync(cache).equals(written)).toBe(true);
  }, 120_000);

  // V8 checks a cache against its script's length only: given a cache of another script of
  // the same length, it runs the cached code. The start file names the bundle in the cache,
  // so a bundle replaced by one of the same length (an update) runs as it is now written.
  it('does not run a code cache made for another bundle of the same length', () => {
    const dir = join(scratch, 'same-length');
    mkdirSync(dir);
    copyFileSync(join(root, 'main', 'build', 'launch-cached.cjs'), join(dir, 'start.js'));
    const cacheFile = join(dir, 'start.v8');
    const run = () => {
      const out = spawnSync(process.execPath, [join(dir, 'start.js')], { encoding: 'utf8', env: { ...process.env, TANGGAP_CODE_CACHE: cacheFile } });
      expect(out.status, out.stderr).toBe(0);
      return out.stdout.trim();
    };
    const bundle = (answer: number, at: number) => {
      writeFileSync(join(dir, 'start.bundle.js'), `function answer() { return ${answer}; }\nconsole.log(answer());\n`);
      utimesSync(join(dir, 'start.bundle.js'), at, at);
    };
    bundle(111, 1_700_000_000);
    expect(run()).toBe('111');
    // Written where TANGGAP_CODE_CACHE says, with the functions the run compiled.
    expect(readFileSync(cacheFile).toString('latin1', 0, 1)).toBe('R');
    bundle(222, 1_700_000_100);
    expect(run()).toBe('222');
    expect(run()).toBe('222');
  });
});
