import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than app code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5174,
    // `npm run dev` talks to a locally running server (BUILDCRM_PORT, default 8080).
    proxy: { '/api': `http://localhost:${process.env.BUILDCRM_PORT ?? '8080'}` },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    // web-shared's own tests run in both apps (with each app's setup), as they did before the workspace
    include: ['src/**/*.test.{ts,tsx}', '../web-shared/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    // One jsdom per worker instead of per file roughly halves the run on two cores. The price: module state
    // (session store, i18n, msw handlers) is shared between files, so src/test/setup.ts resets it after each test.
    pool: 'threads',
    isolate: false,
  },
});
