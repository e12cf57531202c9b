import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000; proxying keeps the API URLs relative, so no CORS is needed.
const api = { target: 'http://localhost:3000', changeOrigin: false };
const apiProxy = { '/trpc': api, '/api': api };

export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  server: { port: 5174, proxy: apiProxy },
  preview: { port: 4174, proxy: apiProxy },
  build: { outDir: 'dist', emptyOutDir: true },
});
