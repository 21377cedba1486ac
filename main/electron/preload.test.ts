import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from './ipc';
import { PDF_CHANNEL } from './pdf';
import { CLIENT_CHANNEL } from './client';
import { EVENT_CHANNEL } from '../../shared/events';
import { NAVIGATE_CHANNEL } from './notify';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'pong' })), send: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  it('exposes exactly window.tanggap.invoke and savePdf, each forwarding to its own channel', async () => {
    vi.stubGlobal('location', { protocol: 'app:' });
    await import('./preload');
    vi.unstubAllGlobals();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(key).toBe('tanggap');
    expect(Object.keys(api)).toEqual(['invoke', 'savePdf', 'onEvent', 'onNavigate', 'client']);
    expect(typeof api.invoke).toBe('function');

    const input = { username: 'admin' };
    const invoke = api.invoke as (n: string, i: unknown, quiet?: unknown) => Promise<unknown>;
    await expect(invoke('auth.me', input)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'auth.me', input, false);
    // A refresh the screen makes on its own says so; anything but true is not quiet.
    await invoke('tasks.counts', {}, true);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, 'tasks.counts', {}, true);
    await invoke('tasks.counts', {}, 'ya');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, 'tasks.counts', {}, false);

    const request = { fileName: 'Surat tanggapan.pdf', pageSize: { widthMm: 215, heightMm: 330 } };
    await (api.savePdf as (r: unknown) => Promise<unknown>)(request);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(PDF_CHANNEL, request);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(4);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('lets the app page listen to live events on their own channel, without the IPC event object, and stop', async () => {
    vi.stubGlobal('location', { protocol: 'app:' });
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockClear();
    await import('./preload');
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, { onEvent(cb: (e: unknown) => void): () => void }];
    const heard: unknown[] = [];
    const stop = api.onEvent((e) => heard.push(e));
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));
    const listener = electron.ipcRenderer.on.mock.calls[0]![1] as (ipc: unknown, e: unknown) => void;
    listener({ sender: 'ipc internals' }, { kind: 'queues.changed' });
    expect(heard).toEqual([{ kind: 'queues.changed' }]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, listener);
    vi.unstubAllGlobals();
  });
  it('passes a notification click to the page as a path, and nothing else', async () => {
    vi.stubGlobal('location', { protocol: 'app:' });
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockClear();
    electron.ipcRenderer.on.mockClear();
    await import('./preload');
    vi.unstubAllGlobals();
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, { onNavigate(cb: (p: string) => void): () => void }];
    const paths: string[] = [];
    const stop = api.onNavigate((p) => paths.push(p));
    expect(electron.ipcRenderer.on).toHaveBeenCalledWith(NAVIGATE_CHANNEL, expect.any(Function));
    const listener = electron.ipcRenderer.on.mock.calls[0]![1] as (ipc: unknown, p: unknown) => void;
    listener({}, '/pengaduan/12');
    listener({}, 'https://example.com/');
    listener({}, '//example.com/');
    listener({}, { path: '/x' });
    expect(paths).toEqual(['/pengaduan/12']);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(NAVIGATE_CHANNEL, listener);
  });

  it('gives the setup page probe and confirm on the client channel', async () => {
    vi.stubGlobal('location', { protocol: 'app:' });
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockClear();
    electron.ipcRenderer.invoke.mockClear();
    await import('./preload');
    vi.unstubAllGlobals();
    const [, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      { client: { probe(a: string): Promise<unknown>; confirm(c: unknown): Promise<unknown> } },
    ];
    expect(Object.keys(api.client)).toEqual(['probe', 'confirm']);
    await api.client.probe('192.168.1.10:8443');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(CLIENT_CHANNEL, 'probe', { address: '192.168.1.10:8443' });
    const choice = { url: 'https://192.168.1.10:8443', fingerprint: 'AB:CD' };
    await api.client.confirm(choice);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(CLIENT_CHANNEL, 'confirm', choice);
  });

  it("exposes nothing to the office server's pages (client mode): they use HTTP like a browser", async () => {
    for (const protocol of ['https:', 'http:', 'file:']) {
      vi.stubGlobal('location', { protocol });
      vi.resetModules();
      electron.contextBridge.exposeInMainWorld.mockClear();
      await import('./preload');
      vi.unstubAllGlobals();
      expect(electron.contextBridge.exposeInMainWorld, protocol).not.toHaveBeenCalled();
    }
  });
});
