import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/contract';
import { createCore, type Core } from '../core';
import { LOGIN_LIMIT } from '../core/auth/rateLimit';
import type { SessionCarrier } from '../core/context';
import { ADMIN, setupOffice } from '../../test/support/core';
import { createSenderCheck, INVOKE_CHANNEL, registerIpc, type InvokeSender } from './ipc';

const silentLog = { info() {}, warn() {}, error() {} };
type Handler = (event: InvokeSender, name?: unknown, input?: unknown, quiet?: unknown) => Promise<Result<unknown>>;

// A webContents as the IPC handler sees it: an id and its main frame.
function fakeSender(id: number, url = 'app://tanggap/index.html') {
  const mainFrame = { processId: 7, routingId: id, url, parent: null };
  const sender = { id, mainFrame };
  return {
    fromMain: (): InvokeSender => ({ sender, senderFrame: mainFrame }) as unknown as IpcMainInvokeEvent,
    fromFrame: (frame: { processId: number; routingId: number; url: string; parent: unknown } | null): InvokeSender =>
      ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent,
    navigateTo(next: string) {
      mainFrame.url = next;
    },
  };
}

function listen(core: Pick<Core, 'call'>, own: Set<number>, now?: () => number) {
  let handler: Handler | null = null;
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Handler) => {
      expect(channel).toBe(INVOKE_CHANNEL);
      handler = listener;
    }),
  };
  const registration = registerIpc(ipcMain as never, core, createSenderCheck(own), silentLog, now);
  expect(ipcMain.handle).toHaveBeenCalledTimes(1);
  return { invoke: handler! as Handler, registration };
}

let dir: string;
let core: Core;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tanggap-ipc-'));
  core = createCore({ dataDir: dir, log: silentLog });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const forbidden = { ok: false, error: { code: 'forbidden', message: expect.stringMatching(/ditolak/) } };

describe('IPC: sender checks', () => {
  it('forwards a call from the main frame of our window to the core', async () => {
    const { invoke } = listen(core, new Set([1]));
    const result = await invoke(fakeSender(1).fromMain(), 'setup.status', {});
    expect(result).toEqual({ ok: true, value: { needsSetup: true, officeName: '' } });
  });

  it('refuses a window it did not create', async () => {
    const spy = vi.spyOn(core, 'call');
    const { invoke } = listen(core, new Set([1]));
    expect(await invoke(fakeSender(2).fromMain(), 'setup.status', {})).toEqual(forbidden);
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses our window once it shows another page', async () => {
    const { invoke } = listen(core, new Set([1]));
    for (const url of ['https://evil.example/', 'file:///C:/x.html', 'app://tanggap.evil/', 'app://other/index.html', 'about:blank']) {
      const sender = fakeSender(1, url);
      expect(await invoke(sender.fromMain(), 'setup.status', {}), url).toEqual(forbidden);
    }
  });

  it('refuses a subframe, even one showing the app', async () => {
    const sender = fakeSender(1);
    const { invoke } = listen(core, new Set([1]));
    const parent = { processId: 7, routingId: 1, url: 'app://tanggap/index.html', parent: null };
    const iframe = { processId: 7, routingId: 99, url: 'app://tanggap/index.html', parent };
    expect(await invoke(sender.fromFrame(iframe), 'setup.status', {})).toEqual(forbidden);
    const orphan = { processId: 8, routingId: 1, url: 'app://tanggap/index.html', parent: null };
    expect(await invoke(sender.fromFrame(orphan), 'setup.status', {})).toEqual(forbidden);
    expect(await invoke(sender.fromFrame(null), 'setup.status', {})).toEqual(forbidden);
  });
});

describe('IPC: call names', () => {
  it('refuses a name that is not a short string before it reaches the core', async () => {
    const spy = vi.spyOn(core, 'call');
    const { invoke } = listen(core, new Set([1]));
    const main = fakeSender(1).fromMain();
    for (const name of [undefined, null, 42, { toString: () => 'setup.status' }, ['setup.status'], '', 'x'.repeat(65)]) {
      const result = await invoke(main, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('leaves unknown names to the core, which refuses them', async () => {
    const { invoke } = listen(core, new Set([1]));
    const result = await invoke(fakeSender(1).fromMain(), 'fs.readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await invoke(fakeSender(1).fromMain(), '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('turns a core that throws into an internal error instead of a rejected promise', async () => {
    const broken = { call: vi.fn(async () => Promise.reject(new Error('disk gone'))) };
    const { invoke } = listen(broken, new Set([1]));
    expect(await invoke(fakeSender(1).fromMain(), 'setup.status', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('IPC: sessions per window', () => {
  // Records the carrier the core is handed, and lets a "login" set its token.
  function recordingCore() {
    const seen: SessionCarrier[] = [];
    const fake = {
      call: vi.fn(async (name: unknown, _input: unknown, session: SessionCarrier): Promise<Result<unknown>> => {
        seen.push(session);
        if (name === 'auth.login') session.setToken(`token-${seen.length}`);
        if (name === 'auth.logout') session.setToken(null);
        return { ok: true, value: session.token };
      }),
    };
    return { fake, seen };
  }

  it('keeps one session per webContents, in the main process', async () => {
    const { fake, seen } = recordingCore();
    const { invoke } = listen(fake, new Set([1, 2]));
    const a = fakeSender(1).fromMain();
    const b = fakeSender(2).fromMain();
    await invoke(a, 'auth.login', { username: 'staf', password: 'x' });
    expect(await invoke(a, 'auth.me', {})).toEqual({ ok: true, value: 'token-1' });
    expect(await invoke(b, 'auth.me', {})).toEqual({ ok: true, value: null });
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
  });

  it("marks a quiet call (a refresh of the screen's own) on the window's session, which it can still end", async () => {
    const { fake, seen } = recordingCore();
    const { invoke } = listen(fake, new Set([1]));
    const a = fakeSender(1).fromMain();
    await invoke(a, 'auth.login', { username: 'staf', password: 'x' });
    expect(await invoke(a, 'tasks.counts', {}, true)).toEqual({ ok: true, value: 'token-1' });
    expect(seen[1]!.quiet).toBe(true);
    await invoke(a, 'tasks.counts', {}, 'true');
    expect(seen[2]!.quiet).toBeFalsy();
    // An idle session ended by a quiet call is ended for the window.
    await invoke(a, 'auth.logout', {}, true);
    expect(await invoke(a, 'auth.me', {})).toEqual({ ok: true, value: null });
  });

  it('ends the session of a closed window', async () => {
    const { fake } = recordingCore();
    const { invoke, registration } = listen(fake, new Set([1]));
    const a = fakeSender(1).fromMain();
    await invoke(a, 'auth.login', {});
    await registration.forget(1);
    expect(fake.call).toHaveBeenLastCalledWith('auth.logout', {}, expect.objectContaining({ token: null }));
    expect(await invoke(a, 'auth.me', {})).toEqual({ ok: true, value: null });
  });

  it("tells each change of a window's token (login, logout, window closed), for its live events", async () => {
    const { fake } = recordingCore();
    const changes: [number, string | null][] = [];
    let handler: Handler | null = null;
    const ipcMain = { handle: (_channel: string, listener: Handler) => void (handler = listener) };
    const registration = registerIpc(ipcMain as never, fake, createSenderCheck(new Set([1, 2])), silentLog, Date.now, (id, token) =>
      changes.push([id, token]),
    );
    const a = fakeSender(1).fromMain();
    await handler!(a, 'auth.me', {});
    expect(changes).toEqual([]);
    await handler!(a, 'auth.login', {});
    await handler!(a, 'auth.me', {});
    await handler!(a, 'auth.logout', {});
    await handler!(fakeSender(2).fromMain(), 'auth.login', {});
    await registration.forget(2);
    expect(changes).toEqual([
      [1, 'token-2'],
      [1, null],
      [2, 'token-5'],
      [2, null],
    ]);
  });

  it('with the real core: a login in one window is not seen by another, and ends with the window', async () => {
    await setupOffice(core);
    const { invoke, registration } = listen(core, new Set([1, 2]));
    const a = fakeSender(1).fromMain();
    const b = fakeSender(2).fromMain();
    expect(await invoke(a, 'auth.login', ADMIN)).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(await invoke(a, 'auth.me', {})).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(await invoke(a, 'users.list', {})).toMatchObject({ ok: true });
    expect(await invoke(b, 'auth.me', {})).toEqual({ ok: true, value: null });
    expect(await invoke(b, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const sessions = () => (core.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;
    const before = sessions();
    await registration.forget(1);
    expect(sessions()).toBe(before - 1);
    expect(await invoke(a, 'auth.me', {})).toEqual({ ok: true, value: null });
  });
});

describe('IPC: login attempts per window', () => {
  it(`refuses the ${LOGIN_LIMIT.max + 1}th login within a minute from one window, not from another, and again after a minute`, async () => {
    let t = 0;
    const fake = { call: vi.fn(async (): Promise<Result<unknown>> => ({ ok: false, error: { code: 'unauthenticated', message: 'salah' } })) };
    const { invoke } = listen(fake, new Set([1, 2]), () => t);
    const a = fakeSender(1).fromMain();
    for (let i = 0; i < LOGIN_LIMIT.max; i++) expect(await invoke(a, 'auth.login', { username: 'staf', password: `tebakan${i}` })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await invoke(a, 'auth.login', { username: 'staf', password: 'lagi' })).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'Terlalu banyak percobaan masuk dari komputer ini. Tunggu satu menit, lalu coba lagi.' },
    });
    expect(fake.call).toHaveBeenCalledTimes(LOGIN_LIMIT.max);
    // Other calls and other windows are not held back.
    expect(await invoke(a, 'auth.me', {})).toMatchObject({ ok: false });
    expect(await invoke(fakeSender(2).fromMain(), 'auth.login', {})).toMatchObject({ error: { code: 'unauthenticated' } });
    t = LOGIN_LIMIT.windowMs;
    expect(await invoke(a, 'auth.login', {})).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
