import { isIP } from 'node:net';
import { createCore, type Core } from '../core';
import type { KeyVault } from '../core/audit/key';
import { consoleLogger, type Logger } from '../core/context';
import { seedDemo } from '../core/demo/seed';
import { createHttpServer } from '../http/server';
import { certificateNames, createLanControl, lanInterfaces, machineNames, tlsIdentity, type LanControl } from './lan';

export interface HostOptions {
  dataDir: string;
  // The built renderer the HTTP servers hand to browsers.
  rendererDir: string;
  demo: boolean;
  nativeBinding?: string;
  keyVault?: KeyVault;
  // A server of its own besides the LAN one (`npm run web`): plain HTTP on a loopback
  // address, or HTTPS with the data folder's certificate when `tls` is set. null in the
  // desktop app, whose window talks to the core over IPC.
  local: { host: string; port: number; tls?: boolean } | null;
  log?: Logger;
  // Lets the Admin choose 127.0.0.1 for the LAN server (tests).
  lanLoopback?: boolean;
}

export interface Host {
  core: Core;
  // Where the local server answers (the first of localUrls), null without one.
  localUrl: string | null;
  // Every address of the local server: one per network card when it listens on all.
  localUrls: string[];
  // SHA-256 fingerprint of the local server's certificate when it serves TLS.
  localFingerprint: string | null;
  lan: LanControl;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const isLoopback = (host: string) => LOOPBACK_NAMES.includes(host.toLowerCase()) || /^127\./.test(host);
const isAnyAddress = (host: string) => host === '0.0.0.0' || host === '::';

export const PLAIN_HTTP_REFUSED = (host: string) =>
  `Tanggap tidak melayani jaringan kantor (${host}) lewat HTTP biasa: kata sandi dan data pelapor akan terkirim tanpa enkripsi. ` +
  'Tambahkan --tls (sertifikat dibuat sekali di folder data dan dipakai seterusnya), atau nyalakan "Jadikan komputer ini server" di menu Server kantor (Admin).';

const urlOf = (scheme: string, host: string, port: number) => `${scheme}://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;

// The core of one office and the servers around it, started the same way by `npm run web`
// (main/http/cli.ts) and by the desktop app's host process (main/host/entry.ts).
export async function startHost(options: HostOptions): Promise<Host> {
  const log = options.log ?? consoleLogger;
  const local = options.local;
  // Checked before anything is opened: a refused start leaves nothing behind.
  if (local && !local.tls && !isLoopback(local.host)) throw new Error(PLAIN_HTTP_REFUSED(local.host));
  const core = createCore({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, keyVault: options.keyVault, log });
  let lan: ReturnType<typeof createLanControl> | null = null;
  try {
    if (options.demo) {
      const seeded = await seedDemo(core.deps);
      if (seeded) log.info(`Data demo dibuat: ${seeded.complaints} pengaduan, ${seeded.users} pengguna (kata sandi semua: ${seeded.password}).`);
    }
    const control = createLanControl({ core, rendererDir: options.rendererDir, log, allowLoopback: options.lanLoopback });
    lan = control;
    core.deps.lan = control;
    await control.apply();

    let localUrls: string[] = [];
    let localFingerprint: string | null = null;
    let localServer: Awaited<ReturnType<typeof createHttpServer>> | null = null;
    if (local) {
      const identity = local.tls ? tlsIdentity(options.dataDir) : null;
      localFingerprint = identity?.fingerprint ?? null;
      const scheme = identity ? 'https' : 'http';
      // The names a browser may use to reach this server; any other Host is refused.
      const names = isAnyAddress(local.host)
        ? [...LOOPBACK_NAMES, ...lanInterfaces().map((i) => i.address), ...machineNames()]
        : isLoopback(local.host)
          ? [...LOOPBACK_NAMES, local.host]
          : [local.host, ...machineNames()];
      localServer = await createHttpServer(core, {
        rendererDir: options.rendererDir,
        secureCookie: identity !== null,
        https: identity ? { key: identity.key, cert: identity.cert } : undefined,
        allowedHosts: names,
      });
      try {
        await localServer.listen({ host: local.host, port: local.port });
      } catch (err) {
        await localServer.close();
        throw err;
      }
      const port = (localServer.server.address() as { port: number }).port;
      const lanUrls = isAnyAddress(local.host) ? lanInterfaces().map((i) => urlOf(scheme, i.address, port)) : [];
      localUrls = lanUrls.length ? lanUrls : [urlOf(scheme, isAnyAddress(local.host) ? '127.0.0.1' : local.host, port)];
      if (identity?.created) log.info(`sertifikat server dibuat untuk ${certificateNames().join(', ')}`);
    }
    const server = localServer;
    return {
      core,
      localUrl: localUrls[0] ?? null,
      localUrls,
      localFingerprint,
      lan: control,
      close: async () => {
        await server?.close();
        await control.close();
        core.close();
      },
    };
  } catch (err) {
    await lan?.close();
    core.close();
    throw err;
  }
}
