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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group takes what its modules import too, in priority order: React first, so the charts chunk
          // holds recharts and its own dependencies only, loaded with the Transparency page alone.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor|decimal\.js)/, priority: 1 },
          ],
        },
      },
    },
  },
});
