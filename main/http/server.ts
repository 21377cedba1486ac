import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join, relative, sep } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
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

function readCookie(req: FastifyRequest, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function carrier(req: FastifyRequest, reply: FastifyReply, secure: boolean): SessionCarrier {
  const session: SessionCarrier = {
    token: readCookie(req, SESSION_COOKIE),
    quiet: req.headers[QUIET_HEADER] === '1',
    setToken(token) {
      session.token = token;
      const attrs = ['Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])];
      reply.header(
        'set-cookie',
        token ? `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${attrs.join('; ')}` : `${SESSION_COOKIE}=; Max-Age=0; ${attrs.join('; ')}`,
      );
    },
  };
  return session;
}

const ASSETS_URL = '/assets/';
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
const isHashedAsset = (root: string, path: string) => relative(root, path).split(sep)[0] === 'assets';

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

const refuse = (reply: FastifyReply, status: number, error: ApiError) => reply.status(status).send({ ok: false, error });

// Streams one session may keep open at once (a few tabs); more are refused.
export const MAX_EVENT_STREAMS = 4;
export const HEARTBEAT_MS = 15_000;

// A browser opens connections ahead of its requests (Chromium's preconnect) and may
// never use them. Node's close waits for such a connection until its request timeout
// (over TLS, a handshake left unfinished until the handshake's), minutes later, and
// Fastify ends only the idle ones that carried a request: so at close the connections
// that never carried one are ended too, and any that arrives while closing. One whose
// request has arrived finishes it first. A connection is known by its remote address and
// port, the same for the TCP socket and the TLS socket over it.
function endUnusedAtClose(app: FastifyInstance) {
  const unused = new Map<string, Socket>();
  const keyOf = (socket: Socket) => `${socket.remoteAddress}:${socket.remotePort}`;
  let closing = false;
  app.server.on('connection', (socket: Socket) => {
    if (closing) return void socket.destroy();
    const key = keyOf(socket);
    unused.set(key, socket);
    socket.once('close', () => unused.delete(key));
  });
  app.server.on('request', (req: { socket: Socket }) => unused.delete(keyOf(req.socket)));
  app.addHook('preClose', async () => {
    closing = true;
    for (const socket of unused.values()) socket.destroy();
  });
}

// Live events as server-sent events. EventSource cannot send the x-tanggap header, so a
// cross-site read is closed by the SameSite=Strict cookie and by refusing a request whose
// Origin or Sec-Fetch-Site names another site. The stream ends when the session does.
function serveEvents(app: FastifyInstance, core: Core, secure: boolean) {
  const open = new Map<string, number>();
  const ends = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...ends]) end();
  });
  app.get(EVENTS_URL, (req, reply) => {
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    let foreign = site !== undefined && site !== 'same-origin';
    try {
      if (origin !== undefined && new URL(origin).host !== req.headers.host) foreign = true;
    } catch {
      foreign = true;
    }
    if (foreign) return refuse(reply, 403, { code: 'forbidden', message: 'Permintaan dari halaman di luar Tanggap ditolak.' });
    const session = carrier(req, reply, secure);
    const token = session.token;
    if (!token || !peekSession(core.deps, token)) return refuse(reply, 401, { code: 'unauthenticated', message: 'Silakan masuk terlebih dahulu.' });
    if ((open.get(token) ?? 0) >= MAX_EVENT_STREAMS) {
      return refuse(reply, 429, { code: 'rate_limited', message: 'Terlalu banyak jendela Tanggap terbuka dengan akun ini. Tutup jendela yang tidak dipakai lalu muat ulang halaman.' });
    }
    open.set(token, (open.get(token) ?? 0) + 1);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
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
    req.raw.on('close', end);
  });
}

// No route declares a JSON schema (the core checks every call's input with zod), so
// fastify is given schema compilers of its own instead of loading ajv and
// fast-json-stringify while the server starts. A route that declared a schema would
// stop the start at once with this message.
const noSchemas = (): never => {
  throw new Error('Rute HTTP Tanggap tidak memakai skema JSON: periksa masukan dengan zod di shared/contract.ts.');
};
const schemaController = { compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas } };

// The contract over HTTP: POST /api/<call> with the input as JSON.
export async function createHttpServer(core: Core, options: HttpOptions = {}): Promise<FastifyInstance> {
  const app = options.https
    ? (Fastify({ bodyLimit: BODY_LIMIT, logger: false, schemaController, https: options.https }) as unknown as FastifyInstance)
    : Fastify({ bodyLimit: BODY_LIMIT, logger: false, schemaController });
  const secure = options.secureCookie ?? false;
  const logins = slidingWindow(LOGIN_LIMIT);

  if (options.allowedHosts) {
    const allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase()));
    const scheme = options.https ? 'https' : 'http';
    app.addHook('onRequest', async (req, reply) => {
      const host = hostnameOf(req.headers.host);
      if (!host || !allowed.has(host)) {
        return refuse(reply, 421, { code: 'forbidden', message: 'Alamat server ini tidak dikenal. Buka Tanggap dengan alamat yang ditampilkan di menu Server kantor pada komputer server.' });
      }
      const origin = req.headers.origin;
      if (req.method !== 'GET' && req.method !== 'HEAD' && origin !== undefined && origin !== `${scheme}://${req.headers.host}`) {
        return refuse(reply, 403, { code: 'forbidden', message: 'Permintaan dari halaman di luar Tanggap ditolak. Buka Tanggap langsung dari alamat servernya.' });
      }
    });
  }

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string }, req, reply) => {
    const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const status = tooLarge ? 413 : err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    const error: ApiError = tooLarge
      ? {
          code: 'too_large',
          message:
            req.routeOptions.bodyLimit >= encoded(ATTACHMENT_MAX_BYTES)
              ? `Data yang dikirim terlalu besar. Lampiran paling besar ${ATTACHMENT_MAX_BYTES / MB} MB per berkas, paling banyak ${ATTACHMENT_MAX_COUNT} berkas.`
              : 'Data yang dikirim terlalu besar untuk perintah ini. Muat ulang halaman lalu coba lagi.',
        }
      : status < 500
        ? { code: 'validation', message: 'Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.' }
        : { code: 'internal', message: 'Terjadi kesalahan di server Tanggap. Coba lagi.' };
    void reply.status(status).send({ ok: false, error });
  });

  // Everything that can refuse a call without its input runs here, before the body is read.
  type Req = FastifyRequest<{ Params: { name?: string } }>;
  const nameOf = (req: Req, fixed?: CallName) => fixed ?? req.params.name ?? '';
  const gate = (fixed?: CallName) => async (req: Req, reply: FastifyReply) => {
    // A cross-site form cannot send JSON with this header; together with the
    // SameSite=Strict cookie that closes CSRF.
    if (req.headers['x-tanggap'] !== '1') return refuse(reply, 403, { code: 'forbidden', message: 'Permintaan ditolak.' });
    const name = nameOf(req, fixed);
    if (name === 'auth.login' && !logins.allow(req.ip)) return refuse(reply, 429, LOGIN_RATE_LIMITED);
    if (isCallName(name) && LARGE_BODY_LIMITS[name]) {
      try {
        admit(core.deps, name, carrier(req, reply, secure));
      } catch (err) {
        if (!(err instanceof TanggapError)) throw err;
        const error = err.toApiError();
        return refuse(reply, STATUS[error.code], error);
      }
    }
  };

  // The contract over HTTP: the core's dispatch validates and authorises; this layer
  // only carries bytes and cookies.
  const run = (fixed?: CallName) => async (req: Req, reply: FastifyReply) => {
    const result = await core.call(nameOf(req, fixed), req.body ?? {}, carrier(req, reply, secure));
    reply.header('cache-control', 'no-store');
    return reply.status(result.ok ? 200 : STATUS[result.error.code]).send(result);
  };

  app.post('/api/:name', { onRequest: gate() }, run());
  endUnusedAtClose(app);
  serveEvents(app, core, secure);
  for (const [name, bodyLimit] of Object.entries(LARGE_BODY_LIMITS) as [CallName, number][]) {
    app.post(`/api/${name}`, { bodyLimit, onRequest: gate(name) }, run(name));
  }

  const root = options.rendererDir;
  if (root && existsSync(join(root, 'index.html'))) {
    await app.register(fastifyStatic, {
      root,
      index: 'index.html',
      // The build writes .br and .gz beside each text file (renderer/vite.config.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        // Names under /assets/ carry their content's hash: a changed file gets a new name,
        // so the browser keeps them for good. index.html names them, so it is asked afresh.
        reply.header('cache-control', isHashedAsset(root, path) ? ASSET_CACHE : 'no-cache');
      },
    });
    app.setNotFoundHandler((req, reply) => {
      // A missing script must fail as one, not arrive as the page (the browser would
      // refuse its type and the page would stay blank without saying why).
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith(ASSETS_URL)) return reply.sendFile('index.html');
      return reply.status(404).send({ ok: false, error: { code: 'unknown_call', message: 'Alamat tidak dikenal.' } });
    });
  }
  return app;
}
