import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { fileUnder, MIME } from '../http/files';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

// The renderer is served from app://tanggap/, not file://: a standard, secure origin of
// its own, so 'self' in the CSP means exactly the app's files. With V8's code cache kept
// for it (Chromium keeps one only for http(s) otherwise), a day's start reuses the
// scripts compiled the day before.
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
];

// The file under rendererDir that an app:// URL names, or null for anything else:
// another host, a malformed escape, or a path that leaves rendererDir ("..%2f", "%5c..").
export function resolveAppFile(rendererDir: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return fileUnder(rendererDir, path);
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

function respond(status: number, body: Buffer | string | null, type: string): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    },
  });
}

const notFound = () => respond(404, 'Berkas tidak ditemukan.', MIME['.txt']!);

// The handler for protocol.handle('app', …). A path without an extension that names no
// file (a client-side route such as /pengaduan/12 after a reload) gets index.html.
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Metode tidak diizinkan.', MIME['.txt']!);
    const file = resolveAppFile(root, request.url);
    if (!file) return notFound();
    let served = file;
    let body = await readFileOrNull(file);
    if (!body && extname(file) === '') {
      served = join(root, 'index.html');
      body = await readFileOrNull(served);
    }
    if (!body) return notFound();
    const type = MIME[extname(served).toLowerCase()] ?? 'application/octet-stream';
    return respond(200, request.method === 'HEAD' ? null : body, type);
  };
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
