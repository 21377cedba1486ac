import { hostname, networkInterfaces } from 'node:os';
import type { HttpServer } from '../http/server';
import type { LanInterface, LanSettings, LanStatus } from '../../shared/schemas/server';
import type { Core } from '../core';
import type { Logger } from '../core/context';
import { readLanSettings } from '../core/server/settings';
import type { LanControl } from '../core/server/types';
import { createHttpServer } from '../http/server';
import { loadOrCreateIdentity, peekIdentity, type TlsIdentity } from './certificate';

export type { LanControl };

// This PC's IPv4 addresses on its network cards (loopback only when asked: tests serve
// the "LAN" on 127.0.0.1).
export function lanInterfaces(withLoopback = false): LanInterface[] {
  const out: LanInterface[] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const e of entries ?? []) {
      if (e.family === 'IPv4' && (withLoopback || !e.internal)) out.push({ name, address: e.address });
    }
  }
  return out;
}

// The PC's name as other PCs may type it (Windows and most routers also answer to it),
// when it is a valid DNS name.
export function machineNames(): string[] {
  const name = hostname().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(name)) return [];
  return name.includes('.') ? [name] : [name, `${name}.local`];
}

// The names and addresses a new certificate is made for: every current address, the
// PC's name, and the loopback ones for the server PC's own browser.
export const certificateNames = () => [...new Set([...machineNames(), 'localhost', '127.0.0.1', ...lanInterfaces().map((i) => i.address)])];

export function tlsIdentity(dataDir: string): TlsIdentity & { created: boolean } {
  return loadOrCreateIdentity(dataDir, machineNames()[0] ?? 'tanggap', certificateNames());
}

export interface LanOptions {
  core: Core;
  rendererDir: string;
  log: Logger;
  // Lets 127.0.0.1 be chosen as the "LAN" address (tests).
  allowLoopback?: boolean;
}

export interface LanServer extends LanControl {
  close(): Promise<void>;
}

const describe = (err: unknown, s: LanSettings): string => {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') return `Port ${s.port} sudah dipakai program lain di komputer ini. Pilih port lain, lalu simpan.`;
  if (code === 'EACCES') return `Port ${s.port} tidak boleh dipakai oleh Tanggap di komputer ini. Pilih port di atas 1024, lalu simpan.`;
  if (code === 'EADDRNOTAVAIL') return `Alamat ${s.address} tidak lagi dimiliki komputer ini (jaringan berganti?). Pilih alamat yang ada, lalu simpan.`;
  return 'Server kantor gagal dijalankan. Coba simpan lagi; bila tetap gagal, nyalakan ulang komputer ini.';
};

// The LAN server the Admin switches on: HTTPS on one chosen address of this PC, with the
// certificate kept in the data folder, Secure cookies and only this PC's names as Host.
export function createLanControl(options: LanOptions): LanServer {
  const { core, log } = options;
  let server: HttpServer | null = null;
  let serving: LanSettings | null = null;
  let url: string | null = null;
  let qr: string | null = null;
  let error: string | null = null;
  let fingerprint = peekIdentity(core.deps.dataDir)?.fingerprint ?? null;
  // One change at a time: two saves in a row end in the second one's state.
  let queue: Promise<unknown> = Promise.resolve();

  const status = (): LanStatus => ({
    available: true,
    settings: readLanSettings(core.db),
    interfaces: lanInterfaces(options.allowLoopback),
    running: server !== null,
    url,
    fingerprint,
    qr,
    error,
  });

  // Closes still waiting for their last requests.
  const closing = new Set<Promise<void>>();

  // Stops listening at once, but lets requests already on it finish: the Admin may switch
  // the server off (or move it) from a PC connected through it, and that request waits here.
  const stop = async () => {
    const running = server;
    server = null;
    serving = null;
    url = null;
    qr = null;
    if (!running) return;
    const closed = running.close().catch((err: unknown) => log.error('server kantor gagal ditutup dengan rapi', err));
    closing.add(closed);
    void closed.finally(() => closing.delete(closed));
    for (let waited = 0; running.server.listening && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  const start = async (s: LanSettings & { address: string }) => {
    if (!lanInterfaces(options.allowLoopback).some((i) => i.address === s.address)) {
      error = `Alamat ${s.address} tidak lagi dimiliki komputer ini (jaringan berganti?). Pilih alamat yang ada di daftar, lalu simpan.`;
      log.warn('server kantor tidak dijalankan: alamat yang dipilih tidak ada di komputer ini');
      return;
    }
    let identity: ReturnType<typeof tlsIdentity>;
    try {
      identity = tlsIdentity(core.deps.dataDir);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      log.warn('server kantor tidak dijalankan: sertifikatnya tidak dapat dibaca');
      return;
    }
    fingerprint = identity.fingerprint;
    const app = await createHttpServer(core, {
      rendererDir: options.rendererDir,
      secureCookie: true,
      https: { key: identity.key, cert: identity.cert },
      allowedHosts: [s.address, ...machineNames()],
    });
    try {
      await app.listen({ host: s.address, port: s.port });
    } catch (err) {
      await app.close();
      error = describe(err, s);
      log.warn(`server kantor gagal dijalankan di port ${s.port}: ${(err as { code?: string }).code ?? String(err)}`);
      return;
    }
    server = app;
    serving = s;
    url = `https://${s.address}:${s.port}`;
    try {
      const QRCode = (await import('qrcode')).default;
      qr = `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })).toString('base64')}`;
    } catch (err) {
      log.error('kode QR alamat server gagal dibuat', err);
    }
    log.info(`server kantor berjalan di ${url}`);
  };

  const apply = async (): Promise<LanStatus> => {
    const s = readLanSettings(core.db);
    const wanted = s.enabled && s.address ? { ...s, address: s.address } : null;
    if (wanted && server && serving?.address === wanted.address && serving.port === wanted.port) return status();
    error = null;
    const was = server;
    await stop();
    if (wanted) await start(wanted);
    else if (was) log.info('server kantor dimatikan');
    return status();
  };

  return {
    status,
    apply: () => {
      const next = queue.then(apply, apply);
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await queue.catch(() => undefined);
      await stop();
      await Promise.all([...closing]);
    },
  };
}
