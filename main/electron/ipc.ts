import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/contract';
import type { Core } from '../core';
import { LOGIN_LIMIT, LOGIN_RATE_LIMITED, slidingWindow } from '../core/auth/rateLimit';
import { consoleLogger, type Logger, type SessionCarrier } from '../core/context';
import { APP_URL_PREFIX } from './security';

// The one IPC channel: the preload's invoke(name, input, quiet) arrives here.
export const INVOKE_CHANNEL = 'tanggap:invoke';
export const MAX_CALL_NAME_LENGTH = 64;

export type InvokeSender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

const refused: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Permintaan ditolak: tidak berasal dari jendela aplikasi Tanggap.' },
};
const badName: Result<never> = {
  ok: false,
  error: { code: 'unknown_call', message: 'Perintah tidak dikenal oleh aplikasi.' },
};
const failed: Result<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'Terjadi kesalahan di aplikasi; data yang sudah tersimpan tidak berubah. Coba lagi, dan hubungi admin bila berulang.',
  },
};

// A message is trusted only from the main frame of a window this process created,
// while that frame shows the app itself (not a page it was navigated to, not an iframe).
export function createSenderCheck(ownContentsIds: ReadonlySet<number>): (event: InvokeSender) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !ownContentsIds.has(event.sender.id)) return false;
    const main = event.sender.mainFrame;
    return (
      frame.processId === main.processId && frame.routingId === main.routingId && frame.url.startsWith(APP_URL_PREFIX)
    );
  };
}

export interface IpcRegistration {
  // Ends the session of a closed window: the token leaves memory and the database.
  forget(contentsId: number): Promise<void>;
}

// Each window keeps its own session token, in the main process only; the renderer
// never sees it. The core's dispatch validates, authorises and runs the call (in the
// desktop app the core is the host process, reached through hostProcess.remoteCore).
// onSession hears each change of a window's token (login, logout, window closed), so
// its live events follow the session.
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Pick<Core, 'call'>,
  isTrustedSender: (event: InvokeSender) => boolean,
  log: Logger = consoleLogger,
  now: () => number = Date.now,
  onSession: (contentsId: number, token: string | null) => void = () => {},
): IpcRegistration {
  // As over HTTP per address: a script in a window gets no more guesses than a browser.
  const logins = slidingWindow(LOGIN_LIMIT, now);
  const sessions = new Map<number, SessionCarrier>();
  const sessionOf = (contentsId: number): SessionCarrier => {
    const existing = sessions.get(contentsId);
    if (existing) return existing;
    const carrier: SessionCarrier = {
      token: null,
      setToken(token) {
        carrier.token = token;
      },
    };
    sessions.set(contentsId, carrier);
    return carrier;
  };

  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown, quiet: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      log.warn(`IPC ditolak dari pengirim yang tidak dikenal (webContents ${event.sender.id})`);
      return refused;
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > MAX_CALL_NAME_LENGTH) return badName;
    if (name === 'auth.login' && !logins.allow(String(event.sender.id))) return { ok: false, error: LOGIN_RATE_LIMITED };
    const session = sessionOf(event.sender.id);
    const before = session.token;
    try {
      // A quiet call (SessionCarrier) sees and replaces the window's own token.
      const caller: SessionCarrier = quiet === true ? { get token() { return session.token; }, setToken: (t) => session.setToken(t), quiet: true } : session;
      return await core.call(name, input, caller);
    } catch (err) {
      log.error(`panggilan ${name} gagal di IPC`, err);
      return failed;
    } finally {
      if (session.token !== before && sessions.get(event.sender.id) === session) onSession(event.sender.id, session.token);
    }
  });

  return {
    async forget(contentsId) {
      const carrier = sessions.get(contentsId);
      sessions.delete(contentsId);
      if (!carrier?.token) return;
      onSession(contentsId, null);
      try {
        await core.call('auth.logout', {}, carrier);
      } catch (err) {
        log.error('sesi jendela yang ditutup tidak dapat diakhiri', err);
      }
    },
  };
}
