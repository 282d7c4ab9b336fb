import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app: `index.html` at the root, sources in `src/web`, built into `dist/web`, which the
 * server serves at `/`. In development `/api` goes to the server on port 3000.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': { target: process.env.MINYI_API_URL ?? 'http://127.0.0.1:3000' } },
  },
});
