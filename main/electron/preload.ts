import { contextBridge, ipcRenderer } from 'electron';

// The page's only ways to the main process: invoke(name, input) for the
// core's calls, and savePdf for "Simpan PDF" (the window printed to a file the user
// picks; pdf.ts). No ipcRenderer. A sandboxed preload can require nothing but
// 'electron', so the channel names are spelled out here rather than imported from
// ipc.ts and pdf.ts (preload.test.ts checks they match).
contextBridge.exposeInMainWorld('tanggap', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('tanggap:invoke', name, input),
  savePdf: (request: { fileName: string; pageSize: { widthMm: number; heightMm: number } }): Promise<unknown> =>
    ipcRenderer.invoke('tanggap:printToPdf', request),
});
