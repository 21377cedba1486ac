import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ApiError } from '../../shared/contract';
import type { Core } from '../core';
import type { SessionCarrier } from '../core/context';
import { slidingWindow, type RateLimit } from './rateLimit';

export const SESSION_COOKIE = 'tanggap_session';
// Attachments are at most 5 × 5 MB, base64 adds a third.
const BODY_LIMIT = 40 * 1024 * 1024;

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

export interface HttpOptions {
  rendererDir?: string;
  secureCookie?: boolean;
}

// Login attempts per client address: enough for a busy shared PC, far too few to guess
// passwords (the per-account lock in the core guards each account on its own).
export const LOGIN_LIMIT: RateLimit = { max: 30, windowMs: 60_000 };

// The contract over HTTP: POST /api/<call> with the input as JSON. The core's
// dispatch validates and authorises; this layer only carries bytes and cookies.
export async function createHttpServer(core: Core, options: HttpOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: false });
  const logins = slidingWindow(LOGIN_LIMIT);

  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string }, _req, reply) => {
    const tooLarge = err.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
    const status = tooLarge ? 413 : err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    const error: ApiError = tooLarge
      ? { code: 'too_large', message: 'Data yang dikirim terlalu besar. Lampiran paling besar 5 MB per berkas.' }
      : status < 500
        ? { code: 'validation', message: 'Permintaan tidak dapat dibaca. Muat ulang halaman lalu coba lagi.' }
        : { code: 'internal', message: 'Terjadi kesalahan di server Tanggap. Coba lagi.' };
    void reply.status(status).send({ ok: false, error });
  });

  app.post<{ Params: { name: string } }>('/api/:name', async (req, reply) => {
    // A cross-site form cannot send JSON with this header; together with the
    // SameSite=Strict cookie that closes CSRF.
    if (req.headers['x-tanggap'] !== '1') {
      return reply.status(403).send({ ok: false, error: { code: 'forbidden', message: 'Permintaan ditolak.' } });
    }
    if (req.params.name === 'auth.login' && !logins.allow(req.ip)) {
      const error: ApiError = {
        code: 'rate_limited',
        message: 'Terlalu banyak percobaan masuk dari komputer ini. Tunggu satu menit, lalu coba lagi.',
      };
      return reply.status(429).send({ ok: false, error });
    }
    const result = await core.call(req.params.name, req.body ?? {}, carrier(req, reply, options.secureCookie ?? false));
    reply.header('cache-control', 'no-store');
    return reply.status(result.ok ? 200 : STATUS[result.error.code]).send(result);
  });

  const root = options.rendererDir;
  if (root && existsSync(join(root, 'index.html'))) {
    await app.register(fastifyStatic, { root, index: 'index.html' });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ ok: false, error: { code: 'unknown_call', message: 'Alamat tidak dikenal.' } });
    });
  }
  return app;
}
