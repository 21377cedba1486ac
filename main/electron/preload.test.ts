import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from './ipc';
import { PDF_CHANNEL } from './pdf';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'pong' })), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

describe('preload', () => {
  it('exposes exactly window.tanggap.invoke and savePdf, each forwarding to its own channel', async () => {
    await import('./preload');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, unknown>];
    expect(key).toBe('tanggap');
    expect(Object.keys(api)).toEqual(['invoke', 'savePdf']);
    expect(typeof api.invoke).toBe('function');

    const input = { username: 'admin' };
    await expect((api.invoke as (n: string, i: unknown) => Promise<unknown>)('auth.me', input)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'auth.me', input);

    const request = { fileName: 'Surat tanggapan.pdf', pageSize: { widthMm: 215, heightMm: 330 } };
    await (api.savePdf as (r: unknown) => Promise<unknown>)(request);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(PDF_CHANNEL, request);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(2);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
