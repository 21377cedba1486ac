import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Stats } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

// The built renderer's files over HTTP: each sent as it is on disk, or as the .br or .gz
// twin the build wrote beside it (main/build/precompress.ts) when the browser accepts
// that encoding, with a validator (ETag) so a page asked for again is answered 304.

export const ASSET_CACHE = 'public, max-age=31536000, immutable';

// The content types of the renderer's files, also of the desktop app's app:// protocol.
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

// The encodings the browser accepts, in our order of preference (a smaller file first);
// one refused with q=0 is left out.
function acceptedEncodings(header: string | string[] | undefined): ('br' | 'gzip')[] {
  const accepted = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    accepted.add(name.trim());
  }
  return (['br', 'gzip'] as const).filter((e) => accepted.has(e));
}

const SUFFIX = { br: '.br', gzip: '.gz' } as const;

async function fileStat(path: string) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

// The file a decoded URL path names under root ("/" and any path ending in "/" name that
// folder's index.html), or null when it would leave root ("..%2f", "%5c..", another drive)
// or holds a NUL. Also the desktop app's app:// protocol's check.
export function fileUnder(root: string, path: string): string | null {
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  const rel = relative(base, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

// The file a URL path names inside root, with its stat, or null: outside root, a dot file
// (.source-hash and the like are the build's own), or not a file.
async function fileOf(root: string, urlPath: string): Promise<{ file: string; stat: Stats } | null> {
  let file: string | null;
  try {
    file = fileUnder(root, decodeURIComponent(urlPath));
  } catch {
    return null;
  }
  if (!file || relative(root, file).split(sep).some((part) => part.startsWith('.'))) return null;
  const stat = await fileStat(file);
  return stat ? { file, stat } : null;
}

export interface FileServer {
  // Sends the file the path names and returns true, or returns false when there is none.
  send(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean>;
  // Sends one file of root (the page), whatever the path.
  sendFile(req: IncomingMessage, res: ServerResponse, name: string): Promise<void>;
}

export function fileServer(folder: string): FileServer {
  const root = resolve(folder);
  // Names under assets/ carry their content's hash: a changed file gets a new name, so the
  // browser keeps them for good. index.html names them, so it is asked for afresh.
  const cacheOf = (file: string) => (relative(root, file).split(sep)[0] === 'assets' ? ASSET_CACHE : 'no-cache');

  // known: the file's stat when the caller has just taken it.
  async function sendPath(req: IncomingMessage, res: ServerResponse, file: string, known?: Stats): Promise<void> {
    let sent = file;
    let encoding: 'br' | 'gzip' | null = null;
    let s = known ?? (await fileStat(file));
    if (!s) throw new Error(`berkas tampilan hilang: ${relative(root, file)}`);
    for (const e of acceptedEncodings(req.headers['accept-encoding'])) {
      const twin = await fileStat(file + SUFFIX[e]);
      if (twin) {
        [sent, encoding, s] = [file + SUFFIX[e], e, twin];
        break;
      }
    }
    const etag = `W/"${s.size.toString(16)}-${Math.trunc(s.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
    const cached = req.headers['if-none-match'];
    const fresh = cached !== undefined && cached.split(',').some((tag) => tag.trim() === etag);
    // Read before any header is set: a failed read is answered as an error, not as this file.
    const body = fresh || req.method === 'HEAD' ? null : await readFile(sent);
    res.setHeader('content-type', MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('cache-control', cacheOf(file));
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('etag', etag);
    if (encoding) res.setHeader('content-encoding', encoding);
    if (fresh) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('content-length', body ? body.length : s.size);
    res.statusCode = 200;
    res.end(body);
  }

  return {
    async send(req, res, urlPath) {
      const found = await fileOf(root, urlPath);
      if (!found) return false;
      await sendPath(req, res, found.file, found.stat);
      return true;
    },
    sendFile: (req, res, name) => sendPath(req, res, join(root, name)),
  };
}
