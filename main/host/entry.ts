import type { Result } from '../../shared/contract';
import type { ClientEvent } from '../../shared/events';
import type { KeyVault } from '../core/audit/key';
import { consoleLogger, type Logger, type SessionCarrier } from '../core/context';
import { startHost } from './host';
import { INTERNAL_ERROR, type FromHost, type HostStartOptions, type ToHost } from './protocol';

// The desktop app's host process: an Electron utilityProcess that runs the core, so a
// long export, backup or document run never freezes the window. The main process
// starts it with one message and then forwards each window's calls to it
// (main/electron/hostProcess.ts); this side answers over the same port.

// process.parentPort of a utility process, as far as this file uses it.
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: FromHost): void;
}

// What the host process needs of startHost's result.
export interface ServedHost {
  core: {
    call(name: unknown, input: unknown, session: SessionCarrier): Promise<Result<unknown>>;
    // onEnd: the session ended (logout, expiry), so the watch did too.
    watch(session: SessionCarrier, send: (event: ClientEvent) => void, onEnd?: () => void): () => void;
  };
  close(): Promise<void>;
}

export type StartServedHost = (options: {
  dataDir: string;
  rendererDir: string;
  demo: boolean;
  nativeBinding?: string;
  keyVault: KeyVault;
  local: null;
  log: Logger;
}) => Promise<ServedHost>;

export interface ServeDeps {
  start: StartServedHost;
  exit: (code: number) => void;
  log?: Logger;
  // How long close waits for calls still running (a logout of a closed window) before closing the database.
  drainMs?: number;
}

// safeStorage exists only in the main process, so the key arrives in the start message.
// A key made here (first start, or the stored one could not be read) goes back to the
// main process once, which encrypts and stores it; it is never logged.
export function parentKeyVault(keyHex: string | null, post: (message: FromHost) => void): KeyVault {
  let known = keyHex ? Buffer.from(keyHex, 'hex') : null;
  return {
    load: () => known,
    save(secret) {
      if (known?.equals(secret)) return;
      known = Buffer.from(secret);
      post({ type: 'saveKey', keyHex: secret.toString('hex') });
    },
  };
}

const carrier = (token: string | null, quiet: boolean): SessionCarrier => {
  const session: SessionCarrier = {
    token,
    quiet,
    setToken(next) {
      session.token = next;
    },
  };
  return session;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function serveHost(port: ParentPortLike, deps: ServeDeps): void {
  const log = deps.log ?? consoleLogger;
  let host: ServedHost | null = null;
  let starting = false;
  let closing = false;
  const watches = new Map<number, () => void>();
  const running = new Set<Promise<unknown>>();
  const post = (message: FromHost) => {
    try {
      port.postMessage(message);
    } catch (err) {
      log.error(`pesan ${message.type} ke proses utama gagal dikirim`, err);
    }
  };

  const start = (options: HostStartOptions) => {
    if (starting || host) return;
    starting = true;
    deps
      .start({
        dataDir: options.dataDir,
        rendererDir: options.rendererDir,
        demo: options.demo,
        nativeBinding: options.nativeBinding,
        keyVault: parentKeyVault(options.auditKeyHex, post),
        local: null,
        log,
      })
      .then((started) => {
        host = started;
        post({ type: 'ready' });
      })
      .catch((err: unknown) => {
        starting = false;
        log.error('proses inti gagal dibuka', err);
        post({ type: 'startFailed', message: err instanceof Error ? err.message : String(err) });
      });
  };

  const call = (message: Extract<ToHost, { type: 'call' }>) => {
    const session = carrier(message.token, message.quiet === true);
    const answer = (result: Result<unknown>) => post({ type: 'result', id: message.id, result, token: session.token });
    if (!host || closing) {
      answer(INTERNAL_ERROR);
      return;
    }
    const done = host.core
      .call(message.name, message.input, session)
      .then(answer, (err: unknown) => {
        log.error(`panggilan ${message.name} gagal di proses inti`, err);
        answer(INTERNAL_ERROR);
      })
      .finally(() => running.delete(done));
    running.add(done);
  };

  const unwatch = (windowId: number) => {
    const stop = watches.get(windowId);
    watches.delete(windowId);
    stop?.();
  };

  const watch = (windowId: number, token: string | null) => {
    unwatch(windowId);
    if (!host || closing || !token) return;
    const stop = host.core.watch(
      carrier(token, true),
      (event) => post({ type: 'event', windowId, event }),
      () => {
        if (watches.get(windowId) === stop) watches.delete(windowId);
      },
    );
    watches.set(windowId, stop);
  };

  const close = async () => {
    if (closing) return;
    closing = true;
    for (const windowId of [...watches.keys()]) unwatch(windowId);
    const drain = new Promise((resolve) => setTimeout(resolve, deps.drainMs ?? 3000).unref());
    await Promise.race([Promise.allSettled([...running]), drain]);
    try {
      await host?.close();
    } catch (err) {
      log.error('proses inti gagal ditutup dengan rapi', err);
    }
    post({ type: 'closed' });
    deps.exit(0);
  };

  port.on('message', ({ data }) => {
    if (!isObject(data) || typeof data.type !== 'string') {
      log.warn('pesan tidak dikenal dari proses utama diabaikan');
      return;
    }
    const message = data as ToHost;
    try {
      switch (message.type) {
        case 'start':
          return start(message.options);
        case 'call':
          return call(message);
        case 'watch':
          return watch(message.windowId, message.token);
        case 'unwatch':
          return unwatch(message.windowId);
        case 'close':
          return void close();
        default:
          log.warn('pesan tidak dikenal dari proses utama diabaikan');
      }
    } catch (err) {
      // Only the message type is logged: a call's input or a start message's key never is.
      log.error(`pesan ${message.type} gagal ditangani di proses inti`, err);
      if (message.type === 'call') post({ type: 'result', id: message.id, result: INTERNAL_ERROR, token: message.token });
    }
  });
}

// Run as a utility process: Electron gives it process.parentPort (null elsewhere).
const parentPort = (process as { parentPort?: ParentPortLike | null }).parentPort;
if (parentPort) {
  process.on('uncaughtException', (err) => consoleLogger.error('kesalahan tak tertangani di proses inti', err));
  process.on('unhandledRejection', (err) => consoleLogger.error('janji tak tertangani di proses inti', err));
  serveHost(parentPort, { start: startHost, exit: (code) => process.exit(code) });
}
