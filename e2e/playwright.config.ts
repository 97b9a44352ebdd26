import { defineConfig, devices } from '@playwright/test';

// Debian's chromium (apt-get install chromium); test tools never download browsers of their own.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: './tests',
  // one server for all tests (started by global-setup on the embedded default); tests create their own tenants
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  // spec files run two at a time (tests inside a file stay in order): every spec makes its own tenants, so files
  // share nothing but the server; two workers keep the browser suite's time in the CI budget
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/report.json' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    {
      name: 'crm-desktop',
      testDir: './tests/crm',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    {
      name: 'crm-phone',
      testDir: './tests/crm',
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        launchOptions: chromium,
      },
    },
    {
      name: 'admin-desktop',
      testDir: './tests/admin',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
  ],
});
