import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { isCallName, type ApiError, type CallName } from '../../shared/contract';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT, LOGO_MAX_BYTES } from '../../shared/domain';
import { SIGNATURE_MAX_BYTES } from '../../shared/schemas/documents';
import { IMPORT_MAX_BYTES } from '../../shared/schemas/import';
import type { Core } from '../core';
import { admit } from '../core/auth/gate';
import { LOGIN_LIMIT, LOGIN_RATE_LIMITED, slidingWindow } from '../core/auth/rateLimit';
import type { SessionCarrier } from '../core/context';
import { TanggapError } from '../core/errors';
import { peekSession } from '../core/auth/sessions';
import { EVENTS_URL } from '../../shared/events';
import { fileServer } from './files';

export const SESSION_COOKIE = 'tanggap_session';
// Sent with a call the screen made on its own (renderer/api.ts): SessionCarrier.quiet.
const QUIET_HEADER = 'x-tanggap-quiet';

// Every call's body is small, so a client cannot make the server read megabytes it
// will refuse anyway.
export const BODY_LIMIT = 256 * 1024;
const KB = 1024;
const MB = 1024 * KB;
// base64 of n bytes, plus room for the other fields.
const encoded = (bytes: number, rest = 64 * KB) => Math.ceil((bytes * 4) / 3) + rest;

// The calls whose input may be larger: the ones carrying a file, and the whole service
// standard. Their session and role are checked before the body is read.
export const LARGE_BODY_LIMITS: Partial<Record<CallName, number>> = {
  'complaints.create': encoded(ATTACHMENT_MAX_BYTES * ATTACHMENT_MAX_COUNT),
  'workflow.followUp': encoded(ATTACHMENT_MAX_BYTES * ATTACHMENT_MAX_COUNT),
  'documents.deliver': encoded(ATTACHMENT_MAX_BYTES * ATTACHMENT_MAX_COUNT),
  'documents.signWet': encoded(ATTACHMENT_MAX_BYTES),
  'documents.verify': 15 * MB,
  'office.update': encoded(LOGO_MAX_BYTES),
  'setup.complete': encoded(LOGO_MAX_BYTES),
  'auth.setSignature': encoded(SIGNATURE_MAX_BYTES),
  'calendar.importIcs': 2 * MB,
  // The old register as a file (base64), twice: for the preview and for the run.
  'import.preview': encoded(IMPORT_MAX_BYTES),
  'import.start': encoded(IMPORT_MAX_BYTES),
  'standard.update': 512 * KB,
};

const STATUS: Record<ApiError['code'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  too_large: 413,
  unknown_call: 404,
  internal: 500,
};

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // not ours (a malformed escape): as if there were none
    }
  }
  return null;
}

function carrier(req: IncomingMessage, res: ServerResponse, secure: boolean): SessionCarrier {
  const session: SessionCarrier = {
    token: readCookie(req, SESSION_COOKIE),
    quiet: req.headers[QUIET_HEADER] === '1',
    setToken(token) {
      session.token = token;
      const attrs = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
      res.setHeader(
        'set-cookie',
        token ? `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${attrs.join('; ')}` : `${SESSION_COOKIE}=; Max-Age=0; ${attrs.join('; ')}`,
      );
    },
  };
  return session;
}

const ASSETS_URL = '/assets/';
const API_URL = '/api/';

export interface HttpOptions {
  rendererDir?: string;
  secureCookie?: boolean;
  // Serve over TLS with this key and certificate (PEM); the LAN server does.
  https?: { key: string; cert: string };
  // The host names and addresses this server answers to (without port). A request naming
  // another host is refused, so a web page elsewhere cannot reach the API through a DNS
  // name it points at this PC; a POST from another origin is refused too.
  allowedHosts?: readonly string[];
}

// The name in a Host header without its port: "192.168.1.5:8443" → "192.168.1.5", "[::1]:80" → "::1".
export function hostnameOf(host: string | undefined): string | null {
  if (!host) return null;
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(host) ?? /^([^:]+)(?::\d+)?$/.exec(host);
  return m ? m[1]!.toLowerCase() : null;
}

// Every answer of this server carries these.
const SECURITY_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  ],
];

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

const refuse = (res: ServerResponse, status: number, error: ApiError) => sendJson(res, status, { ok: false, error });

// A request refused before its call runs: the app's header or the session is missing,
// too many logins, or the body is not JSON, too large, or never finished.
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

const UNREADABLE: ApiError = { code: 'validation', message: 'Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.' };

const tooLarge = (limit: number) =>
  new Refused(413, {
    code: 'too_large',
    message:
      limit >= encoded(ATTACHMENT_MAX_BYTES)
        ? `Data yang dikirim terlalu besar. Lampiran paling besar ${ATTACHMENT_MAX_BYTES / MB} MB per berkas, paling banyak ${ATTACHMENT_MAX_COUNT} berkas.`
        : 'Data yang dikirim terlalu besar untuk perintah ini. Muat ulang halaman lalu coba lagi.',
  });

// JSON.parse, refusing a key that would reach an object's prototype if the input were ever
// merged into another object ("__proto__", or "constructor" holding a "prototype"). Only a
// text that may hold one, also written with escapes ("\u005f_proto__"), is checked key by key.
function parseJson(text: string): unknown {
  if (!/__proto__|constructor|\\u/.test(text)) return JSON.parse(text);
  return JSON.parse(text, (key, value: unknown) => {
    if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) throw new Error('kunci prototipe');
    return value;
  });
}

const hasBody = (req: IncomingMessage) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';

// The request's JSON body, read up to limit bytes; undefined when it has none.
function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const length = req.headers['content-length'];
  if (!hasBody(req)) return Promise.resolve(undefined);
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return Promise.reject(new Refused(415, UNREADABLE));
  if (length !== undefined && Number(length) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (fn: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', gone).off('close', gone);
      fn();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // The connection is closed with the answer (Refused), so the rest is never read.
      if (size > limit) settle(() => reject(tooLarge(limit)));
      else chunks.push(chunk);
    };
    const onEnd = () =>
      settle(() => {
        try {
          resolve(parseJson(Buffer.concat(chunks, size).toString('utf8')));
        } catch {
          reject(new Refused(400, UNREADABLE));
        }
      });
    // The client went before its body was in (a tab closed during an upload): nothing to
    // answer and nothing wrong with the server.
    const gone = () => settle(() => reject(new Refused(400, UNREADABLE)));
    req.on('data', onData).on('end', onEnd).on('error', gone).on('close', gone);
  });
}

// Streams one session may keep open at once (a few tabs); more are refused.
export const MAX_EVENT_STREAMS = 4;
export const HEARTBEAT_MS = 15_000;

// Live events as server-sent events. EventSource cannot send the x-tanggap header, so a
// cross-site read is closed by the SameSite=Strict cookie and by refusing a request whose
// Origin or Sec-Fetch-Site names another site. The stream ends when the session does.
function eventStreams(core: Core, secure: boolean) {
  const open = new Map<string, number>();
  const ends = new Set<() => void>();
  return {
    endAll() {
      for (const end of [...ends]) end();
    },
    open(req: IncomingMessage, res: ServerResponse) {
      const site = req.headers['sec-fetch-site'];
      const origin = req.headers.origin;
      let foreign = site !== undefined && site !== 'same-origin';
      try {
        if (origin !== undefined && new URL(origin).host !== req.headers.host) foreign = true;
      } catch {
        foreign = true;
      }
      if (foreign) return refuse(res, 403, { code: 'forbidden', message: 'Permintaan dari halaman di luar Tanggap ditolak.' });
      const session = carrier(req, res, secure);
      const token = session.token;
      if (!token || !peekSession(core.deps, token)) return refuse(res, 401, { code: 'unauthenticated', message: 'Silakan masuk terlebih dahulu.' });
      if ((open.get(token) ?? 0) >= MAX_EVENT_STREAMS) {
        return refuse(res, 429, { code: 'rate_limited', message: 'Terlalu banyak jendela Tanggap terbuka dengan akun ini. Tutup jendela yang tidak dipakai lalu muat ulang halaman.' });
      }
      open.set(token, (open.get(token) ?? 0) + 1);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // No proxy or compression may hold events back.
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      res.write('retry: 3000\n\n');
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        stop();
        clearInterval(heartbeat);
        ends.delete(end);
        const left = (open.get(token) ?? 1) - 1;
        if (left > 0) open.set(token, left);
        else open.delete(token);
        res.end();
      };
      const stop = core.watch(
        session,
        (e) => res.write(`data: ${JSON.stringify(e)}\n\n`),
        () => {
          res.write('event: end\ndata: {}\n\n');
          end();
        },
      );
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      ends.add(end);
      req.on('close', end);
    },
  };
}

// The server as its callers use it.
export interface HttpServer {
  // Node's server, listening once listen() resolved.
  readonly server: Server;
  // Its request listener: tests drive it without a socket.
  readonly handle: RequestListener;
  listen(at: { host: string; port: number }): Promise<void>;
  // Stops listening and waits for the requests already begun; see below.
  close(): Promise<void>;
}

// The contract over HTTP: POST /api/<call> with the input as JSON; GET /api/events, the
// live events; any other GET the renderer's files, or its page for a screen's address.
// On Node's own HTTP server: a start loads and sets up no more than it serves.
export async function createHttpServer(core: Core, options: HttpOptions = {}): Promise<HttpServer> {
  const secure = options.secureCookie ?? false;
  const logins = slidingWindow(LOGIN_LIMIT);
  const allowed = options.allowedHosts ? new Set(options.allowedHosts.map((h) => h.toLowerCase())) : null;
  const scheme = options.https ? 'https' : 'http';
  const root = options.rendererDir;
  const files = root && existsSync(join(root, 'index.html')) ? fileServer(root) : null;
  const events = eventStreams(core, secure);
  let closing = false;

  // The calls that carry a file are checked (session, role) before their body is read.
  async function call(req: IncomingMessage, res: ServerResponse, name: string) {
    // A cross-site form cannot send JSON with this header; together with the
    // SameSite=Strict cookie that closes CSRF.
    if (req.headers['x-tanggap'] !== '1') throw new Refused(403, { code: 'forbidden', message: 'Permintaan ditolak.' });
    if (name === 'auth.login' && !logins.allow(req.socket.remoteAddress ?? '')) throw new Refused(429, LOGIN_RATE_LIMITED);
    const session = carrier(req, res, secure);
    const large = isCallName(name) ? LARGE_BODY_LIMITS[name] : undefined;
    if (large) {
      try {
        admit(core.deps, name as CallName, session);
      } catch (err) {
        if (!(err instanceof TanggapError)) throw err;
        const error = err.toApiError();
        throw new Refused(STATUS[error.code], error);
      }
    }
    // Asked only now by a client that waits before sending its body (Expect: 100-continue).
    if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
    const input = await readJson(req, large ?? BODY_LIMIT);
    // The core's dispatch validates and authorises; this layer only carries bytes and cookies.
    const result = await core.call(name, input ?? {}, session);
    res.setHeader('cache-control', 'no-store');
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string) {
    if (allowed) {
      const host = hostnameOf(req.headers.host);
      if (!host || !allowed.has(host)) {
        return refuse(res, 421, { code: 'forbidden', message: 'Alamat server ini tidak dikenal. Buka Tanggap dengan alamat yang ditampilkan di menu Server kantor pada komputer server.' });
      }
      const origin = req.headers.origin;
      if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined && origin !== `${scheme}://${req.headers.host}`) {
        return refuse(res, 403, { code: 'forbidden', message: 'Permintaan dari halaman di luar Tanggap ditolak. Buka Tanggap langsung dari alamat servernya.' });
      }
    }
    const isApi = path.startsWith(API_URL);
    if (req.method === 'POST' && isApi && !path.includes('/', API_URL.length)) {
      let name: string;
      try {
        name = decodeURIComponent(path.slice(API_URL.length));
      } catch {
        throw new Refused(400, UNREADABLE);
      }
      return call(req, res, name);
    }
    if (req.method === 'GET' && path === EVENTS_URL) return events.open(req, res);
    if (files && !isApi && (req.method === 'GET' || req.method === 'HEAD')) {
      if (await files.send(req, res, path)) return;
      // A screen's address gets the page. A missing script must fail as one, not arrive as
      // the page (the browser would refuse its type and the page would stay blank).
      if (req.method === 'GET' && !path.startsWith(ASSETS_URL)) return files.sendFile(req, res, 'index.html');
    }
    refuse(res, 404, { code: 'unknown_call', message: 'Alamat tidak dikenal.' });
  }

  const handle: RequestListener = (req, res) => {
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    if (closing) {
      res.setHeader('connection', 'close');
      return refuse(res, 503, { code: 'internal', message: 'Server Tanggap sedang ditutup. Coba lagi sebentar lagi.' });
    }
    const url = req.url ?? '/';
    const path = url.split('?', 1)[0]!;
    route(req, res, path).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof Refused) {
        // A body left unread is not read on for nothing (a chunked one has no end to wait
        // for): the connection ends with the answer.
        if (hasBody(req) && !req.complete) res.setHeader('connection', 'close');
        return refuse(res, err.status, err.error);
      }
      // The path only: a query or body may hold personal data.
      core.deps.log.error(`HTTP ${req.method} ${path} gagal`, err);
      refuse(res, 500, { code: 'internal', message: 'Terjadi kesalahan di server Tanggap. Coba lagi.' });
    });
  };

  const server = options.https ? createTlsServer({ key: options.https.key, cert: options.https.cert }, handle) : createServer(handle);
  // As long as a browser may keep a connection for its next call (Node's own 5 s would
  // close many between two clicks, and a POST on a connection closing under it fails).
  server.keepAliveTimeout = 72_000;
  // The largest upload (complaints.create, some 34 MB) over weak office Wi-Fi: Node's own
  // 5 minutes would cut it below about 1 Mbit/s. Headers still have Node's 60 s.
  server.requestTimeout = 30 * 60_000;
  // A client that waits for the go-ahead before its body gets it after the checks (call()).
  server.on('checkContinue', handle);

  // A browser opens connections ahead of its requests (Chromium's preconnect) and may
  // never use them. Node's close waits for such a connection until its request timeout
  // (over TLS, a handshake left unfinished until the handshake's), minutes later, and ends
  // only the idle ones that carried a request: so at close the connections that never
  // carried one are ended too, and any that arrives while closing. One whose request has
  // arrived finishes it first. A connection is known by its remote address and port, the
  // same for the TCP socket and the TLS socket over it.
  const unused = new Map<string, Socket>();
  const keyOf = (socket: Socket) => `${socket.remoteAddress}:${socket.remotePort}`;
  server.on('connection', (socket: Socket) => {
    if (closing) return void socket.destroy();
    const key = keyOf(socket);
    unused.set(key, socket);
    socket.once('close', () => unused.delete(key));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    unused.delete(keyOf(req.socket));
    // A connection kept alive after its answer while the server closes is ended then.
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  let closed: Promise<void> | null = null;
  return {
    server,
    handle,
    listen: ({ host, port }) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          // From now on an error of the server itself (no file handle left to accept a
          // connection) is logged, not a crash.
          server.on('error', (err) => core.deps.log.error('server HTTP Tanggap bermasalah', err));
          resolve();
        });
      }),
    close() {
      closed ??= new Promise((resolve) => {
        closing = true;
        for (const socket of unused.values()) socket.destroy();
        events.endAll();
        if (!server.listening) return resolve();
        // Node's close ends the idle connections and waits for the busy ones.
        server.close(() => resolve());
      });
      return closed;
    },
  };
}
