import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_LIMIT } from '../../main/core/auth/rateLimit';
import { TLS_CERT_FILE, TLS_KEY_FILE } from '../../main/host/certificate';
import { fingerprintOfDer, fingerprintOfPem } from '../../main/host/fingerprint';
import { startHost, type Host } from '../../main/host/host';
import type { LanStatus } from '../../shared/schemas/server';
import { ADMIN, addUser, carrier, ok, setupOffice, silentLog } from '../support/core';

let dir: string;
let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

const start = () => startHost({ dataDir: dir, rendererDir: join(dir, 'no-renderer'), demo: false, local: null, log: silentLog, lanLoopback: true });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  fingerprint: string;
}

// A real HTTPS request that trusts the server only by the pinned fingerprint, as the
// desktop app in client mode does (no CA can vouch for a certificate made on the PC).
function call(
  port: number,
  pinned: string,
  path: string,
  options: { body?: string | Buffer[]; headers?: Record<string, string>; method?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'POST',
        headers: { 'x-tanggap': '1', ...(options.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...options.headers },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const peer = (res.socket as unknown as { getPeerCertificate(): PeerCertificate }).getPeerCertificate();
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString(), fingerprint: fingerprintOfDer(peer.raw) }));
      },
    );
    req.on('socket', (socket) => {
      socket.on('secureConnect', () => {
        const peer = (socket as unknown as { getPeerCertificate(): PeerCertificate }).getPeerCertificate();
        if (fingerprintOfDer(peer.raw) !== pinned) req.destroy(new Error('sidik jari sertifikat tidak cocok'));
      });
    });
    req.on('error', reject);
    if (Array.isArray(options.body)) {
      // Streamed chunk by chunk (no content-length): the server learns the size only by reading.
      const chunks = options.body;
      let i = 0;
      const pump = () => {
        while (i < chunks.length) {
          if (!req.write(chunks[i++]!)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('error', () => undefined);
      pump();
    } else req.end(options.method === 'GET' ? undefined : (options.body ?? '{}'));
  });
}

async function enable(h: Host, admin = carrier(), port?: number): Promise<LanStatus> {
  return ok(h.core, admin, 'server.update', { enabled: true, address: '127.0.0.1', port: port ?? (await freePort()) });
}

describe('the host and its LAN server', () => {
  it('serves over TLS only once the Admin switches it on, with a certificate kept in the data folder and reused after a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-lan-'));
    host = await start();
    expect(host.localUrl).toBeNull();
    const admin = await setupOffice(host.core);
    const off = await ok(host.core, admin, 'server.status', {});
    expect(off).toMatchObject({ available: true, running: false, url: null, fingerprint: null, settings: { enabled: false } });
    expect(off.interfaces.map((i) => i.address)).toContain('127.0.0.1');

    const port = await freePort();
    const on = await enable(host, admin, port);
    expect(on).toMatchObject({ running: true, url: `https://127.0.0.1:${port}`, error: null, settings: { enabled: true, address: '127.0.0.1', port } });
    expect(on.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(on.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(on.qr!.split(',')[1]!, 'base64').toString()).toContain('<svg');

    // The certificate: the key only for this user, names of this PC, the fingerprint shown.
    expect(statSync(join(dir, TLS_KEY_FILE)).mode & 0o777).toBe(0o600);
    const cert = new X509Certificate(readFileSync(join(dir, TLS_CERT_FILE)));
    expect(fingerprintOfPem(cert.toString())).toBe(on.fingerprint);
    expect(cert.fingerprint256).toBe(on.fingerprint);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.subjectAltName).toContain('DNS:localhost');

    const answer = await call(port, on.fingerprint!, '/api/setup.status');
    expect(answer.status).toBe(200);
    expect(answer.fingerprint).toBe(on.fingerprint);
    // A client pinning another fingerprint stops before sending anything.
    // (Its first byte changed: '00', unless it is that already.)
    const other = on.fingerprint!.replace(/^../, (first) => (first === '00' ? 'FF' : '00'));
    await expect(call(port, other, '/api/setup.status')).rejects.toThrow(/tidak cocok/);
    // The certificate names this PC: a client that checks names accepts 127.0.0.1.
    expect(checkServerIdentity('127.0.0.1', { subjectaltname: cert.subjectAltName!, subject: { CN: 'x' } } as unknown as PeerCertificate)).toBeUndefined();

    // The audit log says who switched it on (Pengaturan kantor).
    const audit = await ok(host.core, admin, 'audit.list', { category: 'pengaturan' });
    expect(audit.rows.find((r) => r.action === 'server.settings')).toMatchObject({ actorName: 'Rina Admin' });

    await host.close();
    host = await start();
    // The setting and the certificate survive a restart: same fingerprint, running again.
    const again = await ok(host.core, await login(host), 'server.status', {});
    expect(again).toMatchObject({ running: true, fingerprint: on.fingerprint, url: `https://127.0.0.1:${port}` });
    expect((await call(port, on.fingerprint!, '/api/setup.status')).status).toBe(200);

    const stopped = await ok(host.core, await login(host), 'server.update', { enabled: false, address: null, port });
    expect(stopped).toMatchObject({ running: false, url: null, fingerprint: on.fingerprint });
    await expect(call(port, on.fingerprint!, '/api/setup.status')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('sets Secure cookies, refuses a foreign Host or Origin, and never reads a big body before the session and role are known', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-lan-'));
    host = await start();
    const admin = await setupOffice(host.core);
    await addUser(host.core, admin, 'kasi', 'kasi');
    const { url, fingerprint } = await enable(host, admin);
    const port = Number(new URL(url!).port);
    const pin = fingerprint!;

    const login = await call(port, pin, '/api/auth.login', { body: JSON.stringify({ username: 'kasi', password: 'kata-sandi-123' }) });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    const session = cookie.split(';')[0]!;
    const adminLogin = await call(port, pin, '/api/auth.login', { body: JSON.stringify(ADMIN) });
    const adminCookie = String(adminLogin.headers['set-cookie']).split(';')[0]!;

    // DNS rebinding: a name pointed at this PC by someone else's page.
    const rebound = await call(port, pin, '/api/setup.status', { headers: { host: 'jahat.example:443' } });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.message).toMatch(/Alamat server ini tidak dikenal/);
    const page = await call(port, pin, '/', { method: 'GET', headers: { host: 'jahat.example' } });
    expect(page.status).toBe(421);
    const foreign = await call(port, pin, '/api/setup.status', { headers: { origin: 'https://jahat.example' } });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.message).toMatch(/di luar Tanggap/);
    const sameOrigin = await call(port, pin, '/api/setup.status', { headers: { origin: `https://127.0.0.1:${port}` } });
    expect(sameOrigin.status).toBe(200);

    // ~39 MB streamed without a length: refused as soon as the headers are read (the
    // upload call without a session, the upload call for a role that may not make it,
    // and any other call at its small limit), and the server does not grow with it.
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const huge = () => Array.from({ length: 39 }, () => chunk);
    const before = process.memoryUsage().rss;
    const t0 = Date.now();
    const anonymous = await call(port, pin, '/api/complaints.create', { body: huge() });
    expect(anonymous.status).toBe(401);
    const wrongRole = await call(port, pin, '/api/complaints.create', { body: huge(), headers: { cookie: session } });
    expect(wrongRole.status).toBe(403);
    const small = await call(port, pin, '/api/auth.login', { body: huge() });
    expect(small.status).toBe(413);
    expect(JSON.parse(small.body).error.message).toMatch(/terlalu besar/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);

    // The login limit per address holds over the LAN as well (counted before the input is read).
    // The Kasi's and the Admin's logins and the oversized one above were this address's first three attempts.
    const attempts = await Promise.all(Array.from({ length: LOGIN_LIMIT.max }, () => call(port, pin, '/api/auth.login', { body: '{}' })));
    expect(attempts.filter((a) => a.status === 400)).toHaveLength(LOGIN_LIMIT.max - 3);
    expect(attempts.filter((a) => a.status === 429)).toHaveLength(3);

    // Only the Admin changes the server.
    const kasi = carrier();
    await ok(host.core, kasi, 'auth.login', { username: 'kasi', password: 'kata-sandi-123' });
    const refused = await host.core.call('server.update', { enabled: false, address: null, port }, kasi);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const overLan = await call(port, pin, '/api/server.update', { body: JSON.stringify({ enabled: false, address: null, port }), headers: { cookie: session } });
    expect(overLan.status).toBe(403);
    expect((await ok(host.core, admin, 'server.status', {})).running).toBe(true);

    // An address this PC does not have is refused with the ones it has.
    const elsewhere = await host.core.call('server.update', { enabled: true, address: '203.0.113.7', port }, admin);
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'validation', field: 'address', message: expect.stringMatching(/bukan alamat jaringan komputer ini.*127\.0\.0\.1/) } });

    // The Admin switches it off from a PC connected through it: the answer still arrives, then the server is gone.
    const off = await call(port, pin, '/api/server.update', { body: JSON.stringify({ enabled: false, address: null, port }), headers: { cookie: adminCookie } });
    expect(off.status).toBe(200);
    expect(JSON.parse(off.body).value).toMatchObject({ running: false, url: null });
    await expect(call(port, pin, '/api/setup.status')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('follows the setting of restored data: a backup taken while on brings the server back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-lan-'));
    const folder = mkdtempSync(join(tmpdir(), 'tanggap-lan-backup-'));
    try {
      host = await start();
      const admin = await setupOffice(host.core);
      const { url, fingerprint } = await enable(host, admin);
      const port = Number(new URL(url!).port);
      await ok(host.core, admin, 'backup.updateSettings', { folder, keep: 5, daily: false, rowVersion: (await ok(host.core, admin, 'backup.status', {})).settings.rowVersion });
      const { last } = await ok(host.core, admin, 'backup.now', {});
      await ok(host.core, admin, 'server.update', { enabled: false, address: null, port });
      await expect(call(port, fingerprint!, '/api/setup.status')).rejects.toThrow(/ECONNREFUSED/);
      await ok(host.core, admin, 'backup.restore', { file: last!.file });
      expect((await call(port, fingerprint!, '/api/setup.status')).status).toBe(200);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses plain HTTP off loopback and tells the port clash in Indonesian', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tanggap-lan-'));
    await expect(startHost({ dataDir: dir, rendererDir: dir, demo: false, local: { host: '0.0.0.0', port: 0 }, log: silentLog })).rejects.toThrow(/--tls/);
    host = await start();
    const admin = await setupOffice(host.core);
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const status = await enable(host, admin, port);
      expect(status).toMatchObject({ running: false, settings: { enabled: true }, error: expect.stringMatching(new RegExp(`Port ${port} sudah dipakai`)) });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

async function login(h: Host) {
  const s = carrier();
  await ok(h.core, s, 'auth.login', ADMIN);
  return s;
}
