import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { BrowserWindow, IpcMain, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import * as z from 'zod';
import type { ApiError, Result } from '../../shared/contract';
import {
  clientConfigSchema,
  connectFormSchema,
  fingerprintGroups,
  fingerprintSchema,
  type ClientConfig,
  type ProbeResult,
} from '../../shared/schemas/connect';
import type { Logger } from '../core/context';
import { writeFileDurable } from '../core/db/durable';
import { fingerprintOfDer, fingerprintOfPem } from '../host/fingerprint';
import type { InvokeSender } from './ipc';
import { applicationMenu, mainWindowOptions } from './window';

// Client mode: this PC's desktop app opens the office server's pages over https instead
// of running a core of its own. The server's certificate is self-signed, so it is
// trusted by its fingerprint alone, which the user compared with the server's screen
// once ("pinned" in client.json).

export const CLIENT_FILE = 'client.json';
// The setup page's way to probe an address and confirm the pairing (the preload's client).
export const CLIENT_CHANNEL = 'tanggap:client';

// Chromium's answers to a certificate verify proc: accept, reject, its own verdict.
export const CERT_ACCEPT = 0;
export const CERT_REJECT = -2;
export const CERT_DEFAULT = -3;

export const PROBE_TIMEOUT_MS = 5000;
const PROBE_BODY_LIMIT = 64 * 1024;

export type ClientElectron = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'dialog' | 'Menu' | 'session'>;

export function clientConfigPath(userData: string): string {
  return join(userData, CLIENT_FILE);
}

// The pairing, or null without one. A file that cannot be used is left in place and
// reported (problem), and the app then starts with the data of this PC.
export function readClientConfig(userData: string): { config: ClientConfig | null; problem: string | null } {
  const file = clientConfigPath(userData);
  if (!existsSync(file)) return { config: null, problem: null };
  let reason: string;
  try {
    const parsed = clientConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { config: parsed.data, problem: null };
    reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'isi'}: ${i.message}`).join('; ');
  } catch (err) {
    reason = err instanceof SyntaxError ? 'isinya bukan JSON yang utuh' : `tidak dapat dibaca (${(err as NodeJS.ErrnoException).code ?? 'galat'})`;
  }
  return {
    config: null,
    problem:
      `Berkas sambungan ke server kantor (${file}) rusak dan diabaikan: ${reason}. ` +
      'Tanggap dibuka dengan data di komputer ini. Untuk bekerja lagi dengan server kantor, sambungkan ulang ' +
      '("Sambungkan ke server kantor" di layar pertama) atau minta Admin memeriksa berkas itu.',
  };
}

export function writeClientConfig(userData: string, config: ClientConfig): void {
  const valid = clientConfigSchema.parse(config);
  mkdirSync(userData, { recursive: true });
  writeFileDurable(clientConfigPath(userData), Buffer.from(`${JSON.stringify(valid, null, 2)}\n`));
}

export function removeClientConfig(userData: string): void {
  rmSync(clientConfigPath(userData), { force: true });
}

// Chromium gives an IPv6 host without brackets, a URL's hostname has them.
const bareHost = (host: string) => host.toLowerCase().replace(/^\[(.*)\]$/, '$1');

type VerifyRequest = { hostname: string; certificate: { data: string } };

// The session's certificate check. The paired server's host is accepted only with the
// pinned certificate and refused with any other (also one a CA vouches for: someone
// else answering at that address); every other host gets Chromium's own verdict.
export function createCertificateVerifier(
  pinned: () => ClientConfig | null,
  onMismatch: (found: string | null) => void,
): (request: VerifyRequest, callback: (result: number) => void) => void {
  return (request, callback) => {
    const pin = pinned();
    if (!pin || bareHost(request.hostname) !== bareHost(new URL(pin.url).hostname)) return callback(CERT_DEFAULT);
    let found: string | null;
    try {
      found = fingerprintOfPem(request.certificate.data);
    } catch {
      found = null;
    }
    if (found === pin.fingerprint) return callback(CERT_ACCEPT);
    onMismatch(found);
    callback(CERT_REJECT);
  };
}

const failure = (message: string, field?: string, code: ApiError['code'] = 'validation'): Result<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});

const setupStatusReply = z.object({
  ok: z.literal(true),
  value: z.object({ needsSetup: z.boolean(), officeName: z.string() }),
});
const errorReply = z.object({ ok: z.literal(false), error: z.object({ message: z.string() }) });

function connectionProblem(err: NodeJS.ErrnoException, url: string, timeoutMs: number): string {
  const where = `di ${url}`;
  switch (err.code) {
    case 'ECONNREFUSED':
      return `Tidak ada server Tanggap ${where}. Pastikan di komputer server Tanggap terbuka dan "Jadikan komputer ini server" aktif, lalu periksa alamat dan nomor port-nya di halaman Server kantor.`;
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return `Server ${where} tidak menjawab dalam ${Math.ceil(timeoutMs / 1000)} detik. Periksa alamatnya, dan pastikan komputer server menyala dan firewall-nya mengizinkan port itu.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Komputer server ${where} tidak terjangkau dari komputer ini. Periksa kabel jaringan atau Wi-Fi, dan apakah kedua komputer berada di jaringan kantor yang sama.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'Nama komputer server tidak dikenal di jaringan ini. Pakai alamat IP yang tampil di halaman Server kantor, contoh 192.168.1.10:8443.';
    case 'EPROTO':
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return `Alamat ${url} menjawab tanpa https. Server kantor Tanggap selalu memakai https: periksa nomor port di halaman Server kantor.`;
    default:
      return `Server ${where} tidak dapat dihubungi (${err.code ?? err.message}). Periksa alamatnya dan jaringan kantor, lalu coba lagi.`;
  }
}

// Connects to the address without trusting any CA, asks it whether it is a Tanggap
// server with an office, and reads the certificate of that same connection.
export function probeHost(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<Result<ProbeResult>> {
  const target = new URL(url);
  const host = bareHost(target.hostname);
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Result<ProbeResult>) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = httpsRequest(
      {
        host,
        port: Number(target.port || 443),
        servername: isIP(host) ? undefined : host,
        method: 'POST',
        path: '/api/setup.status',
        headers: { 'content-type': 'application/json', 'x-tanggap': '1', accept: 'application/json' },
        rejectUnauthorized: false,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const cert = (res.socket as TLSSocket).getPeerCertificate();
        const fingerprint = cert && cert.raw ? fingerprintOfDer(cert.raw) : null;
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > PROBE_BODY_LIMIT) {
            req.destroy();
            return done(failure(`Alamat ${url} menjawab, tetapi bukan server Tanggap. Periksa alamat dan port-nya.`, 'address'));
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (!fingerprint) return done(failure(`Server di ${url} tidak mengirim sertifikat. Periksa alamatnya.`, 'address'));
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return done(failure(`Alamat ${url} menjawab, tetapi bukan server Tanggap. Periksa alamat dan port-nya.`, 'address'));
          }
          const status = setupStatusReply.safeParse(body);
          if (status.success) {
            if (status.data.value.needsSetup) {
              return done(failure(`Tanggap di ${url} belum disiapkan. Siapkan kantornya dulu di komputer server, lalu sambungkan komputer ini.`, 'address'));
            }
            return done({ ok: true, value: { url, fingerprint, officeName: status.data.value.officeName } });
          }
          const refused = errorReply.safeParse(body);
          if (refused.success) return done(failure(`Server di ${url} menolak: ${refused.data.error.message}`, 'address'));
          done(failure(`Alamat ${url} menjawab, tetapi bukan server Tanggap. Periksa alamat dan port-nya.`, 'address'));
        });
        res.on('error', (err) => done(failure(connectionProblem(err, url, timeoutMs), 'address')));
      },
    );
    req.on('timeout', () => {
      req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const tlsPlain = /wrong version number|packet length too long/i.test(err.message);
      done(failure(connectionProblem(tlsPlain ? Object.assign(err, { code: 'EPROTO' }) : err, url, timeoutMs), 'address'));
    });
    req.end('{}');
  });
}

const confirmInput = z.object({ url: z.string(), fingerprint: fingerprintSchema });

const refused: Result<never> = failure('Permintaan ditolak: tidak berasal dari jendela aplikasi Tanggap.', undefined, 'forbidden');

export interface ClientModeOptions {
  log: Logger;
  preloadPath: string;
}

export interface ClientMode {
  // The paired server's origin, which the window may show besides app://tanggap.
  allowedOrigin(): string | null;
  // Reads the pairing and installs the certificate check. With a pairing (and unless this
  // start asks for local data), opens the window on the server and returns it: no core runs.
  start(userData: string, options: { localOnly: boolean }): BrowserWindow | null;
  // probe / confirm for the setup page of a PC without data.
  registerIpc(ipcMain: Pick<IpcMain, 'handle'>, isTrustedSender: (event: InvokeSender) => boolean): void;
}

export function createClientMode(electron: ClientElectron, options: ClientModeOptions): ClientMode {
  const { app, dialog } = electron;
  let config: ClientConfig | null = null;
  let userData = '';
  let window: BrowserWindow | null = null;
  let dialogOpen = false;
  // What the paired host last showed instead of the pinned certificate.
  let mismatch: { found: string | null } | null = null;
  // What each window's last probe found: the only pairing it may confirm.
  const probed = new Map<number, ProbeResult>();

  const grouped = (fingerprint: string) => fingerprintGroups(fingerprint).join('  ');

  const setMenu = () => {
    const template = applicationMenu({ isPackaged: app.isPackaged, platform: process.platform });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(config ? withDisconnect(template, () => void askToForget()) : template));
  };

  // The pairing ends and Tanggap starts afresh without it (the setup page, or this PC's data).
  const forget = () => {
    removeClientConfig(userData);
    config = null;
    options.log.info('Sambungan ke server kantor diputus; Tanggap dibuka ulang.');
    app.relaunch();
    app.quit();
  };

  const askToForget = async () => {
    if (!config) return;
    const box = {
      type: 'question' as const,
      title: 'Putuskan dari server',
      message: 'Putuskan komputer ini dari server kantor?',
      detail:
        `Komputer ini tidak lagi membuka Tanggap dari ${config.url}. Data di server kantor tidak berubah. ` +
        'Tanggap dibuka ulang; setelah itu Anda dapat menyambung lagi dan mencocokkan sidik jari sertifikatnya.',
      buttons: ['Putuskan', 'Batal'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const { response } = window ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box);
    if (response === 0) forget();
  };

  const showBox = async (box: MessageBoxOptions): Promise<number> => {
    dialogOpen = true;
    try {
      window?.show();
      const { response } = window ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box);
      return response;
    } finally {
      dialogOpen = false;
    }
  };

  // Never accepted, never a silent failure: the user reads why and what to do.
  const certificateChanged = async (found: string | null) => {
    mismatch = { found };
    if (dialogOpen || !config) return;
    options.log.warn(`Sertifikat server kantor ${config.url} tidak sama dengan yang disetujui; sambungan ditolak.`);
    const response = await showBox({
      type: 'error',
      title: 'Sertifikat server kantor berubah',
      message: 'Server kantor memakai sertifikat lain daripada yang disetujui di komputer ini, jadi Tanggap tidak menyambung.',
      detail:
        `Sidik jari yang disetujui:\n${grouped(config.fingerprint)}\n\n` +
        `Sidik jari sekarang:\n${found ? grouped(found) : '(tidak terbaca)'}\n\n` +
        'Bisa jadi ada komputer lain yang menyamar sebagai server kantor. Bila Admin memang membuat sertifikat baru ' +
        '(misalnya Tanggap di komputer server dipasang ulang), pilih "Putuskan dari server", lalu sambungkan lagi dan ' +
        'cocokkan sidik jari yang baru dengan halaman Server kantor di komputer server. Bila tidak, jangan lanjutkan dan hubungi Admin.',
      buttons: ['Putuskan dari server', 'Keluar'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0) forget();
    else app.quit();
  };

  const unreachable = async (description: string) => {
    if (dialogOpen || !config || !window) return;
    const response = await showBox({
      type: 'warning',
      title: 'Server kantor tidak dapat dihubungi',
      message: `Tanggap tidak dapat membuka server kantor di ${config.url}.`,
      detail:
        `(${description}) Pastikan komputer server menyala, Tanggap terbuka di sana dan "Jadikan komputer ini server" masih aktif, ` +
        'dan komputer ini tersambung ke jaringan kantor. Lalu pilih "Coba lagi".',
      buttons: ['Coba lagi', 'Putuskan dari server', 'Keluar'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response === 0) showServer(window);
    else if (response === 1) await askToForget();
    else app.quit();
  };

  const showServer = (target: BrowserWindow | null) => {
    if (target && config) target.loadURL(`${config.url}/`).catch(() => undefined);
  };

  const watchLoads = (target: BrowserWindow) => {
    target.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      // -3 is a navigation replaced by another one, not a failure.
      if (!isMainFrame || code === -3) return;
      // -200…-299 are certificate errors. The network service caches the verdict, so a
      // reload fails without asking the verify proc again: the same explanation follows.
      if (mismatch && code <= -200 && code > -300) void certificateChanged(mismatch.found);
      else void unreachable(description);
    });
  };

  const openOnServer = (): BrowserWindow => {
    const created = new electron.BrowserWindow(mainWindowOptions(options.preloadPath));
    window = created;
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (window === created) window = null;
    });
    watchLoads(created);
    showServer(created);
    return created;
  };

  return {
    allowedOrigin: () => (config ? config.url : null),

    start(dir, { localOnly }) {
      userData = dir;
      const read = readClientConfig(dir);
      if (read.problem) {
        options.log.warn(read.problem);
        void dialog.showMessageBox({ type: 'warning', title: 'Sambungan ke server kantor diabaikan', message: read.problem, buttons: ['Tutup'], noLink: true });
      }
      electron.session.defaultSession.setCertificateVerifyProc(
        createCertificateVerifier(() => config, (found) => void certificateChanged(found)),
      );
      if (!read.config || localOnly) return null;
      config = read.config;
      options.log.info(`Tanggap dibuka dari server kantor ${config.url}.`);
      setMenu();
      return openOnServer();
    },

    registerIpc(ipcMain, isTrustedSender) {
      ipcMain.handle(CLIENT_CHANNEL, async (event, op: unknown, input: unknown): Promise<Result<unknown>> => {
        if (!isTrustedSender(event)) {
          options.log.warn(`IPC sambungan server ditolak dari pengirim yang tidak dikenal (webContents ${event.sender.id})`);
          return refused;
        }
        if (op === 'probe') {
          const parsed = connectFormSchema.safeParse(input);
          if (!parsed.success) return failure(parsed.error.issues[0]?.message ?? 'Alamat server tidak benar.', 'address');
          const result = await probeHost(parsed.data.address);
          if (result.ok) probed.set(event.sender.id, result.value);
          else probed.delete(event.sender.id);
          return result;
        }
        if (op === 'confirm') {
          const parsed = confirmInput.safeParse(input);
          const last = probed.get(event.sender.id);
          if (!parsed.success || !last || last.url !== parsed.data.url || last.fingerprint !== parsed.data.fingerprint) {
            return failure('Periksa server sekali lagi sebelum menyambung: alamat atau sidik jarinya tidak sama dengan hasil pemeriksaan terakhir.', undefined, 'conflict');
          }
          const paired: ClientConfig = { url: last.url, fingerprint: last.fingerprint };
          try {
            writeClientConfig(userData, paired);
          } catch (err) {
            options.log.error('sambungan ke server kantor tidak dapat disimpan', err);
            return failure(`Sambungan belum tersimpan: folder data aplikasi (${userData}) tidak dapat ditulisi.`, undefined, 'internal');
          }
          config = paired;
          probed.clear();
          options.log.info(`Komputer ini disambungkan ke server kantor ${paired.url}; Tanggap dibuka ulang.`);
          // Tanggap starts again as a client (start above): the server's pages in the
          // window, no host process of its own, notifications allowed for the server only.
          setImmediate(() => {
            app.relaunch();
            app.quit();
          });
          return { ok: true, value: { url: paired.url } };
        }
        return failure('Perintah tidak dikenal oleh aplikasi.', undefined, 'unknown_call');
      });
    },
  };
}

// "Putuskan dari server" at the top of the first menu (Berkas, or Tanggap on macOS).
export function withDisconnect(template: MenuItemConstructorOptions[], click: () => void): MenuItemConstructorOptions[] {
  const [first, ...rest] = template;
  if (!first) return template;
  const items = Array.isArray(first.submenu) ? first.submenu : [];
  return [{ ...first, submenu: [{ label: 'Putuskan dari server', click }, { type: 'separator' }, ...items] }, ...rest];
}
