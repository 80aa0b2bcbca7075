import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from the app's own files (custom protocol in Electron, 127.0.0.1 in web mode),
// so asset paths are relative and nothing is ever fetched from the network.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 3000,
  },
});
