import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';

import { loadOrCreateIdentity } from '../../main/host/certificate';
import { createHttpServer, SESSION_COOKIE, type HttpServer } from '../../main/http/server';
import { inject } from '../support/inject';
import type { Logger } from '../../main/core/context';
import { ADMIN, addUser, makeCore, setupOffice, silentLog, type TestCore } from '../support/core';

let t: TestCore;
let app: HttpServer;
afterEach(async () => {
  await app?.close();
  t?.dispose();
});

const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  inject(app, { method: 'POST', url: `/api/${name}`, payload: body as object, headers: { 'x-tanggap': '1', ...headers } });

describe('HTTP transport', () => {
  it('logs in with an HttpOnly SameSite=Strict cookie and uses it', async () => {
    t = makeCore();
    await setupOffice(t.core);
    app = await createHttpServer(t.core);
    const login = await post('auth.login', ADMIN);
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(login.json().value).not.toHaveProperty('token');
    const session = cookie.split(';')[0]!;
    const users = await post('users.list', {}, { cookie: session });
    expect(users.json()).toMatchObject({ ok: true, value: [{ username: 'admin' }] });
    const out = await post('auth.logout', {}, { cookie: session });
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await post('users.list', {}, { cookie: session })).statusCode).toBe(401);
  });

  it('lets a quiet refresh (x-tanggap-quiet) find the session idle rather than keep it alive', async () => {
    t = makeCore();
    await setupOffice(t.core);
    app = await createHttpServer(t.core);
    const session = String((await post('auth.login', ADMIN)).headers['set-cookie']).split(';')[0]!;
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(10);
      expect((await post('users.list', {}, { cookie: session, 'x-tanggap-quiet': '1' })).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(1);
    const ended = await post('users.list', {}, { cookie: session, 'x-tanggap-quiet': '1' });
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.message).toMatch(/tidak ada aktivitas/);
    // The same rhythm without the header is activity.
    const active = String((await post('auth.login', ADMIN)).headers['set-cookie']).split(';')[0]!;
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(10);
      expect((await post('users.list', {}, { cookie: active })).statusCode).toBe(200);
    }
  });

  it('refuses requests without the app header, unknown calls and bad input', async () => {
    t = makeCore();
    app = await createHttpServer(t.core);
    const noHeader = await inject(app, { method: 'POST', url: '/api/setup.status', payload: {} });
    expect(noHeader.statusCode).toBe(403);
    expect((await post('bogus', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const bad = await post('auth.login', { username: 'a' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.password).toBe('Kata sandi wajib diisi.');
    const notJson = await inject(app, { method: 'POST', url: '/api/auth.login', payload: '{oops', headers: { 'x-tanggap': '1', 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.message).toMatch(/Muat ulang/);
    const notJsonType = await inject(app, { method: 'POST', url: '/api/auth.login', payload: 'username=a', headers: { 'x-tanggap': '1', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJsonType.statusCode).toBe(415);
    expect(notJsonType.json().error.message).toMatch(/Muat ulang/);
    // A key that would reach an object's prototype is refused before any call sees it.
    // Also written with escapes, which JSON.parse reads as the same keys.
    for (const payload of [
      '{"username":"admin","password":"x","__proto__":{"role":"admin"}}',
      '{"username":"admin","password":"x","constructor":{"prototype":{"role":"admin"}}}',
      '{"username":"admin","password":"x","\\u005f_proto__":{"role":"admin"}}',
      '{"username":"admin","password":"x","\\u0063onstructor":{"prototype":{"role":"admin"}}}',
    ]) {
      const poisoned = await inject(app, { method: 'POST', url: '/api/auth.login', payload, headers: { 'x-tanggap': '1', 'content-type': 'application/json' } });
      expect(poisoned.statusCode, payload).toBe(400);
    }
  });

  it('takes a session cookie it cannot read as no session, so the login still works', async () => {
    t = makeCore();
    await setupOffice(t.core);
    app = await createHttpServer(t.core);
    const login = await post('auth.login', ADMIN, { cookie: `${SESSION_COOKIE}=%zz` });
    expect(login.statusCode).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
  });

  it('refuses a body that is not an object with a 400 and an Indonesian message, never a 500', async () => {
    t = makeCore();
    await addUser(t.core, await setupOffice(t.core), 'staf', 'staf');
    app = await createHttpServer(t.core);
    const cookie = String((await post('auth.login', { username: 'staf', password: 'kata-sandi-123' })).headers['set-cookie']).split(';')[0]!;
    for (const body of ['"teks"', '42', '[1,2]', 'true']) {
      const r = await inject(app, { method: 'POST', url: '/api/complaints.create', payload: body, headers: { 'x-tanggap': '1', 'content-type': 'application/json', cookie } });
      expect(r.statusCode, body).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'validation', message: expect.stringMatching(/objek JSON/) });
    }
  });

  it('answers an oversized body with an Indonesian message', async () => {
    t = makeCore();
    await addUser(t.core, await setupOffice(t.core), 'staf', 'staf');
    app = await createHttpServer(t.core);
    const cookie = String((await post('auth.login', { username: 'staf', password: 'kata-sandi-123' })).headers['set-cookie']).split(';')[0]!;
    const huge = await post('complaints.create', { x: 'A'.repeat(41 * 1024 * 1024) }, { cookie });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/terlalu besar/);
  });
});

describe('a body the server will not read', () => {
  // A raw connection: the request's head, then as much of its body as the test sends.
  async function rawServer(log: Logger = silentLog) {
    t = makeCore(undefined, { log });
    await setupOffice(t.core);
    app = await createHttpServer(t.core);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return (head: string, body = '') =>
      new Promise<{ socket: Socket; answer: () => string; ended: Promise<void> }>((resolve) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`${head}\r\n\r\n${body}`);
          resolve({ socket, answer: () => answer, ended });
        });
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
        socket.on('error', () => undefined);
        const ended = new Promise<void>((done) => socket.once('close', () => done()));
      });
  }
  const login = 'POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-tanggap: 1';

  it.each([
    ['too large by its length', `${login}\r\nContent-Length: ${64 * 1024 * 1024}`, /^HTTP\/1\.1 413/],
    ['too large as it comes, in chunks', `${login}\r\nTransfer-Encoding: chunked`, /^HTTP\/1\.1 413/],
    ['without the app header', 'POST /api/auth.login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked', /^HTTP\/1\.1 403/],
  ])('answers a body %s and closes the connection instead of reading the rest', async (_name, head, status) => {
    const open = await rawServer();
    const request = await open(head, head.includes('chunked') ? `${(300 * 1024).toString(16)}\r\n${'A'.repeat(300 * 1024)}\r\n` : 'AAAA');
    // The client would go on sending; the server has answered and ended the connection.
    await request.ended;
    expect(request.answer()).toMatch(status);
    expect(request.answer()).toMatch(/\r\nconnection: close\r\n/i);
  });

  it('takes a client gone before its body was in as no failure of the server', async () => {
    const errors: string[] = [];
    const open = await rawServer({ ...silentLog, error: (message: string) => void errors.push(message) });
    const request = await open(`${login}\r\nContent-Length: 1000`, '{"user');
    await new Promise((resolve) => setTimeout(resolve, 50));
    request.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toEqual([]);
  });
});

describe('closing the HTTP server', () => {
  // Chromium opens connections ahead of the requests it expects and may leave them unused;
  // Node's close would wait minutes for them (its request timeout, or TLS's handshake timeout).
  it.each(['http', 'https'] as const)('over %s: ends connections that never carried a request, and lets one whose request has arrived finish it', async (scheme) => {
    t = makeCore();
    await setupOffice(t.core);
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-http-close-'));
    const identity = scheme === 'https' ? loadOrCreateIdentity(dir, 'tanggap', ['127.0.0.1']) : null;
    app = await createHttpServer(t.core, identity ? { https: { key: identity.key, cert: identity.cert } } : {});
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const opened = (secure: boolean): Promise<Socket> =>
      new Promise((resolve) => {
        const socket = secure ? tlsConnect({ port, host: '127.0.0.1', rejectUnauthorized: false }, () => resolve(socket)) : connect(port, '127.0.0.1', () => resolve(socket));
      });
    // Unused: a bare TCP connection (over TLS one that never even began its handshake),
    // and over TLS one whose handshake is done.
    const unused = [await opened(false), ...(identity ? [await opened(true)] : [])];
    const ended = unused.map((socket) => new Promise((resolve) => socket.once('close', resolve)));
    // A request whose body is still coming when the close begins.
    const busy = await opened(identity !== null);
    const body = JSON.stringify({});
    busy.write(`POST /api/setup.status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nx-tanggap: 1\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    let answer = '';
    busy.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const answered = new Promise((resolve) => busy.once('end', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const closed = app.close();
    await Promise.all(ended);
    busy.end(body);
    await answered;
    await closed;
    rmSync(dir, { recursive: true, force: true });
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"ok":true');
  });
});
