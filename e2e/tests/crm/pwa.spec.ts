import { expect, test } from '../browserGuard';

test('the CRM is an installable PWA: manifest with icons, a service worker that controls the app', async ({ page, request }) => {
  await page.goto('/crm/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(new URL(href!, page.url()).href)).json()) as {
    name: string;
    start_url: string;
    scope: string;
    display: string;
    icons: { sizes: string; purpose?: string; src: string }[];
  };
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/crm/');
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    expect((await request.get(new URL(icon.src, new URL(href!, page.url())).href)).ok()).toBe(true);
  }

  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), { timeout: 30_000 })
    .toBe('activated');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope ?? null);
  expect(scope).toMatch(/\/crm\/$/);

  // the notification seam: clicks (and later server push) are handled by a script the service worker imports
  const sw = await (await request.get('/crm/sw.js')).text();
  expect(sw).toContain('sw-notifications.js');
  expect(await (await request.get('/crm/sw-notifications.js')).text()).toContain('notificationclick');
});
