import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/contract';
import type { ClientEvent } from '../../shared/events';
import type { SessionCarrier } from '../core/context';
import { parentKeyVault, serveHost, type ServedHost, type StartServedHost } from './entry';
import type { FromHost, ToHost } from './protocol';

// The message loop of entry.ts over a fake parentPort (the real process runs in
// main/electron/hostProcess.test.ts); a host whose core the test scripts.
function harness(core: ServedHost['core'], start?: StartServedHost) {
  const posted: FromHost[] = [];
  let listener: ((event: { data: unknown }) => void) | null = null;
  const port = { on: (_event: 'message', l: (event: { data: unknown }) => void) => (listener = l), postMessage: (m: FromHost) => posted.push(m) };
  const host: ServedHost = { core, close: vi.fn(async () => undefined) };
  const exit = vi.fn();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  serveHost(port, { start: start ?? (async () => host), exit, log, drainMs: 200 });
  const send = (data: ToHost | unknown) => listener!({ data });
  const settle = () => new Promise((r) => setTimeout(r, 10));
  return { posted, send, settle, host, exit, log };
}

const start: ToHost = { type: 'start', options: { dataDir: '/d', rendererDir: '/r', demo: false, auditKeyHex: null } };

describe('host process message loop', () => {
  it('answers a call with the session token after it, and a failing call with internal', async () => {
    const core = {
      call: vi.fn(async (name: unknown, _input: unknown, session: SessionCarrier): Promise<Result<unknown>> => {
        if (name === 'boom') throw new Error('disk gone');
        if (name === 'auth.login') session.setToken('baru');
        return { ok: true, value: name };
      }),
      watch: vi.fn(() => () => {}),
    };
    const h = harness(core);
    h.send({ type: 'call', id: 1, name: 'tasks.mine', input: {}, token: null });
    await h.settle();
    expect(h.posted).toContainEqual({ type: 'result', id: 1, result: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'internal' }) }), token: null });
    h.send(start);
    await h.settle();
    expect(h.posted).toContainEqual({ type: 'ready' });
    h.send({ type: 'call', id: 2, name: 'auth.login', input: {}, token: null });
    h.send({ type: 'call', id: 3, name: 'boom', input: {}, token: 'lama' });
    h.send({ type: 'bogus' });
    h.send('not even an object');
    await h.settle();
    expect(h.posted).toContainEqual({ type: 'result', id: 2, result: { ok: true, value: 'auth.login' }, token: 'baru' });
    expect(h.posted).toContainEqual({ type: 'result', id: 3, result: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'internal' }) }), token: 'lama' });
    expect(h.log.error).toHaveBeenCalledWith('panggilan boom gagal di proses inti', expect.any(Error));
    expect(h.log.warn).toHaveBeenCalledTimes(2);
  });

  it('watches per window, replaces a watch on a new token, and stops them all at close', async () => {
    const stops: ReturnType<typeof vi.fn>[] = [];
    const sends: ((e: ClientEvent) => void)[] = [];
    const core = {
      call: vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: null })),
      watch: vi.fn((_session: SessionCarrier, send: (e: ClientEvent) => void) => {
        sends.push(send);
        const stop = vi.fn();
        stops.push(stop);
        return stop;
      }),
    };
    const h = harness(core);
    h.send(start);
    await h.settle();
    h.send({ type: 'watch', windowId: 1, token: 'a' });
    h.send({ type: 'watch', windowId: 2, token: 'b' });
    expect(core.watch.mock.calls.map((c) => c[0].token)).toEqual(['a', 'b']);
    const e: ClientEvent = { kind: 'queues.changed', at: 'x', complaintId: null, registerNo: null, message: 'm', forMe: false };
    sends[1]!(e);
    expect(h.posted).toContainEqual({ type: 'event', windowId: 2, event: e });
    h.send({ type: 'watch', windowId: 1, token: 'a2' });
    expect(stops[0]).toHaveBeenCalled();
    h.send({ type: 'unwatch', windowId: 2 });
    expect(stops[1]).toHaveBeenCalled();
    h.send({ type: 'close' });
    await vi.waitFor(() => expect(h.exit).toHaveBeenCalledWith(0));
    expect(stops[2]).toHaveBeenCalled();
    expect(h.host.close).toHaveBeenCalled();
    expect(h.posted.at(-1)).toEqual({ type: 'closed' });
  });

  it('reports a start that fails with its message', async () => {
    const h = harness({ call: vi.fn(), watch: vi.fn() }, async () => {
      throw new Error('Basis data ini dibuat oleh Tanggap versi yang lebih baru.');
    });
    h.send(start);
    await h.settle();
    expect(h.posted).toEqual([{ type: 'startFailed', message: 'Basis data ini dibuat oleh Tanggap versi yang lebih baru.' }]);
  });
});

describe('key vault of the host process', () => {
  it('hands out the key it was given and sends a new one to the main process once', () => {
    const posted: FromHost[] = [];
    const given = Buffer.alloc(32, 1);
    expect(parentKeyVault(given.toString('hex'), (m) => posted.push(m)).load()).toEqual(given);
    const vault = parentKeyVault(null, (m) => posted.push(m));
    expect(vault.load()).toBeNull();
    const made = Buffer.alloc(32, 2);
    vault.save(made);
    vault.save(made);
    expect(posted).toEqual([{ type: 'saveKey', keyHex: made.toString('hex') }]);
    expect(vault.load()).toEqual(made);
  });
});
