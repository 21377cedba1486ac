import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is plain static files: served by main/http for a browser and by the
// app:// protocol in Electron. TANGGAP_RENDERER_DIR puts a second build elsewhere (main/http/cli.ts serves it).
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: process.env.TANGGAP_RENDERER_DIR ?? resolve(__dirname, '..', 'dist', 'renderer'),
    // Only our own folder is emptied; a folder named by the variable might hold anything.
    emptyOutDir: !process.env.TANGGAP_RENDERER_DIR,
    chunkSizeWarningLimit: 1500,
  },
});
