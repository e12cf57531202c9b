import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on :3000; proxying /trpc (and /api for documents) keeps the client's relative URL and needs no CORS.
const apiProxy = { '/trpc': { target: 'http://localhost:3000' }, '/api': { target: 'http://localhost:3000' } };

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Libraries change less often than the app: separate chunks stay cached across deploys.
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group also takes the dependencies of what it captures, in priority order. React and react-admin
          // are captured first, so the charts chunk holds only recharts and what recharts alone uses (redux
          // toolkit, immer, d3…) and loads with the lazy dashboard and Detection pages, not the first screen.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 4 },
            { name: 'react-admin', test: /node_modules[\\/](ra-|react-admin|@mui|@emotion|react-hook-form|@tanstack)/, priority: 3 },
            { name: 'charts', test: /node_modules[\\/](recharts|d3-|victory-vendor|decimal\.js)/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
    // react-admin with MUI is one chunk of about 1 MB minified (~300 kB gzipped), loaded once behind sign-in.
    chunkSizeWarningLimit: 1200,
  },
});
