import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000; proxying keeps the tRPC URL relative, so no CORS is needed.
const apiProxy = { '/trpc': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  server: { port: 5174, proxy: apiProxy },
  preview: { port: 4174, proxy: apiProxy },
  build: { outDir: 'dist', emptyOutDir: true },
});
