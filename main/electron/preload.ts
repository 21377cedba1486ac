import { contextBridge, ipcRenderer } from 'electron';

// The page's only ways to the main process: invoke(name, input, quiet) for the
// core's calls, and savePdf for "Simpan PDF" (the window printed to a file the user
// picks; pdf.ts). No ipcRenderer. A sandboxed preload can require nothing but
// 'electron', so the channel names are spelled out here rather than imported from
// ipc.ts and pdf.ts (preload.test.ts checks they match).
// Only the app's own pages (app://tanggap) get the bridge. In client mode the window
// shows the office server's pages over https: they talk to it over HTTP like a browser,
// and the main process would refuse their IPC anyway (ipc.ts createSenderCheck).
const page = (globalThis as { location?: { protocol: string } }).location;
if (page?.protocol === 'app:') {
  contextBridge.exposeInMainWorld('tanggap', {
    invoke: (name: string, input: unknown, quiet?: boolean): Promise<unknown> => ipcRenderer.invoke('tanggap:invoke', name, input, quiet === true),
    savePdf: (request: { fileName: string; pageSize: { widthMm: number; heightMm: number } }): Promise<unknown> =>
      ipcRenderer.invoke('tanggap:printToPdf', request),
    // Live events the main process pushes to this window (shared/events.ts); the page gets
    // the event only, never the IPC event object. Returns the way to stop listening.
    onEvent: (cb: (e: unknown) => void): (() => void) => {
      const listener = (_ipc: unknown, e: unknown) => cb(e);
      ipcRenderer.on('tanggap:event', listener);
      return () => void ipcRenderer.removeListener('tanggap:event', listener);
    },
    // A click on a system notification (notify.ts) asks the page to open a complaint.
    onNavigate: (cb: (path: string) => void): (() => void) => {
      const listener = (_ipc: unknown, path: unknown) => {
        if (typeof path === 'string' && /^\/[\w-]/.test(path)) cb(path);
      };
      ipcRenderer.on('tanggap:navigate', listener);
      return () => void ipcRenderer.removeListener('tanggap:navigate', listener);
    },
    // "Sambungkan ke server kantor" on a PC without data (client.ts).
    client: {
      probe: (address: string): Promise<unknown> => ipcRenderer.invoke('tanggap:client', 'probe', { address }),
      confirm: (choice: { url: string; fingerprint: string }): Promise<unknown> => ipcRenderer.invoke('tanggap:client', 'confirm', choice),
    },
  });
}
