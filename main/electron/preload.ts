import { contextBridge, ipcRenderer } from 'electron';

// The page's only way to the main process: one function, no ipcRenderer (design.md).
// A sandboxed preload can require nothing but 'electron', so the channel name is
// spelled out here rather than imported from ipc.ts (preload.test.ts checks they match).
contextBridge.exposeInMainWorld('tanggap', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('tanggap:invoke', name, input),
});
