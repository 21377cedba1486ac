import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientEvent } from '../../shared/events';
import type { Core } from '../core';
import { fileVault, type KeyVault } from '../core/audit/key';
import type { FromHost, ToHost } from '../host/protocol';
import { ADMIN, addUser, carrier, ok, sampleComplaint, setupOffice } from '../../test/support/core';
import { forkUtility, type ForkedUtility } from '../../test/support/utilityProcess';
import { HOST_GONE, HOST_STOPPED, HOST_TIMEOUT, hostDiedMessage, remoteCore, startHostProcess, type HostProcess, type HostProcessOptions } from './hostProcess';

const ENTRY = join(__dirname, '..', 'host', 'entry.ts');
const silentLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

let dir: string;
let forked: ForkedUtility[];
let hosts: HostProcess[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tanggap-hostproc-'));
  forked = [];
  hosts = [];
});
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  for (const child of forked) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

// A vault like the desktop app's (a file only this user reads), recording its saves.
function recordingVault(path = join(dir, 'data', 'kunci-segel-audit.terenkripsi')) {
  const inner = fileVault(path);
  const saves: Buffer[] = [];
  const vault: KeyVault = {
    load: () => inner.load(),
    save(secret) {
      saves.push(Buffer.from(secret));
      inner.save(secret);
    },
  };
  return { vault, saves, path };
}

// The real host process: main/host/entry.ts in a second Node process, with the real core.
async function realHost(over: Partial<HostProcessOptions> = {}) {
  const events: { windowId: number; event: ClientEvent }[] = [];
  const { vault, saves } = recordingVault();
  const host = await startHostProcess({
    fork: (modulePath, args) => {
      const child = forkUtility(modulePath, args);
      forked.push(child);
      return child;
    },
    modulePath: ENTRY,
    start: { dataDir: join(dir, 'data'), rendererDir: join(dir, 'renderer'), demo: false },
    vault,
    onEvent: (windowId, event) => events.push({ windowId, event }),
    log: silentLog,
    ...over,
  });
  hosts.push(host);
  return { host, events, saves, core: remoteCore(host) as unknown as Core };
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('host process (a real second process)', () => {
  it('round-trips calls: setup, login, then the staf tasks; the token stays on this side', async () => {
    const { core } = await realHost();
    expect(forked).toHaveLength(1);
    const admin = await setupOffice(core);
    expect(admin.token).toMatch(/\S{20,}/);
    await addUser(core, admin, 'staf', 'staf');

    const staf = carrier();
    const login = await core.call('auth.login', { username: 'staf', password: 'kata-sandi-123' }, staf);
    expect(login).toMatchObject({ ok: true, value: { username: 'staf', role: 'staf' } });
    expect(staf.token).toMatch(/\S{20,}/);
    expect(JSON.stringify(login)).not.toContain(staf.token!);
    expect(await ok(core, staf, 'tasks.mine', {})).toEqual([]);
    const created = await ok(core, staf, 'complaints.create', sampleComplaint());
    expect(created.registerNo).toBeTruthy();

    // A second session is a separate session: logged out, it gets nothing.
    const stranger = carrier();
    expect(await core.call('tasks.mine', {}, stranger)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await ok(core, staf, 'auth.logout', {});
    expect(staf.token).toBeNull();
    expect(await core.call('tasks.mine', {}, staf)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('stores a key the host made exactly once, through this side, and reuses it on the next start', async () => {
    const first = await realHost();
    const admin = await setupOffice(first.core);
    expect(first.saves).toHaveLength(1);
    expect(first.saves[0]).toHaveLength(32);
    const stored = readFileSync(join(dir, 'data', 'kunci-segel-audit.terenkripsi'), 'utf8');
    expect(stored.trim()).toBe(first.saves[0]!.toString('hex'));
    // the host keeps no key file of its own
    expect(existsSync(join(dir, 'data', 'kunci-segel-audit'))).toBe(false);
    await first.host.close();

    const second = await realHost();
    expect(second.saves).toHaveLength(0);
    const again = carrier();
    await ok(second.core, again, 'auth.login', ADMIN);
    const verdict = await ok(second.core, again, 'audit.verify', {});
    expect(verdict).toMatchObject({ ok: true, firstBroken: null });
    expect(verdict.sealedHere).toBeGreaterThan(0);
    expect(admin.token).not.toBe(again.token);
    // The secret went from host to vault only: nothing this side logged carries it.
    const logged = JSON.stringify([silentLog.info.mock.calls, silentLog.warn.mock.calls, silentLog.error.mock.calls]);
    expect(logged).not.toContain(first.saves[0]!.toString('hex'));
  });

  it("delivers a window's events to that window only, and none after its session ends", async () => {
    const { host, core, events } = await realHost();
    const admin = await setupOffice(core);
    const staf = await addUser(core, admin, 'staf', 'staf');
    const camat = await addUser(core, admin, 'camat', 'camat');
    host.watch(1, staf.token);
    host.watch(2, camat.token);
    host.watch(3, null);
    await ok(core, staf, 'complaints.create', sampleComplaint());
    await until(() => events.some((e) => e.windowId === 1) && events.some((e) => e.windowId === 2));
    expect(events.every((e) => e.windowId === 1 || e.windowId === 2)).toBe(true);
    expect(events.find((e) => e.windowId === 1)!.event).toMatchObject({ kind: 'queues.changed' });

    host.watch(2, null);
    await ok(core, camat, 'auth.logout', {});
    await new Promise((r) => setTimeout(r, 400));
    const seen = events.length;
    await ok(core, staf, 'complaints.create', sampleComplaint({ subject: 'Lampu jalan padam di Desa Kejayan' }));
    await until(() => events.length > seen);
    await new Promise((r) => setTimeout(r, 400));
    expect(events.slice(seen).every((e) => e.windowId === 1)).toBe(true);
  });

  it('a host that refuses to open (the data folder is a file) rejects with its message', async () => {
    writeFileSync(join(dir, 'data'), 'not a folder');
    await expect(realHost()).rejects.toThrow(/EEXIST|ENOTDIR|not a directory|file already exists/i);
    await Promise.all(forked.map((c) => c.exited));
    expect(forked).toHaveLength(1);
  });

  it('a host that dies while opening is tried once more, then gives the Indonesian message', async () => {
    const dying = join(dir, 'dying.cjs');
    writeFileSync(dying, 'process.exit(3);\n');
    await expect(realHost({ modulePath: dying })).rejects.toThrow(hostDiedMessage(3));
    expect(forked).toHaveLength(2);
    expect(hostDiedMessage(3)).toMatch(/^Proses inti Tanggap berhenti saat dibuka \(kode 3\)/);
  });

  it('closes the database and ends at quit', async () => {
    const { host, core } = await realHost();
    await setupOffice(core);
    await host.close();
    expect(await forked[0]!.exited).toBe(0);
    expect(await core.call('setup.status', {}, carrier())).toEqual(HOST_GONE);
    // WAL checkpointed and closed: nothing left behind beside the database
    expect(existsSync(join(dir, 'data', 'tanggap.sqlite-wal'))).toBe(false);
  });

  it('starts the host again after it dies; the open call fails cleanly, the session survives', async () => {
    const { core } = await realHost();
    const admin = await setupOffice(core);
    process.kill(forked[0]!.pid!, 'SIGKILL');
    await forked[0]!.exited;
    await until(() => forked.length === 2);
    // Until the new host is open, calls answer at once with the Indonesian message.
    expect(await core.call('auth.me', {}, admin)).toEqual(HOST_GONE);
    let status = await core.call('auth.me', {}, admin);
    for (let i = 0; i < 600 && !status.ok; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await core.call('auth.me', {}, admin);
    }
    expect(status).toMatchObject({ ok: true, value: { username: 'admin' } });
  });
});

// A host that answers as the test says, in this process: for timing cases.
function scriptedChild(answer: (message: ToHost, reply: (m: FromHost) => void) => void) {
  const emitter = new EventEmitter();
  const sent: ToHost[] = [];
  const child = {
    postMessage(message: ToHost) {
      sent.push(message);
      queueMicrotask(() => answer(message, (m) => emitter.emit('message', m)));
    },
    on(event: string, listener: (arg: never) => void) {
      emitter.on(event, listener as (...args: unknown[]) => void);
      return child;
    },
    kill: vi.fn(() => {
      queueMicrotask(() => emitter.emit('exit', 0));
      return true;
    }),
  };
  return { child, sent, emitter };
}

const startOptions = (fork: HostProcessOptions['fork'], over: Partial<HostProcessOptions> = {}): HostProcessOptions => ({
  fork,
  modulePath: '/app/dist/main/host/entry.js',
  start: { dataDir: '/data', rendererDir: '/renderer', demo: false },
  vault: { load: () => null, save: vi.fn() },
  onEvent: vi.fn(),
  log: silentLog,
  ...over,
});

describe('host process client', () => {
  it('a slow call does not hold up another one', async () => {
    const { child } = scriptedChild((m, reply) => {
      if (m.type === 'start') reply({ type: 'ready' });
      if (m.type !== 'call') return;
      const answer = () => reply({ type: 'result', id: m.id, result: { ok: true, value: m.name }, token: m.token });
      if (m.name === 'reports.slow') setTimeout(answer, 300);
      else answer();
    });
    const host = await startHostProcess(startOptions(() => child));
    const order: string[] = [];
    const slow = host.call('reports.slow', {}, 't').then(() => order.push('slow'));
    const fast = host.call('tasks.mine', {}, 't').then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('after too many crashes calls say to reopen the app instead of waiting', async () => {
    const children: ReturnType<typeof scriptedChild>[] = [];
    const fork = () => {
      const made = scriptedChild((m, reply) => {
        if (m.type === 'start') reply({ type: 'ready' });
      });
      children.push(made);
      return made.child;
    };
    const host = await startHostProcess(startOptions(fork, { maxRestarts: 1 }));
    children[0]!.emitter.emit('exit', 134);
    await vi.waitFor(() => expect(children).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 10));
    children[1]!.emitter.emit('exit', 134);
    expect(children).toHaveLength(2);
    expect((await host.call('tasks.mine', {}, 't')).result).toEqual(HOST_STOPPED);
  });

  it('a call the host never answers ends with a timeout message', async () => {
    const { child } = scriptedChild((m, reply) => {
      if (m.type === 'start') reply({ type: 'ready' });
    });
    const host = await startHostProcess(startOptions(() => child, { callTimeoutMs: 50 }));
    expect(await host.call('tasks.mine', {}, 'tok')).toEqual({ result: HOST_TIMEOUT, token: 'tok' });
  });

  it('passes the stored key to the host and ignores a second key', async () => {
    const save = vi.fn();
    const key = Buffer.alloc(32, 7);
    const { child, sent } = scriptedChild((m, reply) => {
      if (m.type !== 'start') return;
      reply({ type: 'saveKey', keyHex: Buffer.alloc(32, 9).toString('hex') });
      reply({ type: 'ready' });
    });
    await startHostProcess(startOptions(() => child, { vault: { load: () => key, save } }));
    expect(sent[0]).toMatchObject({ type: 'start', options: { auditKeyHex: key.toString('hex'), dataDir: '/data' } });
    expect(save).not.toHaveBeenCalled();
  });

  it('a key that cannot be stored stops the start with an Indonesian message', async () => {
    const { child } = scriptedChild((m, reply) => {
      if (m.type !== 'start') return;
      reply({ type: 'saveKey', keyHex: Buffer.alloc(32, 9).toString('hex') });
      reply({ type: 'ready' });
    });
    const save = vi.fn(() => {
      throw new Error('keyring terkunci');
    });
    await expect(startHostProcess(startOptions(() => child, { vault: { load: () => null, save } }))).rejects.toThrow(
      'Kunci segel jejak audit tidak dapat disimpan: keyring terkunci',
    );
    expect(child.kill).toHaveBeenCalled();
  });
});
