import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const BASE = '/crm/';

export default defineConfig(({ mode }) => ({
  base: BASE,
  plugins: [
    react(),
    // The service worker is a build artefact; tests run without it.
    mode !== 'test' &&
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: 'script-defer',
        includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
        manifest: {
          id: BASE,
          name: 'BuildCRM',
          short_name: 'BuildCRM',
          description: 'CRM с AI-менеджером продаж для WhatsApp',
          lang: 'ru',
          start_url: BASE,
          scope: BASE,
          display: 'standalone',
          orientation: 'any',
          theme_color: '#1c7ed6',
          background_color: '#ffffff',
          icons: [
            { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // The app shell is precached (works offline); CRM API reads are network-first, so a phone that loses the
          // network still shows the last board and chats. The live stream, auth and writes never touch the cache,
          // and the cache is dropped at logout (AppProviders).
          globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
          // notification clicks and the future server push (see public/sw-notifications.js)
          importScripts: ['sw-notifications.js'],
          navigateFallback: `${BASE}index.html`,
          navigateFallbackDenylist: [/^\/api\//, /^\/media\//],
          runtimeCaching: [
            {
              // config.json (where the API lives, ADR 029) is never precached: network-first, so a changed file
              // is read at the next start, and the last copy serves a start without a network. The matcher is
              // copied into the service worker as source: only literals inside.
              urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/config.json'),
              handler: 'NetworkFirst',
              options: {
                cacheName: 'buildcrm-config',
                networkTimeoutSeconds: 4,
                expiration: { maxEntries: 2 },
              },
            },
            {
              urlPattern: ({ url, request }) =>
                request.method === 'GET' &&
                // the API may be on another origin (config.json), under a path prefix
                url.pathname.includes('/api/crm/') &&
                !url.pathname.includes('/api/crm/events'),
              handler: 'NetworkFirst',
              options: {
                cacheName: 'buildcrm-api',
                networkTimeoutSeconds: 6,
                expiration: { maxEntries: 200, maxAgeSeconds: 86_400 },
              },
            },
          ],
        },
      }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the router change less often than app code: one chunk that stays cached across releases.
        // Mantine and the other libraries are NOT grouped: a group pulls every module it matches (from every lazy
        // route) into one chunk the entry preloads, which undid the lazy routes (254 kB initial JS before).
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  server: {
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
}));
