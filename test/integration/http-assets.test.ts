import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { precompressDir } from '../../main/build/precompress';
import { ASSET_CACHE, createHttpServer, type HttpServer } from '../../main/http/server';
import { inject } from '../support/inject';
import { makeCore, type TestCore } from '../support/core';

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
});
