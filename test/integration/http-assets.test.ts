import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { precompressDir } from '../../main/build/precompress';
import { ASSET_CACHE } from '../../main/http/files';
import { createHttpServer, type HttpServer } from '../../main/http/server';
import { inject } from '../support/inject';
import { makeCore, type TestCore } from '../support/core';

// A read of a file that fails (no file handle left, a file held by an antivirus).
const disk = vi.hoisted(() => ({ failRead: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = ((...args: Parameters<typeof real.readFile>) =>
    disk.failRead ? Promise.reject(Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' })) : real.readFile(...args)) as typeof real.readFile;
  return { ...real, readFile, default: { ...real, readFile } };
});

// A built renderer in miniature: the page and one hashed script, compressed by the
// same step the renderer's build runs.
const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `baris ${i}`))};\n`;
const PAGE = '<!doctype html><html lang="id"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';

let t: TestCore;
let app: HttpServer;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tanggap-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  expect(precompressDir(dir)).toBe(1); // the page is too small to be worth it
  t = makeCore();
  app = await createHttpServer(t.core, { rendererDir: dir });
});
afterEach(async () => {
  await app.close();
  t.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) => inject(app, { method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('renderer files over HTTP', () => {
  it('sends a hashed script compressed as the browser accepts, cached for good', async () => {
    const br = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(ASSET_CACHE);
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(ASSET_CACHE);
  });

  it('asks the browser to check the page itself every time, at / and at any screen address', async () => {
    for (const url of ['/', '/index.html', '/register?halaman=3']) {
      const page = await get(url, 'br, gzip');
      expect(page.statusCode, url).toBe(200);
      expect(page.payload, url).toBe(PAGE);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a missing script with 404, not with the page', async () => {
    const missing = await get('/assets/index-Old99999.js', 'br, gzip');
    expect(missing.statusCode).toBe(404);
    expect(missing.payload).not.toContain('<!doctype html>');
    expect(missing.headers['cache-control']).not.toBe(ASSET_CACHE);
  });

  it('answers the page asked again with its validator by 304, and a HEAD with the headers only', async () => {
    const page = await get('/', 'br, gzip');
    const etag = String(page.headers['etag']);
    expect(etag).toMatch(/^W\/"/);
    const again = await inject(app, { method: 'GET', url: '/register', headers: { 'accept-encoding': 'br, gzip', 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.payload).toBe('');
    // Another encoding is another validator: a cached plain page is not taken for the br one.
    const br = await get('/assets/index-Ab12Cd34.js', 'br');
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(br.headers['etag']).not.toBe(plain.headers['etag']);
    const head = await inject(app, { method: 'HEAD', url: '/assets/index-Ab12Cd34.js' });
    expect(head.statusCode).toBe(200);
    expect(head.payload).toBe('');
    expect(Number(head.headers['content-length'])).toBe(SCRIPT.length);
  });

  it("never sends the build's own dot files, nor a file outside the renderer's folder, however the path is spelt", async () => {
    writeFileSync(join(dir, '.source-hash'), 'rahasia-build\n');
    writeFileSync(join(dir, 'assets', '.env'), 'rahasia-build\n');
    const outside = `${dir}-luar.txt`;
    writeFileSync(outside, 'rahasia-luar\n');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    // A raw request line: an HTTP client would tidy the dots away before sending.
    const raw = (path: string) =>
      new Promise<string>((resolve, reject) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const name = basename(outside);
    try {
      for (const path of ['/.source-hash', '/assets/.env', `/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`, `/..%5c${name}`, `/assets/%2e%2e/%2e%2e/${name}`, '/%00', '/%E0%A4%A']) {
        const answer = await raw(path);
        expect(answer, path).toMatch(/^HTTP\/1\.1 (200|404)/);
        expect(answer, path).not.toContain('rahasia');
      }
    } finally {
      rmSync(outside, { force: true });
    }
  });

  it('answers a file it cannot read with a plain error, never one dressed as the file', async () => {
    disk.failRead = true;
    try {
      const failed = await get('/assets/index-Ab12Cd34.js', 'br');
      expect(failed.statusCode).toBe(500);
      expect(failed.json().error.code).toBe('internal');
      // Not brotli, not the script's validator, not cached for a year.
      expect(failed.headers['content-encoding']).toBeUndefined();
      expect(failed.headers['etag']).toBeUndefined();
      expect(failed.headers['cache-control']).toBeUndefined();
    } finally {
      disk.failRead = false;
    }
  });
});
