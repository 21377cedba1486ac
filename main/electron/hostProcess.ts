import type { ForkOptions } from 'electron';
import type { Result } from '../../shared/contract';
import type { ClientEvent } from '../../shared/events';
import type { KeyVault } from '../core/audit/key';
import { consoleLogger, type Logger, type SessionCarrier } from '../core/context';
import { type FromHost, type HostStartOptions, type ToHost } from '../host/protocol';

// The desktop app's side of the host process (main/host/entry.ts in an Electron
// utilityProcess): starts it, hands it the audit key, forwards calls with ids and
// timeouts, passes live events on, restarts it if it dies, and closes it at quit.

// The part of Electron's UtilityProcess used here; tests pass a Node child process shaped like it.
export interface UtilityChild {
  postMessage(message: ToHost): void;
  on(event: 'message', listener: (message: FromHost) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type ForkUtility = (modulePath: string, args: string[], options: ForkOptions) => UtilityChild;

export interface HostProcessOptions {
  fork: ForkUtility;
  // dist/main/host/entry.js
  modulePath: string;
  // Where the host's start file keeps V8's code cache of its bundle (TANGGAP_CODE_CACHE,
  // main/build/launch-cached.cjs): a writable file of the user's, as app.asar is read-only.
  codeCacheFile?: string;
  start: Omit<HostStartOptions, 'auditKeyHex'>;
  // Where the audit key is kept (safeStorage): read here, never in the host process.
  vault: KeyVault;
  onEvent: (windowId: number, event: ClientEvent) => void;
  log?: Logger;
  // A demo seeds a year of complaints at its first start: minutes, not seconds.
  startTimeoutMs?: number;
  callTimeoutMs?: number;
  closeTimeoutMs?: number;
  // Unexpected exits after which the host is started again before calls give up.
  maxRestarts?: number;
}

export interface HostProcess {
  call(name: string, input: unknown, token: string | null, quiet?: boolean): Promise<{ result: Result<unknown>; token: string | null }>;
  // Live events for a window while its session has a token; null stops them.
  watch(windowId: number, token: string | null): void;
  // Asks the host to close the database and waits for it (bounded), then ends it.
  close(): Promise<void>;
}

export const HOST_GONE: Result<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'Proses inti Tanggap berhenti dan sedang dibuka lagi. Ulangi langkah terakhir; bila berulang, tutup lalu buka Tanggap.',
  },
};
export const HOST_STOPPED: Result<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'Proses inti Tanggap berhenti berulang kali. Tutup lalu buka Tanggap lagi; bila berulang, hubungi admin dan sertakan berkas log.',
  },
};
export const HOST_TIMEOUT: Result<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'Proses inti Tanggap tidak menjawab. Tunggu sebentar lalu coba lagi; bila berulang, tutup lalu buka Tanggap.',
  },
};

export const hostDiedMessage = (code: number) =>
  `Proses inti Tanggap berhenti saat dibuka (kode ${code}). Buka Tanggap lagi; bila berulang, hubungi admin dan sertakan berkas log.`;

// The host ended while opening (a crash, not a refusal such as a newer database).
class HostDiedAtStart extends Error {}

interface Pending {
  resolve: (answer: { result: Result<unknown>; token: string | null }) => void;
  token: string | null;
  timer: NodeJS.Timeout;
}

// Resolves once the host has opened the database (and seeded the demo when asked);
// rejects with an Indonesian message when it cannot, for the start-up error box.
export function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const log = options.log ?? consoleLogger;
  const callTimeoutMs = options.callTimeoutMs ?? 10 * 60_000;
  const pending = new Map<number, Pending>();
  const watched = new Map<number, string>();
  let nextId = 1;
  let child: UtilityChild | null = null;
  let ready = false;
  let closing = false;
  let restarts = 0;
  let gaveUp = false;
  let closed: (() => void) | null = null;

  // The key as the vault holds it; a key the host makes is stored exactly once.
  let keyHex: string | null = options.vault.load()?.toString('hex') ?? null;
  const saveKey = (hex: string) => {
    if (keyHex) {
      if (hex !== keyHex) log.warn('proses inti mengirim kunci segel kedua; diabaikan');
      return;
    }
    options.vault.save(Buffer.from(hex, 'hex'));
    keyHex = hex;
  };

  const send = (message: ToHost) => {
    try {
      child?.postMessage(message);
    } catch (err) {
      log.error(`pesan ${message.type} ke proses inti gagal dikirim`, err);
    }
  };

  const failPending = (result: Result<never>) => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.resolve({ result, token: p.token });
    }
  };

  const spawn = () =>
    new Promise<void>((resolve, reject) => {
      let starting = true;
      // Set when this side ends the process itself: its exit is then no crash.
      let discarded = false;
      const env = options.codeCacheFile ? { env: { ...process.env, TANGGAP_CODE_CACHE: options.codeCacheFile } } : {};
      const current = options.fork(options.modulePath, [], { serviceName: 'Tanggap inti', stdio: 'inherit', ...env });
      child = current;
      const discard = () => {
        discarded = true;
        current.kill();
      };
      const startTimer = setTimeout(() => {
        if (!starting) return;
        starting = false;
        discard();
        reject(new Error('Proses inti Tanggap tidak selesai dibuka dalam waktu yang wajar. Tutup lalu buka Tanggap lagi.'));
      }, options.startTimeoutMs ?? 10 * 60_000);

      current.on('message', (message: FromHost) => {
        switch (message.type) {
          case 'saveKey':
            try {
              saveKey(message.keyHex);
            } catch (err) {
              log.error('kunci segel jejak audit tidak dapat disimpan', err);
              if (starting) {
                starting = false;
                clearTimeout(startTimer);
                discard();
                reject(new Error(`Kunci segel jejak audit tidak dapat disimpan: ${err instanceof Error ? err.message : String(err)}`));
              }
            }
            return;
          case 'ready':
            if (!starting) return;
            starting = false;
            clearTimeout(startTimer);
            ready = true;
            // Windows that were signed in before a restart get their events again.
            for (const [windowId, token] of watched) send({ type: 'watch', windowId, token });
            return resolve();
          case 'startFailed':
            if (!starting) return;
            starting = false;
            clearTimeout(startTimer);
            discard();
            return reject(new Error(message.message));
          case 'result': {
            const p = pending.get(message.id);
            if (!p) return;
            pending.delete(message.id);
            clearTimeout(p.timer);
            return p.resolve({ result: message.result, token: message.token });
          }
          case 'event':
            try {
              options.onEvent(message.windowId, message.event);
            } catch (err) {
              log.error('peristiwa dari proses inti gagal diteruskan', err);
            }
            return;
          case 'closed':
            // The host exits by itself right after; it is ended only if it lingers.
            setTimeout(() => {
              if (child === current) discard();
            }, 2000).unref();
            return;
          default:
            log.warn('pesan tidak dikenal dari proses inti diabaikan');
        }
      });

      current.on('exit', (code: number) => {
        if (child === current) {
          child = null;
          ready = false;
        }
        failPending(HOST_GONE);
        if (starting) {
          starting = false;
          clearTimeout(startTimer);
          reject(new HostDiedAtStart(hostDiedMessage(code)));
          return;
        }
        if (closing) closed?.();
        if (closing || discarded) return;
        log.error(`proses inti berhenti tiba-tiba (kode ${code})`);
        if (restarts >= (options.maxRestarts ?? 3)) {
          gaveUp = true;
          return;
        }
        restarts += 1;
        spawn().catch((err: unknown) => {
          gaveUp = true;
          log.error('proses inti gagal dibuka lagi', err);
        });
      });

      send({ type: 'start', options: { ...options.start, auditKeyHex: keyHex } });
    });

  const client: HostProcess = {
    call(name, input, token, quiet = false) {
      return new Promise((resolve) => {
        if (!child || !ready || closing) {
          resolve({ result: gaveUp ? HOST_STOPPED : HOST_GONE, token });
          return;
        }
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          log.error(`panggilan ${name} tidak dijawab proses inti dalam ${Math.round(callTimeoutMs / 1000)} detik`);
          resolve({ result: HOST_TIMEOUT, token });
        }, callTimeoutMs);
        pending.set(id, { resolve, token, timer });
        send({ type: 'call', id, name, input, token, quiet });
      });
    },
    watch(windowId, token) {
      if (token) watched.set(windowId, token);
      else watched.delete(windowId);
      if (child && ready) send(token ? { type: 'watch', windowId, token } : { type: 'unwatch', windowId });
    },
    async close() {
      if (closing) return;
      closing = true;
      const current = child;
      if (!current) return;
      let timedOut = false;
      const exited = new Promise<void>((resolve) => {
        closed = resolve;
        setTimeout(() => {
          timedOut = true;
          resolve();
        }, options.closeTimeoutMs ?? 10_000).unref();
      });
      send({ type: 'close' });
      await exited;
      failPending(HOST_GONE);
      if (timedOut && child === current) {
        log.error('proses inti tidak menutup dalam waktu yang wajar; dihentikan');
        current.kill();
      }
    },
  };

  // A host that dies while opening once (a crash, not a refusal such as a newer
  // database) gets one more try before the error box.
  return spawn()
    .catch((err: unknown) => {
      if (!(err instanceof HostDiedAtStart)) throw err;
      log.error('proses inti berhenti saat dibuka; dicoba sekali lagi');
      return spawn();
    })
    .then(() => client);
}

// The host as the IPC handler sees it: a core whose call keeps the window's session in
// this process; the token goes to the host with each call and comes back, never to the page.
export function remoteCore(host: Pick<HostProcess, 'call'>) {
  return {
    async call(name: unknown, input: unknown, session: SessionCarrier): Promise<Result<unknown>> {
      const { result, token } = await host.call(String(name), input, session.token, session.quiet === true);
      if (token !== session.token) session.setToken(token);
      return result;
    },
  };
}
