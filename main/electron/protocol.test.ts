import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, PRIVILEGED_SCHEMES, registerAppProtocol, resolveAppFile } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tanggap-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tanggap</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'rahasia');
  handler = createAppProtocolHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered standard, secure and fetch-capable', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('registers its handler under the app scheme', () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves the renderer with the CSP header', async () => {
    const res = await get('app://tanggap/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Tanggap</title>');

    const js = await get('app://tanggap/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await js.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root and for client-side routes', async () => {
    expect(await (await get('app://tanggap/')).text()).toContain('Tanggap');
    const route = await get('app://tanggap/pengaduan/12');
    expect(route.status).toBe(200);
    expect(route.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers 404 for a missing asset rather than the page', async () => {
    expect((await get('app://tanggap/assets/missing.js')).status).toBe(404);
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const url of [
      'app://tanggap/..%2fsecret.txt',
      'app://tanggap/assets/..%2f..%2fsecret.txt',
      'app://tanggap/%2e%2e%2fsecret.txt',
      'app://tanggap/..%5csecret.txt',
      'app://tanggap/%2F..%2F..%2Fsecret.txt',
      'app://tanggap/index.html%00.js',
      'app://tanggap/%E0%A4%A',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('rahasia');
    }
    expect(resolveAppFile(root, 'app://tanggap/..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://tanggap/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('serves only its own host and only reads', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect(resolveAppFile(root, 'https://tanggap/index.html')).toBeNull();
    expect((await get('app://tanggap/index.html', 'POST')).status).toBe(405);
    const head = await get('app://tanggap/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
