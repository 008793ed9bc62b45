import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://workstation/ in Electron and from a plain http origin in
// browser mode and tests; relative asset paths keep one build valid for both.
export const rendererConfig = defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
});

export { rendererConfig as default };
